/**
 * The stateful guard of one client (or SDK plugin): it holds the compiled policies, the principal source and the
 * resource tag cache, resolves the account ARNs name, gathers the facts of a call and decides it with
 * {@link guardDecision}. It sends nothing itself: the caller supplies the I/O (credentials, STS, ListTagsForResource).
 */
import type { BoundCall } from '../client/bind.js';
import type { OperationSpec } from '../client/spec.js';
import type { ClientConfig, CredentialProvider, GuardMode, Logger } from '../client/types.js';
import type { ParsedPolicy, RequestContext } from '../policy/index.js';
import { AccountResolutionError } from '../errors/guard.js';
import { guardDecision, guardDeny, type GuardEnvironment, type GuardFacts, type GuardOutcome, type GuardPolicies } from './decide.js';
import { credentialKind, type CredentialKind } from './keys.js';
import { configuredPolicies } from './policies.js';
import { checkPrincipalConfig, PrincipalSource, type PrincipalGuard } from './principal-source.js';
import { parsedAll, ResourceTagCache, tagsOfAnswer } from './resource-tags.js';
import { WHEN_UNCERTAIN } from './verdict.js';

const MODES: readonly GuardMode[] = ['enforce', 'dry-run', 'record', 'off'];

/** What the guard needs from its host: it performs no I/O of its own. */
export interface GuardIo {
  /** The credentials the calls are signed with (cached by the host). */
  readonly credentials: CredentialProvider;
  readonly logger: Logger;
  /** Whether the endpoint the calls go to is https (aws:SecureTransport). */
  readonly secureTransport: boolean;
  /** The account of the credentials, per STS GetCallerIdentity; called only when neither config nor principal names it. */
  readonly callerAccount: () => Promise<string>;
  /**
   * Reads a resource's tags for `resourceTags: 'fetch'`: the output of a ListTagsForResource call on `arn`, itself
   * guarded by the host. The guard checks the answer's shape.
   */
  readonly readTags?: (arn: string, signal: AbortSignal | undefined) => Promise<unknown>;
}

/**
 * A decision and everything it was made from besides what a guard holds for good (its Region, transport, credentials
 * and configured policies and context): the operation's ids, the second (the guard's Date for it), the principal
 * and the account. A call of the same operation that matches all of them, without per-call keys or request tags,
 * gets the same decision: it is taken without building the ARN, the context and the engine's lookup again, which
 * in a real backend, between an SDK's or a socket's work, cost ten times what they cost in a loop.
 */
interface Repeat {
  readonly params: Readonly<Record<string, string>>;
  readonly now: Date;
  readonly principal: PrincipalGuard | undefined;
  readonly accountId: string;
  readonly outcome: GuardOutcome;
}

/** Whether a bound call names the same ids (every path label, so the same ARN) as `params`. */
function sameIds(bound: BoundCall, params: Readonly<Record<string, string>>): boolean {
  for (const label of bound.spec.labels) if (bound.params[label] !== params[label]) return false;
  return true;
}

/** Per-call facts the caller adds. */
export interface GuardCallOptions {
  /** Request context keys for this call (they replace configured keys of the same name). */
  readonly context?: RequestContext | undefined;
  readonly signal?: AbortSignal | undefined;
}

/** Refuses a configuration the guard cannot work with, naming the field. */
export function checkGuardConfig(config: ClientConfig): void {
  if (config.accountId !== undefined && !/^\d{12}$/.test(config.accountId)) throw new TypeError('config.accountId: expected 12 digits');
  if (config.mode !== undefined && !MODES.includes(config.mode)) throw new TypeError(`config.mode: expected one of ${MODES.join(', ')}, got ${JSON.stringify(config.mode)}`);
  checkPrincipalConfig(config);
  if (config.whenUncertain !== undefined && !WHEN_UNCERTAIN.includes(config.whenUncertain)) {
    throw new TypeError(`config.whenUncertain: expected one of ${WHEN_UNCERTAIN.join(', ')}, got ${JSON.stringify(config.whenUncertain)}`);
  }
  if (config.resourceTags !== undefined && config.resourceTags !== 'fetch') throw new TypeError(`config.resourceTags: expected 'fetch' or nothing, got ${JSON.stringify(config.resourceTags)}`);
}

/**
 * The guard of one client.
 *
 * @example
 * const guard = new Guard(config, io);
 * const outcome = await guard.decide(bindCall(operations.GetSegment, input), { context });
 * guardVerdict(outcome.decision.decision, config.whenUncertain ?? 'deny'); // 'send' | 'deny' | 'uncertain'
 */
