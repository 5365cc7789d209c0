/** `pinpoint-guard/principal`: loading the caller's principal from IAM (the AWS SDK's IAM and STS clients load only when it is called). */
export { loadPrincipal } from './load.js';
export { AwsVerificationError, PrincipalLoadError, PRINCIPAL_SELF_READ_POLICY } from './errors.js';
export type { LoadedPrincipal, LoadPrincipalOptions, PolicySource, PrincipalType } from './types.js';
export { verifyWithAws, type AwsDecision, type GuardDecision, type VerifiedPair, type VerifyResult, type VerifyWithAwsOptions } from './verify.js';
