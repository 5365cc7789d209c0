/**
 * The guarded client: every call is checked against the policy before anything is sent. With PINPOINT_ENDPOINT set
 * (e.g. to `startPinpointMockServer()`'s URL) it talks to that endpoint; unset, to Amazon Pinpoint in the Region, with
 * the credentials of the standard AWS chain.
 *
 *   npx tsx examples/client.ts <applicationId> <segmentId>
 */
import { AccessDeniedError, PinpointClient } from 'pinpoint-guard';

// #region client
// The identity policy of the role this backend runs as: read-only on one project.
const policy = {
  Version: '2012-10-17',
  Statement: [{
    Effect: 'Allow',
    Action: ['mobiletargeting:GetApp', 'mobiletargeting:GetSegment*'],
    Resource: ['arn:aws:mobiletargeting:us-east-1:123456789012:apps/*'],
  }],
};

const client = new PinpointClient({
  region: 'us-east-1',
  accountId: '123456789012',               // else from the credentials, else STS GetCallerIdentity
  policy,                                   // or policies: [...], permissionsBoundary, serviceControlPolicies, sessionPolicy
  endpoint: process.env.PINPOINT_ENDPOINT,  // unset: https://pinpoint.us-east-1.amazonaws.com
});

const [applicationId = '', segmentId = ''] = process.argv.slice(2);
try {
  const { SegmentResponse } = await client.getSegment({ ApplicationId: applicationId, SegmentId: segmentId });
  console.log(`segment ${SegmentResponse?.Name ?? '(no name)'}`);
  await client.deleteSegment({ ApplicationId: applicationId, SegmentId: segmentId }); // the policy does not allow it
} catch (e) {
  if (e instanceof AccessDeniedError) console.error(`denied, nothing was sent: ${e.reason}`);
  else console.error(e instanceof Error ? `${e.name}: ${e.message}` : e); // credentials, network, Pinpoint's own errors
  process.exitCode = 1;
}
// #endregion
