/**
 * The hand-written runtime behind every generated method: validate and bind the input, check the lifecycle, guard
 * (decide for the action and ARN built from the same bound values as the URL), then sign, send, retry and decode.
 */
import type { AxiosInstance } from 'axios';
import type { OperationSpec } from './spec.js';
import type { CallOptions, ClientConfig, CredentialProvider, DryRunResult, GuardMode, Logger, PreparedRequest, RecordedCall, ResponseMetadata } from './types.js';
import { bindCall, type BoundCall } from './bind.js';
import { prepareRequest } from './prepare.js';
import { sign } from './signer.js';
import { cachedProvider } from './credentials.js';
import { callerAccount } from './account.js';
import { resolveMaxResponseBytes, sendOnce, type WireResponse } from './send.js';
import { checkEndpoint } from './endpoint.js';
import { decodeOutput } from './decode.js';
import { isRetryable, parseRetryAfter, resolveRetry, retryDelay, type ResolvedRetry } from './retry.js';
import { isRegion, serviceEndpoint } from '../resource/region.js';
import { checkLifecycle } from '../lifecycle/notice.js';
import { AccessDeniedError, AccountResolutionError, UncertainDecisionError } from '../errors/guard.js';
import { guardVerdict } from '../guard/verdict.js';
import { Guard } from '../guard/guard.js';
import { serviceErrorFor } from '../errors/service.js';
import { AbortError } from '../errors/transport.js';
import { operations } from '../../generated/operations.js';

/** The operation that reads a resource's tags, as the catalog marks it (ListTagsForResource). */
const READ_TAGS = (Object.values(operations) as readonly OperationSpec[]).find((o) => o.resourceTags === 'reads' && o.wholeArn !== undefined)!;

/** Read once: `process.env` is a call into the environment on every read, which per guarded call cost more than the guard. */
const DEBUG = Boolean(process.env.PINPOINT_GUARD_DEBUG);

/** Debug lines only with PINPOINT_GUARD_DEBUG set (when the process starts); warnings to the console. */
export const defaultLogger: Logger = {
  debug: (m) => { if (DEBUG) console.debug(m); },
  warn: (m) => console.warn(m),
};

/** Whether `logger.debug` lines are written anywhere: a caller's logger decides itself; the default one only with PINPOINT_GUARD_DEBUG. */
export const writesDebug = (logger: Logger): boolean => logger !== defaultLogger || DEBUG;

/** The default Pinpoint endpoint of a region. */
export function defaultEndpoint(region: string): string {
  return serviceEndpoint('pinpoint', region);
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
  readonly #config: ClientConfig;
  readonly #endpoint: URL;
  /** The endpoint's path without its trailing slash: what each request's signed path starts with. */
  readonly #basePath: string;
  readonly #http: AxiosInstance | undefined;
  readonly #credentials: CredentialProvider;
  readonly #guard: Guard;
  readonly #retry: ResolvedRetry;
  readonly #maxResponseBytes: number;
  readonly #logger: Logger;
  /** Whether a debug line is written anywhere: before every request, it is not built for nobody. */
  readonly #debug: boolean;
  readonly #recorded: RecordedCall[] = [];

  constructor(config: ClientConfig<M>) {
    if (!config || typeof config.region !== 'string' || !isRegion(config.region)) {
      throw new TypeError(`config.region: expected an AWS Region name where Amazon Pinpoint is offered, such as us-east-1, got ${JSON.stringify(config?.region)}`);
    }
    this.#config = config;
    this.region = config.region;
    this.#logger = config.logger ?? defaultLogger;
    this.#debug = writesDebug(this.#logger);
    this.#endpoint = checkEndpoint(config.endpoint ?? defaultEndpoint(config.region), config.allowInsecureEndpoint);
    this.#basePath = this.#endpoint.pathname.replace(/\/$/, '');
    this.#maxResponseBytes = resolveMaxResponseBytes(config.maxResponseBytes);
    this.#http = config.axios;
    this.#credentials = cachedProvider(config.credentials);
    this.#retry = resolveRetry(config.retry);
    this.#guard = new Guard(config as ClientConfig, {
      credentials: this.#credentials,
      logger: this.#logger,
      secureTransport: this.#endpoint.protocol === 'https:',
      callerAccount: async () => {
        const credentials = await this.#credentials().catch((e: Error) => { throw new AccountResolutionError(e.message); });
        return callerAccount(this.#http, this.region, credentials);
      },
      // The resource's tags are read with a ListTagsForResource call through this client: guarded like any other.
      readTags: (arn, signal) => this.invoke(READ_TAGS, { [READ_TAGS.wholeArn!]: arn }, signal ? { signal } : undefined),
    });
    this.mode = this.#guard.mode;
  }

  /**
   * Loads the configured principal now rather than on the first guarded call; rejects with the PrincipalLoadError
   * when it cannot be loaded. Resolves at once without a principal.
   */
  ready(): Promise<void> {
    return this.#guard.ready();
  }

  /** Stops the principal's background refresh (its timer never keeps the process alive either way). */
  close(): void {
    this.#guard.close();
  }

  /** The (action, resource) pairs called so far in `record` mode, in call order. */
  recorded(): readonly RecordedCall[] {
    return [...this.#recorded];
  }

  /** The account id the guard puts in ARNs: from config, the credentials, or STS (resolved once and cached). */
  accountId(): Promise<string> {
    return this.#guard.accountId();
  }

  /** Runs one operation: bind → lifecycle → guard → send. Generated methods delegate here with their operation's metadata. */
  protected async invoke(spec: OperationSpec, input: unknown, options?: CallOptions): Promise<unknown> {
    const bound = bindCall(spec, input);
    checkLifecycle(spec, this.#config.lifecycle ?? 'warn', this.#logger);
    const prepared = prepareRequest(this.#endpoint, bound);
    if (this.mode !== 'off') {
      // Decided at once when nothing is to be waited for (account, principal, tags known); else awaited.
      const { decision, resource } = this.#guard.decideNow(bound, options) ?? await this.#guard.decide(bound, options);
      if (this.#debug) this.#logger.debug(`pinpoint-guard: ${decision.decision} ${spec.action} on ${resource}`);
      const verdict = guardVerdict(decision.decision, this.#config.whenUncertain ?? 'deny');
      if (this.mode === 'dry-run') {
        const result: DryRunResult = { dryRun: true, operation: spec.name, action: spec.action, resource, decision, wouldSend: verdict === 'send', request: prepared };
        return result;
      }
      if (this.mode === 'enforce' && verdict === 'uncertain') throw new UncertainDecisionError(spec.name, spec.action, resource, decision);
      if (this.mode === 'enforce' && verdict === 'deny') throw new AccessDeniedError(spec.name, spec.action, resource, decision);
      if (this.mode === 'record') this.#recorded.push({ operation: spec.name, action: spec.action, resource, decision: decision.decision, dependsOn: decision.dependsOn });
    }
    try {
      return await this.#send(bound, prepared, options);
    } finally {
      // Whatever the outcome, a call that changes a resource's tags makes the cached ones stale.
      this.#guard.sent(bound);
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
          { method: prepared.method, endpoint: this.#endpoint, path: this.#basePath + bound.path, query: bound.query, headers: prepared.headers, body: prepared.body },
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
