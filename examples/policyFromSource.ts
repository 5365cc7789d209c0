/**
 * The least-privilege policy a TypeScript backend needs, read from its source: every PinpointClient call found by type.
 * Run: PROJECT=path/to/tsconfig.json AWS_ACCOUNT_ID=123456789012 npx tsx examples/policyFromSource.ts
 * (needs the optional peer dependency ts-morph).
 */
// #region source
import { policyFromSource, sourcePolicyReport } from 'pinpoint-guard';

const result = await policyFromSource({
  project: process.env.PROJECT ?? 'tsconfig.json',
  region: process.env.AWS_REGION ?? 'us-east-1',
  accountId: process.env.AWS_ACCOUNT_ID ?? '123456789012',
});

console.log(JSON.stringify(result.policy, null, 2)); // what to paste into IAM
console.error(sourcePolicyReport(result)); // each Sid's call sites, the wildcards and why, the unresolved calls
process.exitCode = result.unresolved.length > 0 ? 1 : 0;
// #endregion
