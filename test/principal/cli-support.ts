/** Subprocesses whose AWS SDK signs as one of the emulated IAM's callers: the CLI, and the examples. */
import { pinpointGuard, type Run } from '../examples/examples.js';

export type CliRun = Run;

/**
 * The environment of a process signing with `keys` and nothing else of the machine's AWS setup (no profile, session
 * token or account); endpoints are the caller's to add.
 */
export const signingAs = (keys: { readonly accessKeyId: string; readonly secretAccessKey: string }): Record<string, string> => ({
  AWS_ACCESS_KEY_ID: keys.accessKeyId, AWS_SECRET_ACCESS_KEY: keys.secretAccessKey, AWS_SESSION_TOKEN: '', AWS_PROFILE: '', AWS_ACCOUNT_ID: '',
});

/** The CLI in a subprocess, its AWS SDK pointed at an emulated IAM/STS by the SDK's own endpoint variables. */
export function cliAgainst(iamUrl: string, args: readonly string[], keys: { readonly accessKeyId: string; readonly secretAccessKey: string }, env: Record<string, string> = {}): Promise<CliRun> {
  return pinpointGuard(args, { env: { ...signingAs(keys), AWS_ENDPOINT_URL_IAM: iamUrl, AWS_ENDPOINT_URL_STS: iamUrl, ...env } });
}
