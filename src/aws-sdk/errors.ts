/**
 * The guard's errors as SDK v3 callers meet errors: besides the package's classes (`AccessDeniedError`,
 * `UncertainDecisionError`, `ValidationError`, …) and their `name`, an SDK error says who is at fault (`$fault`) and
 * carries response metadata (`$metadata`). The guard refuses before anything is sent: the fault is the client's and
 * the metadata says no attempt was made.
 */

/** The response metadata of a call the guard stopped: no HTTP status, no request id, no attempt. */
export interface NotSentMetadata {
  readonly attempts: 0;
  readonly totalRetryDelay: 0;
}

/** What SDK v3 callers test on an error, on every error the plugin throws before sending. */
export interface SdkErrorFields {
  readonly $fault: 'client';
  readonly $metadata: NotSentMetadata;
}

/** An error the plugin threw before sending: the package's class, with the SDK's `$fault` and `$metadata`. */
export type SdkGuardError<E extends Error = Error> = E & SdkErrorFields;

/** Adds `$fault: 'client'` and `$metadata` to an error thrown before sending (once; the error's class is kept). */
export function asSdkError(error: unknown): unknown {
  if (!(error instanceof Error) || '$fault' in error) return error;
  const metadata: NotSentMetadata = Object.freeze({ attempts: 0, totalRetryDelay: 0 });
  return Object.assign(error, { $fault: 'client' as const, $metadata: metadata });
}
