/**
 * The guard's decision and AWS's own policy simulator's, side by side (iam:SimulatePrincipalPolicy for a loaded
 * principal). IAM_ENDPOINT/STS_ENDPOINT point it at the testing kit; APP_ARN names the resource.
 */
import { loadPrincipal, verifyWithAws } from 'pinpoint-guard/principal';

const endpoints = {
  ...(process.env.IAM_ENDPOINT ? { iamEndpoint: process.env.IAM_ENDPOINT } : {}),
  ...(process.env.STS_ENDPOINT ? { stsEndpoint: process.env.STS_ENDPOINT } : {}),
};

// #region verify
const principal = await loadPrincipal({ region: 'us-east-1', sessionTags: {}, ...endpoints }); // a session without tags
const { pairs, disagreements } = await verifyWithAws({
  region: 'us-east-1', ...endpoints, principal,
  actions: ['mobiletargeting:GetApp', 'mobiletargeting:DeleteApp'],
  resources: [process.env.APP_ARN ?? 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/my-app'],
});
for (const p of pairs) console.log(`${p.action}: guard ${p.guard}, AWS ${p.aws}`);
if (disagreements.length > 0) process.exitCode = 1;
// #endregion
