/**
 * The hand-written runtime behind every generated method: validate and bind the input, check the lifecycle, guard
 * (decide for the action and ARN built from the same bound values as the URL), then sign, send, retry and decode.
 */
import type { AxiosInstance } from 'axios';
import { compilePolicies, type CompiledPolicySet, type Decision, type ParsedPolicy, type PolicySet } from '../policy/index.js';
import type { OperationSpec } from './spec.js';
import type { CallOptions, ClientConfig, CredentialProvider, DryRunResult, GuardMode, Logger, PreparedRequest, RecordedCall, ResponseMetadata } from './types.js';
import { bindCall, type BoundCall } from './bind.js';
import { queryString } from './encode.js';
import { sign } from './signer.js';
import { cachedProvider } from './credentials.js';
import { callerAccount } from './account.js';
import { resolveMaxResponseBytes, sendOnce, type WireResponse } from './send.js';
import { checkEndpoint } from './endpoint.js';
import { decodeOutput } from './decode.js';
import { isRetryable, parseRetryAfter, resolveRetry, retryDelay, type ResolvedRetry } from './retry.js';
import { ArnBuildError, buildArn, checkOwnArn } from '../resource/arn.js';
import { ValidationError } from '../errors/validation.js';
import { isRegion, serviceEndpoint } from '../resource/region.js';
import { requestContext } from '../guard/context.js';
import { checkLifecycle } from '../lifecycle/notice.js';
import { AccessDeniedError, AccountResolutionError, UncertainDecisionError } from '../errors/guard.js';
import { credentialKind, unknownKeysFor, type UnknownKeys } from '../guard/keys.js';
import { guardVerdict, WHEN_UNCERTAIN } from '../guard/verdict.js';
import { serviceErrorFor } from '../errors/service.js';
import { AbortError } from '../errors/transport.js';
import { ResourceTagCache, parsedAll, withResourceTags } from './resource-tags.js';
import { operations } from '../../generated/operations.js';
import { checkPrincipalConfig, PrincipalSource, withPrincipalKeys, type PrincipalGuard } from './principal.js';

const NO_TAGS = { requestTags: {}, tagKeys: [] } as const;
const MODES: readonly GuardMode[] = ['enforce', 'dry-run', 'record', 'off'];

const defaultLogger: Logger = {
  debug: (m) => { if (process.env.PINPOINT_GUARD_DEBUG) console.debug(m); },
  warn: (m) => console.warn(m),
};

/** The default Pinpoint endpoint of a region. */
export function defaultEndpoint(region: string): string {
  return serviceEndpoint('pinpoint', region);
}

type Guard = { readonly kind: 'compiled'; readonly set: CompiledPolicySet } | { readonly kind: 'invalid'; readonly reason: string } | { readonly kind: 'none' };

