/**
 * The client's principal: loaded from IAM on first use (or `client.ready()`), refreshed in the background, and
 * turned into the compiled policy set and the principal keys the guard decides with. A failed first load denies
 * every guarded call with the PrincipalLoadError; a failed refresh keeps the last good set for a bounded time.
 */
import { checkEndpoint } from '../client/endpoint.js';
import { compilePolicies, type CompiledPolicySet, type ParsedPolicy } from '../policy/index.js';
import { parsedAll } from './resource-tags.js';
import { PrincipalLoadError } from '../principal/errors.js';
import type { LoadedPrincipal } from '../principal/types.js';
import type { ClientConfig, CredentialProvider, Logger } from '../client/types.js';
import { principalKeys, type PrincipalKeys } from './decide.js';

/** The guard's view of a loaded principal. */
export interface PrincipalGuard {
  readonly principal: LoadedPrincipal;
  readonly set: CompiledPolicySet;
  /** Every policy that decides (identity, boundary, SCPs, session), parsed: what `resourceTags: 'fetch'` inspects. */
  readonly parsed: readonly ParsedPolicy[];
  /** Whether a lower-cased context key is one the principal states as a fact (the caller may not supply it). */
  readonly isFact: (lowerKey: string) => boolean;
  /** The principal's keys, as the guard's decision takes them. */
  readonly keys: PrincipalKeys;
}

const DEFAULT_REFRESH_SECONDS = 300;

const isLoaded = (p: unknown): p is LoadedPrincipal => typeof p === 'object' && p !== null && 'policySet' in p && 'context' in p;

/** Refuses a principal configuration that cannot work, naming the field. */
export function checkPrincipalConfig(config: ClientConfig): void {
  const p = config.principal;
  if (p === undefined) return;
  const spec = p as { principalArn?: unknown; sessionTags?: unknown };
  if (p !== 'auto' && !isLoaded(p) && !(typeof p === 'object' && p !== null && (spec.principalArn === undefined || typeof spec.principalArn === 'string'))) {
    throw new TypeError(`config.principal: expected 'auto', a LoadedPrincipal (from loadPrincipal) or { principalArn?, sessionTags? }, got ${JSON.stringify(p)}`);
  }
  if (typeof p === 'object' && !isLoaded(p) && spec.sessionTags !== undefined) {
    const tags = spec.sessionTags;
    if (tags === null || typeof tags !== 'object' || Array.isArray(tags) || Object.values(tags).some((v) => typeof v !== 'string')) {
      throw new TypeError(`config.principal.sessionTags: expected the session's tags as { key: 'value' } ({} when it has none), got ${JSON.stringify(tags)}`);
    }
  }
  // The identity policies and boundary come from IAM: a second source would either widen what the guard allows
  // (an allow in any identity policy suffices) or drift from IAM. Narrowing is what sessionPolicy is for.
  for (const field of ['policy', 'policies', 'permissionsBoundary'] as const) {
    if (config[field] !== undefined) {
      throw new TypeError(`config.${field}: not allowed with config.principal, whose identity policies and permissions boundary come from IAM; narrow them with sessionPolicy, add serviceControlPolicies`);
    }
  }
  if (config.mode === 'dry-run' && !isLoaded(p)) {
    throw new TypeError('config.principal: dry-run mode sends nothing, not even to IAM; pass a LoadedPrincipal (await loadPrincipal(...))');
  }
  const refresh = config.principalRefreshSeconds;
  if (refresh !== undefined && !(Number.isFinite(refresh) && refresh > 0)) throw new TypeError(`config.principalRefreshSeconds: expected a positive number of seconds, got ${refresh}`);
  const stale = config.principalMaxStaleSeconds;
  if (stale !== undefined && !(Number.isFinite(stale) && stale >= 0)) throw new TypeError(`config.principalMaxStaleSeconds: expected a number of seconds ≥ 0, got ${stale}`);
  // IAM and STS calls carry the same signed headers and session token as Pinpoint's: the same rule for cleartext.
  for (const field of ['iamEndpoint', 'stsEndpoint'] as const) {
    if (config[field] !== undefined) checkEndpoint(config[field], config.allowInsecureEndpoint, `config.${field}`);
  }
}

function guardFor(principal: LoadedPrincipal, config: ClientConfig): PrincipalGuard {
  const keys = principalKeys(principal);
  const set = compilePolicies({
    policies: principal.policySet.policies,
    ...(principal.policySet.permissionsBoundary ? { permissionsBoundary: principal.policySet.permissionsBoundary } : {}),
    ...(config.serviceControlPolicies ? { serviceControlPolicies: config.serviceControlPolicies } : {}),
    ...(config.sessionPolicy !== undefined ? { sessionPolicy: config.sessionPolicy } : {}),
  });
  return {
    principal, set,
    parsed: [...principal.policySet.policies, ...parsedAll([principal.policySet.permissionsBoundary, ...(config.serviceControlPolicies ?? []).flat(), config.sessionPolicy])],
    isFact: keys.isFact,
    keys,
  };
}