export class Guard {
  /** The guard mode in force (`off` when neither policies nor a principal are configured, unless set). */
  readonly mode: GuardMode;
  readonly #config: ClientConfig;
  readonly #io: GuardIo;
  readonly #policies: GuardPolicies;
  readonly #credentials: CredentialKind;
  readonly #principal: PrincipalSource | undefined;
  readonly #tags: ResourceTagCache | undefined;
  /** The configured policies, parsed, for `resourceTags: 'fetch'` (a principal brings its own). */
  readonly #parsed: readonly ParsedPolicy[];
  #account: Promise<string> | undefined;
  /** The account STS answered, once it has: later calls decide without awaiting it. */
  #accountKnown: string | undefined;

  /** @throws TypeError naming the config field that cannot work. */
  constructor(config: ClientConfig, io: GuardIo) {
    checkGuardConfig(config);
    this.#config = config;
    this.#io = io;
    const provisional = configuredPolicies(config, config.mode ?? 'enforce');
    this.mode = config.mode ?? (provisional.kind === 'none' && config.principal === undefined ? 'off' : 'enforce');
    this.#policies = provisional.kind === 'none' ? configuredPolicies(config, this.mode) : provisional;
    if (this.#policies.kind === 'none' && this.mode === 'off') io.logger.debug('pinpoint-guard: no policy configured; the guard is off');
    if (this.#policies.kind !== 'none' && this.mode === 'off') io.logger.warn("pinpoint-guard: policies are configured but mode is 'off': no call will be checked");
    if (this.#policies.kind === 'invalid') io.logger.warn(`pinpoint-guard: ${this.#policies.reason}; every guarded call will be denied`);
    // Only static credentials tell long-term keys from a session: a provider function's keys are session-unknown.
    this.#credentials = credentialKind(config.credentials);
    this.#principal = config.principal !== undefined && this.mode !== 'off' ? new PrincipalSource(config, io.credentials, io.logger) : undefined;
    this.#tags = config.resourceTags === 'fetch' ? new ResourceTagCache(config.resourceTagsTtlSeconds) : undefined;
    this.#parsed = this.#tags && !config.principal
      ? parsedAll([config.policy, ...(config.policies ?? []), config.permissionsBoundary, ...(config.serviceControlPolicies ?? []).flat(), config.sessionPolicy])
      : [];
  }

  /** Loads the principal now (rejects with its PrincipalLoadError); resolves at once without one. */
  async ready(): Promise<void> {
    await this.#principal?.current();
  }

  /** Stops the principal's background refresh. */
  close(): void {
    this.#principal?.close();
  }

  /** The account id ARNs name: from config, the principal, static credentials (dry-run) or STS (resolved once and cached). */
  accountId(): Promise<string> {
    if (this.#config.accountId) return Promise.resolve(this.#config.accountId);
    // A principal loaded from IAM names its account: no second STS call.
    if (this.#principal) return this.#principal.current().then((p) => p.principal.accountId);
    if (this.mode === 'dry-run') {
      // Dry-run sends nothing, STS included: the account must come from the config or static credentials.
      const fromCredentials = typeof this.#config.credentials === 'object' ? this.#config.credentials.accountId : undefined;
      return fromCredentials && /^\d{12}$/.test(fromCredentials)
        ? Promise.resolve(fromCredentials)
        : Promise.reject(new AccountResolutionError('dry-run mode sends nothing, not even to STS'));
    }
    if (this.#account === undefined) {
      const lookup = this.#io.callerAccount();
      this.#account = lookup;
      // A failed lookup is not cached, so a later call can try again.
      lookup.then((id) => { this.#accountKnown = id; }, () => { if (this.#account === lookup) this.#account = undefined; });
    }
    return this.#account;
  }

  /**
   * The account id when it is known without waiting (config, a loaded principal, static credentials in dry-run, or
   * STS already answered); undefined when {@link accountId} would have to wait or reject.
   */
  #accountNow(principal: PrincipalGuard | undefined): string | undefined {
    if (this.#config.accountId) return this.#config.accountId;
    if (this.#principal) return principal?.principal.accountId;
    if (this.mode === 'dry-run') {
      const fromCredentials = typeof this.#config.credentials === 'object' ? this.#config.credentials.accountId : undefined;
      return fromCredentials && /^\d{12}$/.test(fromCredentials) ? fromCredentials : undefined;
    }
    return this.#accountKnown;
  }

  /**
   * Decides a bound call. Rejects with AccountResolutionError / PrincipalLoadError when the account or principal
   * cannot be had (the call fails closed with the real cause) and ValidationError for bad input; every other doubt
   * is a deny with its reason.
   */
  async decide(bound: BoundCall, call: GuardCallOptions = {}): Promise<GuardOutcome> {
    const spec = bound.spec;
    const accountId = await this.accountId();
    const principal: PrincipalGuard | undefined = this.#principal ? await this.#principal.current() : undefined;
    const env = this.#environment(accountId);
    const facts = this.#facts(call, principal);
    const policies = this.#policiesOf(principal);
    const outcome = guardDecision({ call: bound }, env, facts, policies);
    if (!this.#fetchesTags(spec, outcome, principal)) return outcome;
    let tags: Readonly<Record<string, string>>;
    try {
      tags = await this.#resourceTagsOf(outcome.resource, call.signal);
    } catch (e) {
      return { ...outcome, decision: guardDeny(`the policies test aws:ResourceTag/* for ${spec.action}, and the tags of ${outcome.resource} could not be read: ${(e as Error).message}`) };
    }
    return guardDecision({ call: bound }, env, { ...facts, resourceTags: tags }, policies);
  }

  /**
   * The same decision as {@link decide}, made at once when nothing it needs has to be waited for: the account and the
   * principal are known and, when the policies test the resource's tags, the tags are cached. Undefined when
   * something must be waited for (or would fail): then `decide` makes it. A guarded call pays no await, and no
   * promise, for its decision. @throws as `decide` rejects (ValidationError for bad input).
   */
  decideNow(bound: BoundCall, call: GuardCallOptions = {}): GuardOutcome | undefined {
    const principal = this.#principal?.currentNow();
    if (this.#principal !== undefined && principal === undefined) return undefined;
    const accountId = this.#accountNow(principal);
    if (accountId === undefined) return undefined;
    const now = this.#now();
    // Only a call whose decision is made from its ids alone repeats: no per-call keys, no request tags.
    const repeatable = call.context === undefined && bound.tags === undefined;
    if (repeatable) {
      const last = this.#repeats.get(bound.spec);
      if (last !== undefined && last.now === now && last.principal === principal && last.accountId === accountId && sameIds(bound, last.params)) return last.outcome;
    }
    const env = this.#environment(accountId, now);
    const facts = this.#facts(call, principal);
    const policies = this.#policiesOf(principal);
    const outcome = guardDecision({ call: bound }, env, facts, policies);
    if (!this.#fetchesTags(bound.spec, outcome, principal)) {
      if (repeatable) this.#repeats.set(bound.spec, { params: bound.params, now, principal, accountId, outcome });
      return outcome;
    }
    const tags = this.#tags!.get(outcome.resource);
    return tags === undefined ? undefined : guardDecision({ call: bound }, env, { ...facts, resourceTags: tags }, policies);
  }

  /**
   * The last decision {@link decideNow} made for each operation from ids alone (see {@link Repeat}). At most one
   * entry per operation of the catalog.
   */
  readonly #repeats = new Map<OperationSpec, Repeat>();

  #environment(accountId: string, now: Date = this.#now()): GuardEnvironment {
    return { region: this.#config.region, accountId, secureTransport: this.#io.secureTransport, now };
  }

  #second = NaN;
  #date = new Date(0);
  /**
   * The time of a call. The guard reads it to the second (aws:CurrentTime, aws:EpochTime), so one Date serves every
   * call within a second rather than one made per call.
   */
  #now(): Date {
    const ms = Date.now();
    const second = Math.floor(ms / 1000);
    if (second !== this.#second) {
      this.#second = second;
      this.#date = new Date(ms);
    }
    return this.#date;
  }

  #facts(call: GuardCallOptions, principal: PrincipalGuard | undefined): GuardFacts {
    return { credentials: this.#credentials, configured: this.#config.context, perCall: call.context, principal: principal?.keys };
  }

  #policiesOf(principal: PrincipalGuard | undefined): GuardPolicies {
    return principal ? { kind: 'compiled', set: principal.set } : this.#policies;
  }

  /** Whether {@link sent} has anything to do for this operation: it changes tags, and tags are cached. */
  tracksSent(spec: OperationSpec): boolean {
    return this.#tags !== undefined && spec.resourceTags === 'changes' && Boolean(spec.wholeArn);
  }

  /** Called after a call was sent (whatever its outcome): a call that changes a resource's tags drops them from the cache. */
  sent(bound: BoundCall): void {
    const whole = bound.spec.wholeArn;
    if (this.tracksSent(bound.spec)) this.#tags!.invalidate(bound.params[whole!] ?? '');
  }

  /** Whether the decision waits for the resource's tags: fetch configured, not dry-run, a policy tests them, one concrete ARN. */
  #fetchesTags(spec: OperationSpec, outcome: GuardOutcome, principal: PrincipalGuard | undefined): boolean {
    // The operation that reads tags is decided without them (the catalog says which): no recursion.
    if (!this.#tags || !this.#io.readTags || this.mode === 'dry-run' || spec.resourceTags === 'reads') return false;
    if (outcome.resource.includes('*')) return false;
    return this.#tags.needed(principal?.parsed ?? this.#parsed, spec.action);
  }

  async #resourceTagsOf(arn: string, signal: AbortSignal | undefined): Promise<Readonly<Record<string, string>>> {
    const cached = this.#tags!.get(arn);
    if (cached) return cached;
    const tags = tagsOfAnswer(await this.#io.readTags!(arn, signal));
    this.#tags!.set(arn, tags);
    return tags;
  }
}
