/**
 * Load the caller as AWS sees it: its policies (with their sources), its permissions boundary and the principal keys.
 * Endpoints come from the environment so that tests can point it at the testing kit's emulated IAM/STS:
 * IAM_ENDPOINT and STS_ENDPOINT (else AWS's), credentials from the AWS SDK's default chain.
 */
import { loadPrincipal } from 'pinpoint-guard/principal';

// #region load
const principal = await loadPrincipal({
  region: process.env.AWS_REGION ?? 'us-east-1',
  ...(process.env.IAM_ENDPOINT ? { iamEndpoint: process.env.IAM_ENDPOINT } : {}),
  ...(process.env.STS_ENDPOINT ? { stsEndpoint: process.env.STS_ENDPOINT } : {}),
});
console.log(principal.principalArn, principal.principalType);
for (const source of principal.sources) console.log(`  ${source.kind}: ${source.label}`);
console.log(principal.context); // aws:PrincipalArn, aws:PrincipalTag/*, aws:userid, ...
console.log(principal.notLoaded); // what IAM cannot tell: session policies, SCPs, ...
// #endregion