/** Loads, holds and refreshes the principal of one client. */
export class PrincipalSource {
  readonly #config: ClientConfig;
  readonly #credentials: CredentialProvider;
  readonly #logger: Logger;
  readonly #now: () => number;
  readonly #refreshMs: number;
  readonly #maxStaleMs: number;
  #good: PrincipalGuard | undefined;
  #goodAt = 0;
  #failure: PrincipalLoadError | undefined;
  #loading: Promise<void> | undefined;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(config: ClientConfig, credentials: CredentialProvider, logger: Logger, now: () => number = Date.now) {
    this.#config = config;
    this.#credentials = credentials;
    this.#logger = logger;
    this.#now = now;
    const refreshSeconds = config.principalRefreshSeconds ?? DEFAULT_REFRESH_SECONDS;
    this.#refreshMs = refreshSeconds * 1000;
    this.#maxStaleMs = (config.principalMaxStaleSeconds ?? 3 * refreshSeconds) * 1000;
    if (isLoaded(config.principal)) {
      // A principal handed in is used as given: the caller loaded it and refreshes it.
      this.#good = guardFor(config.principal, config);
      this.#goodAt = now();
    }
  }

  /** The principal to decide with; throws the PrincipalLoadError when there is none, or the last good one is too old. */
  async current(): Promise<PrincipalGuard> {
    if (this.#good === undefined && this.#failure === undefined) await this.#load();
    const good = this.#good;
    const failure = this.#failure;
    if (good !== undefined && failure === undefined) return good;
    if (good !== undefined && this.#now() - this.#goodAt <= this.#maxStaleMs) return good;
    if (good !== undefined && failure !== undefined) {
      throw new PrincipalLoadError({
        code: failure.code, ...(failure.action ? { action: failure.action } : {}), principalArn: good.principal.principalArn, cause: failure,
        message: `the principal could not be refreshed since ${new Date(this.#goodAt).toISOString()}, longer than principalMaxStaleSeconds (${this.#maxStaleMs / 1000}), so its policies are no longer trusted: ${failure.message}`,
      });
    }
    throw failure!;
  }

  /**
   * The principal to decide with, when it is at hand without waiting: loaded, and fresh or within the stale bound.
   * Undefined otherwise — not loaded yet, or an error {@link current} reports.
   */
  currentNow(): PrincipalGuard | undefined {
    const good = this.#good;
    if (good === undefined) return undefined;
    return this.#failure === undefined || this.#now() - this.#goodAt <= this.#maxStaleMs ? good : undefined;
  }

  /** Stops the background refresh. */
  close(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  #load(): Promise<void> {
    this.#loading ??= (async () => {
      const p = this.#config.principal;
      try {
        // Loaded here, at the first call of a client that loads its principal: the IAM reader is not part of a cold
        // import of the root (most clients are given their policies).
        const { loadPrincipal } = await import('../principal/load.js');
        const principal = await loadPrincipal({
          region: this.#config.region,
          credentials: this.#credentials,
          ...(typeof p === 'object' && p !== null && !isLoaded(p) && p.principalArn !== undefined ? { principalArn: p.principalArn } : {}),
          ...(typeof p === 'object' && p !== null && !isLoaded(p) && p.sessionTags !== undefined ? { sessionTags: p.sessionTags } : {}),
          ...(this.#config.iamEndpoint ? { iamEndpoint: this.#config.iamEndpoint } : {}),
          ...(this.#config.stsEndpoint ? { stsEndpoint: this.#config.stsEndpoint } : {}),
          ...(this.#config.allowInsecureEndpoint === true ? { allowInsecureEndpoint: true } : {}),
        });
        this.#good = guardFor(principal, this.#config);
        this.#goodAt = this.#now();
        this.#failure = undefined;
      } catch (e) {
        this.#failure = e instanceof PrincipalLoadError ? e : new PrincipalLoadError({ code: 'Error', message: (e as Error).message, cause: e });
        if (this.#good !== undefined) {
          const since = new Date(this.#goodAt).toISOString();
          const limit = this.#maxStaleMs / 1000;
          this.#logger.warn(this.#now() - this.#goodAt <= this.#maxStaleMs
            ? `pinpoint-guard: refreshing the principal failed; the policies loaded at ${since} stay in force for up to ${limit} s: ${this.#failure.message}`
            : `pinpoint-guard: refreshing the principal failed and the policies loaded at ${since} are older than principalMaxStaleSeconds (${limit} s): guarded calls are denied until a refresh succeeds: ${this.#failure.message}`);
        }
      } finally {
        this.#loading = undefined;
        this.#schedule();
      }
    })();
    return this.#loading;
  }

  #schedule(): void {
    if (this.#timer !== undefined) return;
    // Unref'd: a client's refresh never keeps the process alive.
    this.#timer = setInterval(() => { void this.#load(); }, this.#refreshMs);
    this.#timer.unref?.();
  }
}
