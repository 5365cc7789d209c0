/**
 * `guardPlugin(config)`: pinpoint-guard's guard inside `@aws-sdk/client-pinpoint`, as the SDK's own plugins are made
 * (`{ applyToStack(stack) { stack.add(middleware, { step, name, override }) } }`). One middleware at the initialize
 * step — before serialization, outside the retry loop, so one decision per command — names the operation from the
 * middleware context, validates and binds the command's input as the project's client does, and asks the one guard
 * (src/guard/guard.ts). Allow passes the copy of the input that was checked on to the SDK; anything else sends nothing.
 */
import type { PinpointClient } from '@aws-sdk/client-pinpoint';
import { operations } from '../../generated/operations.js';
import { bindCall, type BoundCall } from '../client/bind.js';
import { callerAccount } from '../client/account.js';
import { defaultLogger, writesDebug } from '../client/base.js';
import { prepareRequest } from '../client/prepare.js';
import type { OperationSpec } from '../client/spec.js';
import type { ClientConfigBase, DryRunResult, IdentityPolicyConfig, PrincipalConfig, RecordedCall } from '../client/types.js';
import { AccessDeniedError, AccountResolutionError, UncertainDecisionError } from '../errors/guard.js';
import { ValidationError } from '../errors/validation.js';
import { checkGuardConfig, Guard, type GuardCallOptions } from '../guard/guard.js';
import type { GuardOutcome } from '../guard/decide.js';
import { guardVerdict } from '../guard/verdict.js';
import { checkLifecycle } from '../lifecycle/notice.js';
import { asSdkError, type NotSentMetadata } from './errors.js';
import { sdkCredentials, sdkEndpoint, sdkReadTags, sdkRegion } from './host.js';

/** The guard modes of the plugin: `off` is not one (to turn the guard off, do not use the plugin). */
export type SdkGuardMode = 'enforce' | 'dry-run' | 'record';

/** The guard's configuration fields the plugin takes as they are (see `ClientConfig` for each). */
type GuardFields = Pick<ClientConfigBase,
  'accountId' | 'serviceControlPolicies' | 'sessionPolicy' | 'context' | 'whenUncertain' | 'lifecycle' | 'logger' | 'resourceTags' | 'resourceTagsTtlSeconds'>;

/** What the plugin adds: the SDK client it is used on, and its modes. */
interface PluginFields {
  /** The `PinpointClient` (or aggregated `Pinpoint`) whose `middlewareStack` the plugin is used on. */
  readonly client: PinpointClient;
  /** `enforce` (default), `dry-run` (nothing is sent; `send` resolves to a {@link SdkDryRunResult}) or `record`. */
  readonly mode?: SdkGuardMode;
}

/**
 * Configuration of {@link guardPlugin}: the guard's own — identity policies or a principal (exclusive, as for the
 * client), SCPs, session policy, context, whenUncertain, lifecycle, logger, resourceTags — and the SDK client it is
 * used on, whose Region, credentials and endpoint the guard decides with (a principal and, without `accountId`, the
 * account are loaded with its credentials; `resourceTags: 'fetch'` reads tags through it).
 */
export type GuardPluginConfig = PluginFields & GuardFields & (IdentityPolicyConfig | PrincipalConfig);

/** What `send` resolves to in dry-run mode: the guard's decision and the request that would be sent. */
export interface SdkDryRunResult extends DryRunResult {
  readonly $metadata: NotSentMetadata;
}

/** The SDK's middleware stack of a Pinpoint client, and the plugin shape `middlewareStack.use` takes. */
type PinpointStack = PinpointClient['middlewareStack'];
type PinpointPluggable = Parameters<PinpointStack['use']>[0];

/** The plugin: a `Pluggable` for `client.middlewareStack.use(...)`, and the handle of its guard. */
export interface GuardPlugin extends PinpointPluggable {
  /** The guard mode in force. */
  readonly mode: SdkGuardMode;
  /** In `record` mode: every call decided so far, in call order (the call was sent whatever the decision). */
  recorded(): readonly RecordedCall[];
  /** Loads the principal (and resolves the client's Region and endpoint) now rather than on the first call. */
  ready(): Promise<void>;
  /** Stops the principal's background refresh. */
  close(): void;
}

