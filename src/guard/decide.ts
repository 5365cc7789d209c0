/**
 * The guard's one decision. Every caller — the client, checkPermission, permissionMatrix, verifyWithAws, the CLI,
 * the from-source analysis — decides through `guardDecision`: what is called (an operation with its validated input,
 * or an action on an ARN), the environment (Region, account, transport, time), the facts (credentials, principal,
 * fetched resource tags, the caller's context) and the policies go in; the action, the ARN, the request context, the
 * unknown keys and the engine's decision come out. Pure: no I/O, no clock, no state but memo tables.
 */
import type { BoundCall } from '../client/bind.js';
import type { CompiledPolicySet, Decision, RequestContext } from '../policy/index.js';
import { ArnBuildError, buildArn, checkOwnArn, parseArn, type ArnEnvironment } from '../resource/arn.js';
import { isRegion } from '../resource/region.js';
import { ValidationError } from '../errors/validation.js';
import { requestContext } from './context.js';
import { unknownKeysFor, type CredentialKind, type UnknownKeys } from './keys.js';
import { checkContextValues } from './context-values.js';
import { factMatcher, mergePrincipalContext } from '../principal/identity.js';

/** Where the call is made: the Region and account ARNs name, whether the endpoint is TLS, and the time of the call. */
export interface GuardEnvironment extends ArnEnvironment {
  readonly secureTransport: boolean;
  readonly now: Date;
}

/**
 * What is decided:
 * - `{ call }`: an operation with its input bound by `bindCall` (validated; its request and tags are known);
 * - `{ action, resource }`: an action on an ARN as given (simulation: the request, so its tags, is unknown);
 * - `{ action, template, params }`: an action whose ARN template is filled with ids (console-only actions, the matrix).
 */
export type GuardTarget =
  | { readonly call: BoundCall }
  | { readonly action: string; readonly resource: string }
  | { readonly action: string; readonly template: string; readonly params: Readonly<Record<string, string>> };

/** The principal's keys as facts (a LoadedPrincipal has `context` and `knownKeys`; `isFact` from `factMatcher`). */
export interface PrincipalKeys {
  readonly context: RequestContext;
  readonly knownKeys: readonly string[];
  /** Whether a lower-cased key is one the principal states as a fact (absence included). */
  readonly isFact: (lowerKey: string) => boolean;
}

/**
 * A principal's keys as the guard takes them: what `context` states, and every key `knownKeys` names (a `/*` name a
 * family), absence included, are facts. The one way the client's guard and the tools turn a loaded principal into facts.
 */
export function principalKeys(principal: { readonly context: RequestContext; readonly knownKeys: readonly string[] }): PrincipalKeys {
  return { context: principal.context, knownKeys: principal.knownKeys, isFact: factMatcher(principal) };
}

/** What the guard knows besides the environment, layered in this order (later layers win over the caller's keys). */
export interface GuardFacts {
  /** What the credentials tell: session-derived keys are known (absent) only with long-term keys. */
  readonly credentials: CredentialKind;
  /** The caller's context: configured keys, then per-call keys (per-call win). */
  readonly configured?: RequestContext | undefined;
  readonly perCall?: RequestContext | undefined;
  /**
   * Tooling only: the caller's values for keys the guard sets itself (time, Region, TLS, request tags) win, as
   * what-if values. At run time nobody but the guard vouches for those.
   */
  readonly whatIf?: boolean;
  /** A loaded principal's keys: facts the caller's context cannot override. */
  readonly principal?: PrincipalKeys | undefined;
  /** The resource's tags as fetched (aws:ResourceTag/*): facts the caller's context cannot override. */
  readonly resourceTags?: Readonly<Record<string, string>> | undefined;
}

/** The policies to decide with: compiled, invalid (every call denied with the reason), or none configured. */
export type GuardPolicies =
  | { readonly kind: 'compiled'; readonly set: CompiledPolicySet }
  | { readonly kind: 'invalid'; readonly reason: string }
  | { readonly kind: 'none'; readonly reason: string };