function compileGuard(config: ClientConfig): Guard {
  const policies = [...(config.policy !== undefined ? [config.policy] : []), ...(config.policies ?? [])];
  const set: PolicySet = {
    policies,
    ...(config.permissionsBoundary !== undefined ? { permissionsBoundary: config.permissionsBoundary } : {}),
    ...(config.serviceControlPolicies ? { serviceControlPolicies: config.serviceControlPolicies } : {}),
    ...(config.sessionPolicy !== undefined ? { sessionPolicy: config.sessionPolicy } : {}),
  };
  // `policies: []` is a policy set that allows nothing, not the absence of one: the guard stays on (fail closed).
  const any = config.policy !== undefined || config.policies !== undefined || set.permissionsBoundary !== undefined || set.serviceControlPolicies !== undefined || set.sessionPolicy !== undefined;
  if (!any) return { kind: 'none' };
  try {
    return { kind: 'compiled', set: compilePolicies(set) };
  } catch (e) {
    // Fail closed: a policy that does not parse denies every guarded call, with the parser's problems as the reason.
    return { kind: 'invalid', reason: `the configured policies are invalid: ${(e as Error).message}` };
  }
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) { reject(new AbortError()); return; }
    const onAbort = (): void => { clearTimeout(timer); reject(new AbortError()); };
    const timer = setTimeout(() => { signal?.removeEventListener('abort', onAbort); resolve(); }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export class PinpointClientBase<M extends GuardMode = GuardMode> {
  /** The Region the client calls and names in ARNs. */
  readonly region: string;
  /** The guard mode in force. */
  readonly mode: GuardMode;
  readonly #config: ClientConfig<M>;
  readonly #endpoint: URL;
  readonly #http: AxiosInstance | undefined;
  readonly #credentials: CredentialProvider;
  readonly #guard: Guard;
  readonly #retry: ResolvedRetry;
  readonly #maxResponseBytes: number;
  readonly #logger: Logger;
  readonly #recorded: RecordedCall[] = [];
  /** Keys the guard cannot see for this client's calls, from the condition key table; one array, so the engine memoises it. */
  readonly #unknownKeys: UnknownKeys;
  /** #unknownFor's arrays, per loaded principal (or the client) and per whether resource tags were fetched. */
  readonly #unknownCache = new WeakMap<object, Map<boolean, UnknownKeys>>();
  #account: Promise<string> | undefined;
  readonly #principal: PrincipalSource | undefined;
  readonly #tags: ResourceTagCache | undefined;
  /** The configured policies, parsed, for `resourceTags: 'fetch'` (a principal brings its own). */
  readonly #parsed: readonly ParsedPolicy[];

  constructor(config: ClientConfig<M>) {
    if (!config || typeof config.region !== 'string' || !isRegion(config.region)) {
      throw new TypeError(`config.region: expected an AWS Region name where Amazon Pinpoint is offered, such as us-east-1, got ${JSON.stringify(config?.region)}`);
    }
    if (config.accountId !== undefined && !/^\d{12}$/.test(config.accountId)) throw new TypeError('config.accountId: expected 12 digits');
    if (config.mode !== undefined && !MODES.includes(config.mode)) throw new TypeError(`config.mode: expected one of ${MODES.join(', ')}, got ${JSON.stringify(config.mode)}`);
    checkPrincipalConfig(config);
    if (config.whenUncertain !== undefined && !WHEN_UNCERTAIN.includes(config.whenUncertain)) {
      throw new TypeError(`config.whenUncertain: expected one of ${WHEN_UNCERTAIN.join(', ')}, got ${JSON.stringify(config.whenUncertain)}`);
    }
    this.#config = config;
    this.region = config.region;
    this.#logger = config.logger ?? defaultLogger;
    this.#guard = compileGuard(config);
    this.mode = config.mode ?? (this.#guard.kind === 'none' && config.principal === undefined ? 'off' : 'enforce');
    if (this.#guard.kind === 'none' && this.mode === 'off') this.#logger.debug('pinpoint-guard: no policy configured; the guard is off');
    if (this.#guard.kind !== 'none' && this.mode === 'off') this.#logger.warn("pinpoint-guard: policies are configured but mode is 'off': no call will be checked");
    if (this.#guard.kind === 'invalid') this.#logger.warn(`pinpoint-guard: ${this.#guard.reason}; every guarded call will be denied`);
    this.#endpoint = checkEndpoint(config.endpoint ?? defaultEndpoint(config.region), config.allowInsecureEndpoint);
    this.#maxResponseBytes = resolveMaxResponseBytes(config.maxResponseBytes);
    this.#http = config.axios;
    this.#credentials = cachedProvider(config.credentials);
    this.#retry = resolveRetry(config.retry);
    // Every call's request (and so its tags) is known; only static credentials tell long-term keys from a session.
    this.#unknownKeys = unknownKeysFor(credentialKind(config.credentials), true);
    this.#principal = config.principal !== undefined && this.mode !== 'off' ? new PrincipalSource(config, this.#credentials, this.#logger) : undefined;
    if (config.resourceTags !== undefined && config.resourceTags !== 'fetch') throw new TypeError(`config.resourceTags: expected 'fetch' or nothing, got ${JSON.stringify(config.resourceTags)}`);
    this.#tags = config.resourceTags === 'fetch' ? new ResourceTagCache(config.resourceTagsTtlSeconds) : undefined;
    this.#parsed = this.#tags && !config.principal
      ? parsedAll([config.policy, ...(config.policies ?? []), config.permissionsBoundary, ...(config.serviceControlPolicies ?? []).flat(), config.sessionPolicy])
      : [];
  }

  /**
   * Loads the configured principal now rather than on the first guarded call; rejects with the PrincipalLoadError
   * when it cannot be loaded. Resolves at once without a principal.
   */
  async ready(): Promise<void> {
    await this.#principal?.current();
  }

  /** Stops the principal's background refresh (its timer never keeps the process alive either way). */
  close(): void {
    this.#principal?.close();
  }

  /**
   * The keys the guard cannot see for a call: the client's, less what a loaded principal states as facts (its keys,
   * absence included) and, once fetched, aws:ResourceTag/*. One frozen array per case, so the engine memoises it.
   */
  #unknownFor(principal: PrincipalGuard | undefined, tagsKnown: boolean): UnknownKeys {
    if (!principal && !tagsKnown) return this.#unknownKeys;
    const owner: object = principal ?? this;
    let byCase = this.#unknownCache.get(owner);
    if (!byCase) this.#unknownCache.set(owner, (byCase = new Map()));
    let keys = byCase.get(tagsKnown);
    if (!keys) {
      keys = Object.freeze(this.#unknownKeys.filter((k) => {
        const lower = k.toLowerCase();
        return !(principal?.isFact(lower) ?? false) && !(tagsKnown && lower.startsWith('aws:resourcetag/'));
      }));
      byCase.set(tagsKnown, keys);
    }
    return keys;
  }

  /** The (action, resource) pairs called so far in `record` mode, in call order. */
  recorded(): readonly RecordedCall[] {
    return [...this.#recorded];
  }

  /** The account id the guard puts in ARNs: from config, the credentials, or STS (resolved once and cached). */
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
    this.#account ??= (async () => {
      const credentials = await this.#credentials().catch((e: Error) => { throw new AccountResolutionError(e.message); });
      return callerAccount(this.#http, this.region, credentials);
    })();
    // A failed lookup is not cached, so a later call can try again.
    this.#account.catch(() => { this.#account = undefined; });
    return this.#account;
  }

  /** Guard decision for a bound call; any doubt (no account, unbuildable ARN, engine failure) is a deny. */
  async #decide(bound: BoundCall, options: CallOptions | undefined): Promise<{ decision: Decision; resource: string }> {
    const spec = bound.spec;
    const deny = (reason: string, resource = spec.resource): { decision: Decision; resource: string } => ({
      resource,
      decision: { decision: 'ImplicitDeny', reason, matchedStatements: [], nearMisses: [], missingContextKeys: [], dependsOn: [], requirements: [] },
    });
    // Without the account the guard cannot decide: AccountResolutionError propagates, so the call fails closed with
    // the real cause rather than as an AccessDeniedError that blames the policy.
    const accountId = await this.accountId();
    let resource: string;
    try {
      const env = { region: this.region, accountId };
      const whole = /^\$\{(\w+)\}$/.exec(spec.resource)?.[1];
      if (whole) checkOwnArn(whole, bound.params[whole] ?? '', env);
      resource = buildArn(spec.resource, bound.params, env);
    } catch (e) {
      // An ARN taken whole from the input (TagResource's ResourceArn) that names another account or Region is bad input.
      if (e instanceof ArnBuildError && e.input) throw new ValidationError(spec.name, e.input.member, e.input.expected, e.input.got);
      return deny(`cannot build the resource ARN for ${spec.action}: ${(e as Error).message}`);
    }
    // A principal that cannot be loaded throws its PrincipalLoadError: the call fails closed with the real cause.
    const principal: PrincipalGuard | undefined = this.#principal ? await this.#principal.current() : undefined;
    if (!principal && this.#guard.kind === 'invalid') return deny(this.#guard.reason, resource);
    if (!principal && this.#guard.kind === 'none') return deny(`no policy is configured, so nothing is allowed in ${this.mode} mode`, resource);
    const set = principal?.set ?? (this.#guard as { readonly set: CompiledPolicySet }).set;
    const callContext = requestContext(this.#config.context, options?.context, {
      // A request without tags has none: the caller's context cannot supply aws:RequestTag/* or aws:TagKeys for it.
      now: new Date(), region: this.region, secureTransport: this.#endpoint.protocol === 'https:', tags: bound.tags ?? NO_TAGS,
    });
    let context = principal ? withPrincipalKeys(callContext, principal) : callContext;
    let tagsKnown = false;
    // ListTagsForResource is how tags are read: its own decision never waits for tags (no recursion).
    if (this.#tags && this.mode !== 'dry-run' && spec.name !== 'ListTagsForResource' && !resource.includes('*')
      && this.#tags.needed(principal?.parsed ?? this.#parsed, spec.action)) {
      try {
        context = withResourceTags(context, await this.#resourceTagsOf(resource, options));
        tagsKnown = true;
      } catch (e) {
        return deny(`the policies test aws:ResourceTag/* for ${spec.action}, and the tags of ${resource} could not be read: ${(e as Error).message}`, resource);
      }
    }
    try {
      return { resource, decision: set.evaluate(spec.action, resource, context, { unknownKeys: this.#unknownFor(principal, tagsKnown) }) };
    } catch (e) {
      return deny(`the policy engine failed: ${(e as Error).message}`, resource);
    }
  }

  /** The resource's tags, from the cache or a guarded ListTagsForResource through this client. */
  async #resourceTagsOf(arn: string, options: CallOptions | undefined): Promise<Readonly<Record<string, string>>> {
    const cached = this.#tags!.get(arn);
    if (cached) return cached;
    const out = (await this.invoke(operations.ListTagsForResource, { ResourceArn: arn }, options?.signal ? { signal: options.signal } : undefined)) as { TagsModel?: { tags?: Record<string, string> } };
    const tags = out.TagsModel?.tags ?? {};
    this.#tags!.set(arn, tags);
    return tags;
  }

  #prepare(bound: BoundCall): PreparedRequest {
    const qs = queryString(bound.query);
    const base = this.#endpoint.href.replace(/\/$/, '');
    return {
      method: bound.spec.method,
      url: `${base}${bound.path}${qs ? `?${qs}` : ''}`,
      headers: bound.body !== undefined ? { 'content-type': 'application/json' } : {},
      body: bound.body,
    };
  }

  /** Runs one operation. Generated methods delegate here with their operation's metadata. */
  protected async invoke(spec: OperationSpec, input: unknown, options?: CallOptions): Promise<unknown> {
    const bound = bindCall(spec, input);
    checkLifecycle(spec, this.#config.lifecycle ?? 'warn', this.#logger);
    const prepared = this.#prepare(bound);
    if (this.mode !== 'off') {
      const { decision, resource } = await this.#decide(bound, options);
      this.#logger.debug(`pinpoint-guard: ${decision.decision} ${spec.action} on ${resource}`);
      const verdict = guardVerdict(decision.decision, this.#config.whenUncertain ?? 'deny');
      if (this.mode === 'dry-run') {
        const result: DryRunResult = { dryRun: true, operation: spec.name, action: spec.action, resource, decision, wouldSend: verdict === 'send', request: prepared };
        return result;
      }
      if (this.mode === 'enforce' && verdict === 'uncertain') throw new UncertainDecisionError(spec.name, spec.action, resource, decision);
      if (this.mode === 'enforce' && verdict === 'deny') throw new AccessDeniedError(spec.name, spec.action, resource, decision);
      if (this.mode === 'record') this.#recorded.push({ operation: spec.name, action: spec.action, resource, decision: decision.decision, dependsOn: decision.dependsOn });
    }
    if (!this.#tags || (spec.name !== 'TagResource' && spec.name !== 'UntagResource')) return this.#send(bound, prepared, options);
    try {
      return await this.#send(bound, prepared, options);
    } finally {
      // Whatever the outcome, the cached tags of that resource may no longer be what it has.
      this.#tags.invalidate(bound.params.ResourceArn ?? '');
    }
  }

  async #send(bound: BoundCall, prepared: PreparedRequest, options: CallOptions | undefined): Promise<unknown> {
    const timeoutMs = options?.timeout ?? this.#config.timeout ?? 30_000;
    let totalRetryDelay = 0;
    for (let attempt = 1; ; attempt++) {
      let response: WireResponse | undefined;
      let failure: unknown;
      try {
        const credentials = await this.#credentials();
        const headers = await sign(
          { method: prepared.method, endpoint: this.#endpoint, path: this.#endpoint.pathname.replace(/\/$/, '') + bound.path, query: bound.query, headers: prepared.headers, body: prepared.body },
          { service: 'mobiletargeting', region: this.region, credentials },
        );
        response = await sendOnce(this.#http, { method: prepared.method, url: prepared.url, headers, body: prepared.body }, { timeoutMs, signal: options?.signal, attempt, operation: bound.spec.name, maxResponseBytes: this.#maxResponseBytes, credentials });
      } catch (e) {
        failure = e;
      }
      const requestId = response?.headers['x-amzn-requestid'];
      const metadata: ResponseMetadata = { httpStatusCode: response?.status ?? 0, requestId, attempts: attempt, totalRetryDelay };
      if (response && response.status >= 200 && response.status < 300) return decodeOutput(bound.spec, response.body, metadata);
      if (response) failure = serviceErrorFor(response.status, response.body, metadata, response.headers);
      if (attempt >= this.#retry.maxAttempts || !isRetryable(failure)) throw failure;
      const delay = retryDelay(attempt, this.#retry, parseRetryAfter(response?.headers['retry-after']));
      totalRetryDelay += delay;
      this.#logger.debug(`pinpoint-guard: ${bound.spec.name} attempt ${attempt} failed (${(failure as Error).name}); retrying in ${delay} ms`);
      await sleep(delay, options?.signal);
    }
  }
}

/** Pages through a list operation, following its token; each page is a guarded call of its own. */
export async function* paginate(client: PinpointClientBase, spec: OperationSpec, input: Record<string, unknown> | object, options?: CallOptions): AsyncGenerator<unknown, void, undefined> {
  const pagination = spec.pagination;
  if (!pagination || !spec.outputBody) throw new TypeError(`${spec.name} is not a paginated operation`);
  let token = (input as Record<string, unknown>)[pagination.inputToken] as string | undefined;
  const seen = new Set<string>();
  do {
    const page = (await (client as unknown as { invoke: PinpointClientBase['invoke'] }).invoke(spec, { ...input, [pagination.inputToken]: token }, options)) as Record<string, Record<string, unknown> | undefined>;
    yield page;
    token = page[spec.outputBody]?.[pagination.outputToken] as string | undefined;
    // A service that hands back a token it already gave would loop forever.
    if (token !== undefined && seen.has(token)) throw new Error(`${spec.name}: the service returned the same ${pagination.outputToken} twice`);
    if (token !== undefined) seen.add(token);
  } while (token);
}
