/**
 * What a policy change grants, in the library: the same comparison as `pinpoint-guard diff`.
 *
 *   npx tsx examples/diff.ts
 */
import { diffPolicies } from 'pinpoint-guard/tooling';

// #region diff
const today = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'mobiletargeting:GetApp', Resource: 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/project1' }],
};
const proposed = {
  Version: '2012-10-17',
  Statement: [{ Sid: 'AllProjects', Effect: 'Allow', Action: 'mobiletargeting:GetApp', Resource: 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/*' }],
};

const d = diffPolicies({ before: { policies: [today] }, after: { policies: [proposed] } });
console.log(d.verdict); // 'new-access' | 'no-new-access' | 'unknown'
for (const c of d.added) console.log(c.action, c.resources.join(', '), c.condition ?? 'whatever the context');
// #endregion