/** The guard's answer: what was decided on, and the decision. */
export interface GuardOutcome {
  /** The operation, when the target was one. */
  readonly operation: string | undefined;
  readonly action: string;
  readonly resource: string;
  readonly context: RequestContext;
  readonly unknownKeys: UnknownKeys;
  readonly decision: Decision;
}

const NO_TAGS = Object.freeze({ requestTags: Object.freeze({}), tagKeys: Object.freeze([]) as readonly string[] });
const RESOURCE_TAG = 'aws:resourcetag/';
const NO_PRINCIPAL = {};

/** A deny the guard reaches without the engine (no ARN, no policies, an engine failure), with the reason. */
export function guardDeny(reason: string): Decision {
  return { decision: 'ImplicitDeny', reason, matchedStatements: [], nearMisses: [], missingContextKeys: [], dependsOn: [], requirements: [] };
}

/** base unknown keys → principal (or none) → whether tags were fetched → the filtered array (one per case, so the engine memoises). */
const unknownMemo = new WeakMap<UnknownKeys, WeakMap<object, Map<boolean, UnknownKeys>>>();

/** The unknown keys of a call: the credentials' and the request's, less what the principal and fetched tags state. */
function unknownKeysOf(credentials: CredentialKind, requestKnown: boolean, principal: PrincipalKeys | undefined, tagsKnown: boolean): UnknownKeys {
  const base = unknownKeysFor(credentials, requestKnown);
  if (!principal && !tagsKnown) return base;
  let byPrincipal = unknownMemo.get(base);
  if (!byPrincipal) unknownMemo.set(base, (byPrincipal = new WeakMap()));
  const owner = principal ?? NO_PRINCIPAL;
  let byTags = byPrincipal.get(owner);
  if (!byTags) byPrincipal.set(owner, (byTags = new Map()));
  let keys = byTags.get(tagsKnown);
  if (!keys) {
    keys = Object.freeze(base.filter((k) => {
      const lower = k.toLowerCase();
      return !(principal?.isFact(lower) ?? false) && !(tagsKnown && lower.startsWith(RESOURCE_TAG));
    }));
    byTags.set(tagsKnown, keys);
  }
  return keys;
}

/** The context with the fetched tags as facts: any aws:ResourceTag/* the caller gave is dropped first. */
export function withResourceTags(context: RequestContext, tags: Readonly<Record<string, string>>): RequestContext {
  const out = Object.create(null) as Record<string, RequestContext[string]>;
  for (const [k, v] of Object.entries(context)) if (!k.toLowerCase().startsWith(RESOURCE_TAG)) out[k] = v;
  for (const [k, v] of Object.entries(tags)) out[`aws:ResourceTag/${k}`] = v;
  return out;
}

const environmentProblem = (env: ArnEnvironment): boolean => !isRegion(env.region) || !/^\d{12}$/.test(env.accountId);

/**
 * The action and ARN of a target. An ARN taken whole from the input that names another account or Region is bad
 * input (ValidationError); a malformed environment throws its ArnBuildError; any other unbuildable ARN is a reason
 * to deny.
 */
function resolve(target: GuardTarget, env: ArnEnvironment): { readonly operation: string | undefined; readonly action: string; readonly resource: string; readonly problem?: string } {
  if ('resource' in target) return { operation: undefined, action: target.action, resource: target.resource };
  // Field by field, not through a tuple: this runs before every guarded request.
  const spec = 'call' in target ? target.call.spec : undefined;
  const operation = spec?.name;
  const { action, template, params } = 'call' in target
    ? { action: target.call.spec.action, template: target.call.spec.resource, params: target.call.params }
    : target;
  try {
    // The catalog names the member that is a whole ARN (TagResource's ResourceArn): it must be this client's.
    const whole = spec?.wholeArn;
    if (whole) checkOwnArn(whole, params[whole] ?? '', env);
    return { operation, action, resource: buildArn(template, params, env) };
  } catch (e) {
    if (!(e instanceof ArnBuildError)) throw e;
    if (e.input) throw new ValidationError(operation ?? action, e.input.member, e.input.expected, e.input.got);
    if (environmentProblem(env)) throw e;
    return { operation, action, resource: template, problem: `cannot build the resource ARN for ${action}: ${e.message}` };
  }
}

