/**
 * Test a guard setup without AWS: the testing kit's emulated IAM/STS (over HTTP here; `iam.handlers` for msw)
 * holds the role, its ABAC policy and tags; the client loads it and decides with it.
 */
import { PinpointClient, AccessDeniedError } from 'pinpoint-guard';
import { startIamMockServer, startPinpointMockServer } from 'pinpoint-guard/testing';

// #region testing
const iam = await startIamMockServer({
  roles: [{
    name: 'backend',
    inlinePolicies: {
      abac: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'mobiletargeting:GetApp', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/team': 'growth' } } }] },
    },
    tags: { team: 'growth' },
  }],
  callers: [{ accessKeyId: 'AKIDBACKEND', arn: 'arn:aws:sts::123456789012:assumed-role/backend/i-0abc' }],
});
const pinpoint = await startPinpointMockServer();
const credentials = { accessKeyId: 'AKIDBACKEND', secretAccessKey: 'test' };
try {
  const admin = new PinpointClient({ region: 'us-east-1', accountId: '123456789012', endpoint: pinpoint.url, credentials, mode: 'off', lifecycle: 'off' });
  const appId = (await admin.createApp({ CreateApplicationRequest: { Name: 'shop' } })).ApplicationResponse!.Id!;
  const client = new PinpointClient({ region: 'us-east-1', endpoint: pinpoint.url, credentials, principal: { sessionTags: {} }, iamEndpoint: iam.url, stsEndpoint: iam.url, lifecycle: 'off' });
  await client.getApp({ ApplicationId: appId }); // allowed: the role is tagged team=growth
  await client.deleteApp({ ApplicationId: appId }).catch((e: unknown) => { if (!(e instanceof AccessDeniedError)) throw e; console.log('denied:', e.reason); });
  client.close();
} finally {
  await Promise.all([iam.close(), pinpoint.close()]);
}
// #endregion
