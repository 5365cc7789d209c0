/**
 * `compilePolicies`: resolves every input of a policy set to a parsed policy, places each in its
 * tier with the name explanations use, and returns an evaluator with a bounded decision cache
 * (decision-cache.ts says what a cached decision is filed under, and why that is safe).
 */
import { compiledPolicyFor } from './compile.js';
import { contextView, unknownMatcherFor } from './context.js';
import { DecisionCache, tailHash, type ActionKeys } from './decision-cache.js';
import { decide, hasLazyExplanation, makeSlot, type Slot, type Tier } from './decide.js';
import { explanationReadsKeys } from './implicit-deny.js';
import { PolicyParseError, type PolicyProblem } from './errors.js';
import { toParsedPolicy } from './inputs.js';
import type { CompiledPolicySet, Decision, EvaluateOptions, ParsedPolicy, PolicyInput, PolicySet, RequestContext } from './types.js';

/** Options of `compilePolicies`. */
export interface CompileOptions {
  /** Decisions kept per compiled set (when full, the cache starts over); 0 turns caching off. Default 10,000. */
  readonly decisionCacheSize?: number;
}

const DEFAULT_CACHE_SIZE = 10_000;

/** A decision that denies because evaluation itself failed: the engine fails closed. */
export function failClosed(action: unknown, resource: unknown, why: string): Decision {
  return Object.freeze({
    decision: 'ImplicitDeny',
    reason: `${why}; denying ${String(action)} on ${String(resource)}`,
    matchedStatements: [],
    nearMisses: [],
    missingContextKeys: [],
    dependsOn: [],
    requirements: [],
  });
}

/**
 * Cached decisions are shared between callers, so they are frozen; refs already are. A lazy
 * explanation is not read here (that would build it): it freezes itself when written.
 */
function freezeDecision(d: Decision): Decision {
  if (!hasLazyExplanation(d)) {
    for (const m of d.nearMisses) Object.freeze(m);
    Object.freeze(d.nearMisses);
  }
  Object.freeze(d.matchedStatements);
  Object.freeze(d.missingContextKeys);
  Object.freeze(d.dependsOn);
  Object.freeze(d.requirements);
  return Object.freeze(d);
}

/** Slots made once per parsed policy and name, so that repeated one-shot evaluations allocate none. */
const slots = new WeakMap<ParsedPolicy, Map<string, Slot>>();

function slotFor(parsed: ParsedPolicy, name: string): Slot {
  let byName = slots.get(parsed);
  if (byName === undefined) slots.set(parsed, (byName = new Map()));
  let slot = byName.get(name);
  if (slot === undefined) {
    slot = makeSlot(name, compiledPolicyFor(parsed));
    byName.set(name, slot);
  }
  return slot;
}

/** The slot of one input, or undefined with its parse problems (prefixed with `name`) added to `problems`. */
function slotOf(input: PolicyInput, name: string, problems: PolicyProblem[]): Slot | undefined {
  try {
    const parsed = toParsedPolicy(input);
    return slotFor(parsed, parsed.source ?? name);
  } catch (e) {
    if (!(e instanceof PolicyParseError)) throw e;
    for (const p of e.problems) problems.push({ path: p.path === '(document)' ? name : `${name}.${p.path}`, message: p.message });
    return undefined;
  }
}

/** Slots of a list of inputs named `${prefix}[i]` (no closures: `evaluate` builds tiers on every call). */
function slotsOf(inputs: readonly PolicyInput[], prefix: string, problems: PolicyProblem[]): Slot[] {
  const out: Slot[] = [];
  for (let i = 0; i < inputs.length; i++) {
    const slot = slotOf(inputs[i] as PolicyInput, `${prefix}[${i}]`, problems);
    if (slot !== undefined) out.push(slot);
  }
  return out;
}

function single(input: PolicyInput, name: string, problems: PolicyProblem[]): Slot[] {
  const slot = slotOf(input, name, problems);
  return slot === undefined ? [] : [slot];
}