/**
 * Decides one target. Throws only for bad input — ValidationError (an ARN member naming another account or
 * Region, a context value AWS could never see), ArnBuildError (a malformed Region or account); every other doubt is
 * a deny with its reason.
 *
 * @example
 * const outcome = guardDecision({ call: bindCall(operations.GetSegment, input) },
 *   { region: 'us-east-1', accountId: '123456789012', secureTransport: true, now: new Date() },
 *   { credentials: 'long-term' }, compileGuardPolicies({ policies: [doc] }));
 * outcome.decision.decision; // 'Allow' | 'ExplicitDeny' | 'ImplicitDeny' | 'Conditional'
 */
export function guardDecision(target: GuardTarget, env: GuardEnvironment, facts: GuardFacts, policies: GuardPolicies): GuardOutcome {
  const { operation, action, resource, problem } = resolve(target, env);
  const call = 'call' in target ? target.call : undefined;
  checkContextValues(operation ?? action, facts.configured, facts.perCall);
  let context = requestContext(facts.configured, facts.perCall, {
    // A request without tags has none: the caller's context cannot supply aws:RequestTag/* or aws:TagKeys for it.
    now: env.now, region: env.region, secureTransport: env.secureTransport, tags: call ? call.tags ?? NO_TAGS : undefined,
    whatIf: facts.whatIf === true,
  });
  if (facts.principal) context = mergePrincipalContext(context, facts.principal, facts.principal.isFact);
  if (facts.resourceTags) context = withResourceTags(context, facts.resourceTags);
  const unknownKeys = unknownKeysOf(facts.credentials, call !== undefined, facts.principal, facts.resourceTags !== undefined);
  return { operation, action, resource, context, unknownKeys, decision: decisionOf(problem, policies, action, resource, context, unknownKeys) };
}

/** The engine's decision, or the deny the guard reaches without it (no ARN, no policies, an engine failure). */
function decisionOf(problem: string | undefined, policies: GuardPolicies, action: string, resource: string, context: RequestContext, unknownKeys: UnknownKeys): Decision {
  if (problem !== undefined) return guardDeny(problem);
  if (policies.kind !== 'compiled') return guardDeny(policies.reason);
  try {
    return policies.set.evaluate(action, resource, context, { unknownKeys });
  } catch (e) {
    return guardDeny(`the policy engine failed: ${(e as Error).message}`);
  }
}

/**
 * The guard's decision for an action on an ARN as given, by itself: the environment is the ARN's Region and account,
 * the time `now`, the transport TLS; no credentials, principal or caller context, so every key the guard cannot see
 * is unknown. For tools that check a policy against recorded or source-derived calls.
 */
export function decideOnArn(policies: GuardPolicies, action: string, resource: string, now: Date = new Date()): GuardOutcome {
  const arn = parseArn(resource);
  return guardDecision({ action, resource }, { region: arn?.region ?? '', accountId: arn?.account ?? '', secureTransport: true, now }, { credentials: 'unknown' }, policies);
}

/**
 * The ARN the guard decides on for an action's template filled with ids (the testing kit names its resources with
 * it). @throws ArnBuildError when a value is missing or malformed.
 */
export function resourceArnOf(template: string, params: Readonly<Record<string, string>>, env: ArnEnvironment): string {
  return buildArn(template, params, env);
}

/**
 * The action and ARN the guard decides on for a target, without deciding (the CLI's `policy --operations`).
 * @throws ValidationError / ArnBuildError as {@link guardDecision} does, and ArnBuildError when the ARN cannot be built.
 */
export function guardResource(target: GuardTarget, env: ArnEnvironment): { readonly action: string; readonly resource: string } {
  const { action, resource, problem } = resolve(target, env);
  if (problem !== undefined) throw new ArnBuildError(problem);
  return { action, resource };
}
