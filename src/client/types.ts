/** Public types of the client's configuration, calls and results. */
import type { AxiosInstance } from 'axios';
import type { Decision, PolicyInput, RequestContext } from '../policy/index.js';
import type { LoadedPrincipal } from '../principal/types.js';
import type { WhenUncertain } from '../guard/verdict.js';

/**
 * - `enforce`: a denied call throws `AccessDeniedError` and sends nothing (default when a policy is given); a call whose
 *   decision depends on keys the guard cannot see throws `UncertainDecisionError` unless `whenUncertain: 'send'`.
 * - `dry-run`: nothing is sent; every call resolves to a {@link DryRunResult}.
 * - `record`: calls are sent and each (action, resource) pair is recorded, with the guard's decision, for
 *   least-privilege generation.
 * - `off`: no guard (default when no policy is given).
 */
export type GuardMode = 'enforce' | 'dry-run' | 'record' | 'off';

/** AWS credentials, as the AWS SDK v3 identity shape. */
export interface Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
  readonly expiration?: Date;
  /** Some providers know the account; it saves a call to STS. */
  readonly accountId?: string;
}

/** Any AWS SDK v3 credential provider: an async function returning credentials. */
export type CredentialProvider = () => Promise<Credentials>;

/** Where the client's warnings (end of support, invalid policies) and debug lines go; replace it to route or silence them. */
export interface Logger {
  debug(message: string): void;
  warn(message: string): void;
}

/** Retries of throttling, 5xx and network errors: exponential backoff with full jitter, `Retry-After` honoured. */
export interface RetryConfig {
  /** Total attempts including the first (default 3). */
  readonly maxAttempts?: number;
  /** Base of the exponential backoff in ms (default 100). */
  readonly baseDelayMs?: number;
  /** Cap of one backoff delay in ms (default 20,000). */
  readonly maxDelayMs?: number;
}

/**
 * A principal to load from IAM: `principalArn` (default: whoever the credentials belong to, per STS) and, for a role
 * session, the tags the session was created with (`sessionTags`, `{}` for none). Session tags add to and override the
 * role's, and IAM cannot list them: without `sessionTags`, a role's aws:PrincipalTag/* keys are unknown.
 */
export interface PrincipalToLoad {
  readonly principalArn?: string;
  readonly sessionTags?: Readonly<Record<string, string>>;
}

/** What every client configuration has: where to call, as whom, the guard's mode and facts. */
export interface ClientConfigBase<M extends GuardMode = GuardMode> {
  readonly region: string;
  /** The 12-digit account the ARNs name; otherwise from the credentials, else STS GetCallerIdentity. */
  readonly accountId?: string;
  readonly credentials?: Credentials | CredentialProvider;
  /** Defaults to `https://pinpoint.{region}.amazonaws.com` (`.com.cn` in China). */
  readonly endpoint?: string;
  readonly serviceControlPolicies?: readonly (readonly PolicyInput[])[];
  readonly sessionPolicy?: PolicyInput;
  readonly mode?: M;
  /**
   * Request context keys for every call (`aws:username`, `aws:PrincipalTag/team`, `aws:SourceIp`, ...). A key the
   * guard cannot see (catalog/condition-keys.yaml: `caller` and `unknowable` keys) is unknown until given here or per
   * call; a supplied key is known. Keys the guard sets itself (time, Region, TLS, request tags) cannot be overridden.
   */
  readonly context?: RequestContext;
  /**
   * What the guard does when the decision depends on keys it cannot see (`aws:SourceIp` as AWS sees it, a resource's
   * tags, ...): `deny` (default) sends nothing and throws `UncertainDecisionError`, naming the keys, the values that
   * would allow and how to supply them. `send` lets AWS decide: the weaker guarantee — the call is sent and AWS may
   * still refuse it (a Deny guardrail on `aws:SourceIp`), or allow what the guard could not confirm.
   */
  readonly whenUncertain?: WhenUncertain;
  readonly retry?: RetryConfig;
  /** Per-attempt timeout in ms (default 30,000). */
  readonly timeout?: number;
  /**
   * Cap of a response body in bytes, counted after decompression while it streams in (default 10 MiB,
   * `DEFAULT_MAX_RESPONSE_BYTES`). Past it the request is aborted at once with a `ResponseTooLargeError` naming the
   * operation and the cap, and it is not retried.
   */
  readonly maxResponseBytes?: number;
  /**
   * Accept an `http://` endpoint (`endpoint`, `iamEndpoint`, `stsEndpoint`) on a host that is not loopback (default
   * false: refused, since the signed headers and the session token would cross the network in cleartext). `http://`
   * to localhost, 127.0.0.0/8 or ::1 is always accepted.
   */
  readonly allowInsecureEndpoint?: boolean;
  /** An axios instance to send with (its adapter and interceptors are used). */
  readonly axios?: AxiosInstance;
  /** `warn` (default) logs once per end-of-support operation; `error` throws `EndOfSupportError` before sending. */
  readonly lifecycle?: 'warn' | 'error' | 'off';
  readonly logger?: Logger;
  /**
   * `'fetch'`: when a policy tests aws:ResourceTag/* for the action being called, read the resource's tags with
   * ListTagsForResource (itself a guarded call, so the policies must allow it) and decide with them; cached per ARN
   * for `resourceTagsTtlSeconds` and dropped when TagResource/UntagResource succeed through this client. Otherwise
   * those keys are only what the caller's `context` supplies.
   */
  readonly resourceTags?: 'fetch';
  /** How long fetched resource tags are trusted (default 60). */
  readonly resourceTagsTtlSeconds?: number;
}