/** The middleware's name in the stack: `use` twice adds it once. */
export const GUARD_MIDDLEWARE_NAME = 'pinpointGuardMiddleware';

const MODES: readonly SdkGuardMode[] = ['enforce', 'dry-run', 'record'];

/** The SDK's handler execution context, as far as the plugin reads it. */
interface SdkContext {
  readonly commandName?: string;
  readonly __smithy_context?: { readonly service?: string; readonly operation?: string; readonly abortSignal?: AbortSignal };
}

/** The catalog's operations by name, made on first use: one lookup per command rather than a test and a read of a 122-key object. */
let byName: ReadonlyMap<string, OperationSpec> | undefined;
const operationNamed = (name: string): OperationSpec | undefined =>
  (byName ??= new Map(Object.entries(operations) as [string, OperationSpec][])).get(name);

/**
 * The operation of a command, from the middleware context the SDK fills (`__smithy_context.operation`, else
 * `commandName` without its `Command` suffix) — never from a class name, which minifiers rename.
 */
function operationOf(context: SdkContext): OperationSpec {
  const smithy = context.__smithy_context;
  const name = smithy?.operation ?? context.commandName?.replace(/Command$/, '');
  if (smithy?.service !== undefined && smithy.service !== 'Pinpoint') {
    throw new TypeError(`pinpoint-guard: the guard plugin is on a client of ${smithy.service}, not Amazon Pinpoint; nothing was sent`);
  }
  const spec = name === undefined ? undefined : operationNamed(name);
  if (spec === undefined) {
    throw new TypeError(`pinpoint-guard: ${JSON.stringify(name)} is not an operation of the catalog, so the guard cannot decide it; nothing was sent`);
  }
  return spec;
}

/** A value copied as it is: null, a string, number, boolean, bigint or undefined (not a function or symbol). */
const scalar = (v: unknown): boolean => v === null || (typeof v !== 'object' && typeof v !== 'function' && typeof v !== 'symbol');

/** Deeper than any Pinpoint input; a deeper (or cyclic) input is refused rather than copied without end. */
const MAX_DEPTH = 64;

/**
 * The input the guard checks and the SDK then serialises: one copy of its data, each value read once, so getters
 * that answer differently on a second read, or the caller changing its object while the guard awaits, cannot make
 * the SDK send other values than the guard checked. Plain data only (what the SDK's input types allow).
 */
function snapshot(spec: OperationSpec, value: unknown, path = '(input)', depth = 0): unknown {
  if (value === null || typeof value !== 'object') {
    if (!scalar(value)) throw new ValidationError(spec.name, path, 'plain data (objects, arrays, strings, numbers, booleans, Dates)', `a ${typeof value}`);
    return value;
  }
  if (depth >= MAX_DEPTH) throw new ValidationError(spec.name, path, `an input nested at most ${MAX_DEPTH} levels deep (and without cycles)`, 'a deeper one');
  if (Array.isArray(value)) {
    const items: unknown[] = [...value];
    return items.map((v, i) => snapshot(spec, v, `${path}[${i}]`, depth + 1));
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  // A plain object first: most of an input is one.
  if (proto === Object.prototype || proto === null) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const v = (value as Record<string, unknown>)[key];
      // JSON has no undefined: an absent member and an undefined one are sent alike. Most members are ids and flags: taken as they are.
      if (v !== undefined) out[key] = scalar(v) ? v : snapshot(spec, v, depth === 0 ? key : `${path}.${key}`, depth + 1);
    }
    return out;
  }
  if (value instanceof Date) return new Date(value.getTime());
  if (value instanceof Uint8Array) return value.slice();
  throw new ValidationError(spec.name, path, 'plain data (objects, arrays, strings, numbers, booleans, Dates)', 'an instance of a class');
}

