/**
 * The policy engine on its own: a decision and its reason for one action on one resource.
 *
 *   npx tsx examples/evaluate.ts
 */
import { evaluate } from 'pinpoint-guard/policy';

// #region evaluate
const policy = {
  Version: '2012-10-17',
  Statement: [{
    Effect: 'Allow',
    Action: 'mobiletargeting:GetSegment',
    Resource: 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/${aws:username}/*',
  }],
};
const arn = 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/ana/segments/s1';

const d = evaluate({ policies: [policy], action: 'mobiletargeting:GetSegment', resource: arn, context: { 'aws:username': 'ana' } });
console.log(d.decision); // 'Allow' | 'ExplicitDeny' | 'ImplicitDeny', or 'Conditional' when it depends on unknownKeys
console.log(d.reason);   // which statement decided, or what nearly matched and why it failed
// #endregion