/** Builds the tiers of a set, gathering every parse problem of every raw document. */
export function buildTiers(set: PolicySet): Tier[] {
  const problems: PolicyProblem[] = [];
  const tiers: Tier[] = [{ title: 'the identity policies', identity: true, slots: slotsOf(set.policies, 'identity', problems) }];
  if (set.permissionsBoundary !== undefined) {
    tiers.push({ title: 'the permissions boundary', identity: false, slots: single(set.permissionsBoundary, 'permissionsBoundary', problems) });
  }
  const levels = set.serviceControlPolicies ?? [];
  for (let l = 0; l < levels.length; l++) {
    tiers.push({ title: `the service control policy level ${l} (scp[${l}])`, identity: false, slots: slotsOf(levels[l] as readonly PolicyInput[], `scp[${l}]`, problems) });
  }
  if (set.sessionPolicy !== undefined) {
    tiers.push({ title: 'the session policy', identity: false, slots: single(set.sessionPolicy, 'session', problems) });
  }
  if (problems.length > 0) throw new PolicyParseError(problems);
  return tiers;
}

class Compiled implements CompiledPolicySet {
  // Made on first use: `evaluate` builds an uncached evaluator per call and must not pay for it.
  private cache: DecisionCache | undefined;

  constructor(
    private readonly tiers: readonly Tier[],
    private readonly cacheSize: number,
  ) {}

  evaluate(action: string, resource: string, context?: RequestContext, options?: EvaluateOptions): Decision {
    try {
      if (typeof action !== 'string' || typeof resource !== 'string') return failClosed(action, resource, 'action and resource must be strings');
      const view = contextView(context, unknownMatcherFor(options?.unknownKeys));
      if (this.cacheSize <= 0) return decide(this.tiers, action, resource, view);
      const cache = (this.cache ??= new DecisionCache(this.cacheSize, (a) => actionKeys(this.tiers, a), hasLazyExplanation));
      const hash = tailHash(resource);
      const hit = cache.lookup(action, resource, hash, view);
      if (hit !== undefined) return hit;
      const decision = decide(this.tiers, action, resource, view);
      if (cache.admit(action, resource, hash)) cache.store(action, resource, hash, view, freezeDecision(decision));
      return decision;
    } catch (e) {
      return failClosed(action, resource, `internal error during evaluation (${e instanceof Error ? e.message : String(e)})`);
    }
  }
}

/** The keys a decision on `action` reads, and those its implicit deny's explanation may read too. */
function actionKeys(tiers: readonly Tier[], action: string): ActionKeys {
  const keys = new Set<string>();
  for (const tier of tiers) for (const slot of tier.slots) for (const s of slot.compiled.forAction(action)) for (const k of s.readsKeys) keys.add(k);
  const sorted = [...keys].sort();
  return { keys: sorted, explanationKeys: [...new Set([...sorted, ...explanationReadsKeys(tiers)])].sort() };
}

/** Evaluates against already-built tiers without a cache (used by `evaluate`). */
export function evaluateTiers(tiers: readonly Tier[], action: string, resource: string, context?: RequestContext, options?: EvaluateOptions): Decision {
  return new Compiled(tiers, 0).evaluate(action, resource, context, options);
}

/**
 * Compiles a policy set once for many decisions.
 *
 * The set is built from a snapshot of each document taken now: mutating a policy object after
 * this call does not change the returned set (compile again to pick the change up), and a later
 * `evaluate` or `compilePolicies` with the mutated object sees the new content, never a stale
 * parse.
 *
 * @throws PolicyParseError listing the problems of every raw document that fails to parse, each
 *   path prefixed with the policy's place in the set (`identity[1].Statement[0].Effect`).
 */
export function compilePolicies(set: PolicySet, options?: CompileOptions): CompiledPolicySet {
  return new Compiled(buildTiers(set), options?.decisionCacheSize ?? DEFAULT_CACHE_SIZE);
}
