/**
 * The least-privilege policy a TypeScript backend needs, read from its source: every Pinpoint client call (this
 * package's or @aws-sdk/client-pinpoint's) found by type.
 * Run: PROJECT=path/to/tsconfig.json AWS_ACCOUNT_ID=123456789012 npx tsx examples/policyFromSource.ts
 * (needs the optional peer dependency ts-morph).
 */
// #region source
import { policyFromSource, sourcePolicyReport } from 'pinpoint-guard/tooling';

const result = await policyFromSource({
  project: process.env.PROJECT ?? 'tsconfig.json',
  // Over the Region and account a client's construction writes as constants; without either, the code's are used.
  region: process.env.AWS_REGION,
  accountId: process.env.AWS_ACCOUNT_ID,
  // An id the code reads from configuration (a constructor parameter, process.env): the one this deployment uses.
  ids: { ApplicationId: process.env.APP_ID ?? 'app-main' },
});

console.log(JSON.stringify(result.policy, null, 2)); // what to paste into IAM
console.error(sourcePolicyReport(result)); // each Sid's call sites, calls by client, ids filled, wildcards, unresolved calls
process.exitCode = result.unresolved.length > 0 ? 1 : 0;
// #endregion