/** The guard of one plugin, made on first use: the client's Region and endpoint are resolved then (they are providers). */
interface Resolved {
  readonly guard: Guard;
  readonly endpoint: URL;
}

const NOT_SENT: NotSentMetadata = Object.freeze({ attempts: 0, totalRetryDelay: 0 });
/** The per-call options of a command without an abort signal: one shared object, not one per call. */
const NO_CALL_OPTIONS: GuardCallOptions = Object.freeze({});

/** Which plugin is on which stack: the same plugin used twice is added once; a second, different one is refused. */
const applied = new WeakMap<object, GuardPlugin>();

/**
 * The guard as a plugin of `@aws-sdk/client-pinpoint`.
 *
 * @example
 * const pinpoint = new PinpointClient({ region: 'us-east-1' });
 * pinpoint.middlewareStack.use(guardPlugin({ client: pinpoint, policy }));
 * await pinpoint.send(new GetAppCommand({ ApplicationId })); // AccessDeniedError, nothing sent, if the policy denies it
 */
export function guardPlugin(config: GuardPluginConfig): GuardPlugin {
  if (!config || typeof config !== 'object') throw new TypeError('guardPlugin(config): expected an object with client and the guard\'s configuration');
  const client = config.client;
  if (!client || typeof client.send !== 'function' || typeof client.middlewareStack?.use !== 'function' || typeof client.config !== 'object') {
    throw new TypeError('config.client: expected the @aws-sdk/client-pinpoint client (PinpointClient or Pinpoint) the plugin is used on');
  }
  const mode: SdkGuardMode = config.mode ?? 'enforce';
  if (!MODES.includes(mode)) throw new TypeError(`config.mode: expected one of ${MODES.join(', ')}, got ${JSON.stringify(config.mode)}`);
  const logger = config.logger ?? defaultLogger;
  // The line is not even built when nobody writes it: this runs before every command.
  const debug = writesDebug(logger);
  const credentials = sdkCredentials(client);
  const recorded: RecordedCall[] = [];
  let resolved: Promise<Resolved> | undefined;
  /** The resolved guard, once it is: later calls take it without another await. */
  let settled: Resolved | undefined;

  const { client: _client, ...guardFields } = config;
  // The Region comes from the client on first use; every other field is refused now, naming it, as the client's constructor does.
  checkGuardConfig({ ...guardFields, region: '', mode });
  const resolve = (): Promise<Resolved> => {
    resolved ??= (async () => {
      const region = await sdkRegion(client);
      const endpoint = await sdkEndpoint(client, region);
      // The SDK always holds a credential provider: a provider's keys may be a session's, so session-derived keys are unknown.
      const guard = new Guard({ ...guardFields, region, mode, credentials, logger }, {
        credentials,
        logger,
        secureTransport: endpoint.protocol === 'https:',
        callerAccount: async () => {
          const identity = await credentials().catch((e: Error) => { throw new AccountResolutionError(e.message); });
          return callerAccount(undefined, region, identity);
        },
        readTags: sdkReadTags(client),
      });
      settled = { guard, endpoint };
      return settled;
    })();
    // A failure (a Region the guard refuses) is not kept: the next call tries again and fails with the same reason.
    resolved.catch(() => { resolved = undefined; });
    return resolved;
  };

  type Next = (args: { input: object }) => Promise<{ output: unknown }>;
  type Handled = Promise<{ output: unknown }>;

  /**
   * After the decision: dry-run resolves to it, a refusal rejects, record mode notes it; a call that may go is
   * passed on with the checked copy of its input. A function returning the promise, not an async one: the allowed
   * call's only promise is the SDK's own.
   */
  const proceed = (next: Next, args: { input: object }, input: object, bound: BoundCall, r: Resolved, outcome: GuardOutcome): Handled => {
    const spec = bound.spec;
    const guard = r.guard;
    try {
      const { decision, resource, action } = outcome;
      if (debug) logger.debug(`pinpoint-guard: ${decision.decision} ${action} on ${resource}`);
      const verdict = guardVerdict(decision.decision, config.whenUncertain ?? 'deny');
      if (mode === 'dry-run') {
        const output: SdkDryRunResult = {
          dryRun: true, operation: spec.name, action, resource, decision, wouldSend: verdict === 'send', request: prepareRequest(r.endpoint, bound), $metadata: NOT_SENT,
        };
        return Promise.resolve({ output });
      }
      if (mode === 'enforce' && verdict === 'uncertain') throw new UncertainDecisionError(spec.name, action, resource, decision);
      if (mode === 'enforce' && verdict === 'deny') throw new AccessDeniedError(spec.name, action, resource, decision);
      if (mode === 'record') recorded.push({ operation: spec.name, action, resource, decision: decision.decision, dependsOn: decision.dependsOn });
    } catch (e) {
      return Promise.reject(asSdkError(e));
    }
    let sending: Handled;
    try {
      sending = next({ ...args, input });
    } catch (e) {
      guard.sent(bound);
      return Promise.reject(e);
    }
    // Whatever the outcome, a call that changes a resource's tags makes the cached ones stale.
    return guard.tracksSent(spec) ? sending.finally(() => guard.sent(bound)) : sending;
  };

  /** The first call (the client's Region and endpoint resolved), or a decision that waits for the account, the principal or tags. */
  const decideLater = async (next: Next, args: { input: object }, input: object, bound: BoundCall, call: GuardCallOptions): Handled => {
    let r: Resolved;
    let outcome: GuardOutcome;
    try {
      r = settled ?? await resolve();
      outcome = await r.guard.decide(bound, call);
    } catch (e) {
      throw asSdkError(e);
    }
    return proceed(next, args, input, bound, r, outcome);
  };

  const middleware = (next: Next, context: SdkContext) => (args: { input: object }): Handled => {
    let bound: BoundCall;
    let input: object;
    let call: GuardCallOptions;
    let r: Resolved | undefined;
    let outcome: GuardOutcome | undefined;
    try {
      const spec = operationOf(context);
      input = snapshot(spec, args.input) as object;
      bound = bindCall(spec, input);
      checkLifecycle(spec, config.lifecycle ?? 'warn', logger);
      const signal = context.__smithy_context?.abortSignal;
      call = signal === undefined ? NO_CALL_OPTIONS : { signal };
      // Once the guard is resolved, a decision that needs nothing awaited is made here, without a promise.
      r = settled;
      outcome = r?.guard.decideNow(bound, call);
    } catch (e) {
      return Promise.reject(asSdkError(e));
    }
    return r === undefined || outcome === undefined ? decideLater(next, args, input, bound, call) : proceed(next, args, input, bound, r, outcome);
  };

  const plugin: GuardPlugin = {
    mode,
    recorded: () => [...recorded],
    ready: async () => { await (await resolve()).guard.ready(); },
    close: () => { void resolved?.then((r) => r.guard.close(), () => undefined); },
    applyToStack: (stack) => {
      if (stack !== client.middlewareStack) {
        throw new TypeError('guardPlugin: use it on the middlewareStack of config.client (its Region, credentials and endpoint are the ones the guard decides with)');
      }
      const prior = applied.get(stack);
      if (prior === plugin) return;
      if (prior !== undefined) throw new TypeError('guardPlugin: this client already has a guard plugin; configure one plugin with every policy rather than replacing it');
      applied.set(stack, plugin);
      // Low priority: the last of the initialize step, so input-changing middleware of that step runs before the check.
      stack.add(middleware as never, { step: 'initialize', priority: 'low', name: GUARD_MIDDLEWARE_NAME, tags: ['PINPOINT_GUARD'], override: true });
    },
  };
  return plugin;
}

/** Whether a `send` result is a dry-run plugin's {@link SdkDryRunResult} (its type says the command's output). */
export function isDryRunResult(output: unknown): output is SdkDryRunResult {
  return typeof output === 'object' && output !== null && (output as { dryRun?: unknown }).dryRun === true && 'decision' in output && 'request' in output;
}