/** The identity policies given in the configuration (no principal loaded from IAM). */
export interface IdentityPolicyConfig {
  /** The identity policy (or use `policies` for several). */
  readonly policy?: PolicyInput;
  readonly policies?: readonly PolicyInput[];
  readonly permissionsBoundary?: PolicyInput;
  /** SCP levels from the organization root down to the account; each level a list of policies. */
  readonly principal?: never;
  readonly principalRefreshSeconds?: never;
  readonly principalMaxStaleSeconds?: never;
  readonly iamEndpoint?: never;
  readonly stsEndpoint?: never;
}

/** A principal whose identity policies and boundary come from IAM: no identity policies beside it. */
export interface PrincipalConfig {
  /**
   * The caller as AWS sees it, loaded from IAM: `'auto'` (whoever the credentials belong to, per STS), a role or user
   * `{ principalArn }`, or a {@link LoadedPrincipal} (used as given, not refreshed). Its identity policies and
   * boundary replace `policy`/`policies`/`permissionsBoundary` (refused together with it); `sessionPolicy` and
   * `serviceControlPolicies` still apply. Its principal keys are facts the caller's `context` cannot override.
   * Loaded on the first guarded call or `await client.ready()`; needs `@aws-sdk/client-iam` and `@aws-sdk/client-sts`.
   */
  readonly principal?: 'auto' | LoadedPrincipal | PrincipalToLoad;
  /** How often the principal is reloaded in the background (default 300). */
  readonly principalRefreshSeconds?: number;
  /** How long a failed refresh keeps the last good principal, with a warning, before calls are denied (default 3 × principalRefreshSeconds). */
  readonly principalMaxStaleSeconds?: number;
  /** IAM's endpoint for loading the principal (default: IAM's for the partition). */
  readonly iamEndpoint?: string;
  /** STS's endpoint for loading the principal (default: STS's Regional endpoint). */
  readonly stsEndpoint?: string;
  /** Not with `principal`: its identity policies come from IAM (narrow them with `sessionPolicy`). */
  readonly policy?: never;
  readonly policies?: never;
  readonly permissionsBoundary?: never;
}

/**
 * Configuration of `PinpointClient`: where to call, as whom, and under which policies — identity policies
 * (`policy`/`policies`/`permissionsBoundary`) or a `principal` loaded from IAM, never both.
 */
export type ClientConfig<M extends GuardMode = GuardMode> = ClientConfigBase<M> & (IdentityPolicyConfig | PrincipalConfig);

/** Per-call options of every generated method. */
export interface CallOptions {
  readonly signal?: AbortSignal;
  /** Per-attempt timeout in ms for this call. */
  readonly timeout?: number;
  /** Extra request context keys for this call's guard decision. */
  readonly context?: RequestContext;
}

/** Response metadata, as the AWS SDK v3 `$metadata`. */
export interface ResponseMetadata {
  readonly httpStatusCode: number;
  readonly requestId: string | undefined;
  readonly attempts: number;
  readonly totalRetryDelay: number;
}

/** The request a call would send, without credentials or signature. */
export interface PreparedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
}

/** What a call resolves to in `dry-run` mode: the decision and the request that would have been sent. */
export interface DryRunResult {
  readonly dryRun: true;
  readonly operation: string;
  readonly action: string;
  readonly resource: string;
  /** Allow, ExplicitDeny, ImplicitDeny, or Conditional (depends on keys the guard cannot see; see `decision.dependsOn`). */
  readonly decision: Decision;
  /** Whether an `enforce` client with the same config would send it: an Allow, or a Conditional with `whenUncertain: 'send'`. */
  readonly wouldSend: boolean;
  readonly request: PreparedRequest;
}

/** A call's result type for a guard mode: dry-run clients resolve to {@link DryRunResult}. */
export type CallResult<M extends GuardMode, O> = M extends 'dry-run' ? DryRunResult : O;

/** One recorded call, in `record` mode: what was sent and what the guard decided for it. */
export interface RecordedCall {
  readonly operation: string;
  readonly action: string;
  readonly resource: string;
  /** The guard's decision; record mode sends every call, so a Conditional or a deny here is what enforce would refuse. */
  readonly decision?: Decision['decision'];
  /** For a Conditional decision: the keys it depends on. */
  readonly dependsOn?: readonly string[];
}
