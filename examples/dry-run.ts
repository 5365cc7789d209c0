/**
 * Dry-run tooling: what a policy allows, and why, with no request sent and no AWS account.
 *
 *   npx tsx examples/dry-run.ts
 */
import { checkPermission, generatePolicy, lintPolicy } from 'pinpoint-guard/tooling';

// #region dry-run
const policy = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'ReadProject', Effect: 'Allow', Action: 'mobiletargeting:Get*', Resource: 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/a1*' },
    { Sid: 'Typo', Effect: 'Allow', Action: 'mobiletargeting:SendMessage', Resource: '*' },
  ],
};

// One call: the decision and the statement that decided it.
const check = checkPermission({
  policies: [policy], region: 'us-east-1', accountId: '123456789012',
  operation: 'GetSegment', input: { ApplicationId: 'a1', SegmentId: 's1' },
});
console.log(check.decision); // 'Allow'
console.log(check.reason);   // which statement decided

// The policy's mistakes, each with its JSON path and a fix.
for (const finding of lintPolicy(policy)) console.log(`${finding.severity} ${finding.path}: ${finding.message}`);

// The least-privilege policy for the calls a backend makes, verified against the catalog.
// (A client in `mode: 'record'` lists them: `generatePolicy({ recorded: client.recorded() })`.)
const { policy: leastPrivilege, check: selfCheck } = generatePolicy({
  calls: [
    { action: 'mobiletargeting:GetSegment', resource: 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/a1/segments/s1' },
    { action: 'mobiletargeting:SendMessages', resource: 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/a1/messages' },
  ],
});
console.log(JSON.stringify(leastPrivilege, null, 2));
console.log(selfCheck.allowsEveryCall ? 'it allows every call, and nothing else' : `it denies ${selfCheck.deniedCalls.length} calls`);
// #endregion
