/**
 * `compilePolicies`: resolves every input of a policy set to a parsed policy, places each in its
 * tier with the name explanations use, and returns an evaluator with a bounded decision cache.
 *
 * Caching a decision is safe because it is a pure function of the action (case-insensitive), the
 * resource, and the values of the context keys the policies actually read; the cache key is
 * exactly that, so unrelated context keys (or `aws:CurrentTime` when no policy reads it) do not
 * defeat it.
 */
import { compiledPolicyFor } from './compile.js';
import { contextFingerprint, contextView, unknownMatcherFor } from './context.js';
import { decide, hasLazyExplanation, makeSlot, type Slot, type Tier } from './decide.js';
import { PolicyParseError, type PolicyProblem } from './errors.js';
import { toParsedPolicy } from './inputs.js';
import type { CompiledPolicySet, Decision, EvaluateOptions, PolicyInput, PolicySet, RequestContext } from './types.js';

/** Options of `compilePolicies`. */
export interface CompileOptions {
  /** Decisions kept per compiled set (oldest dropped first); 0 turns caching off. Default 10,000. */
  readonly decisionCacheSize?: number;
}

const DEFAULT_CACHE_SIZE = 10_000;

/** A decision that denies because evaluation itself failed: the engine fails closed. */
export function failClosed(action: unknown, resource: unknown, why: string): Decision {
  return Object.freeze({
    decision: 'ImplicitDeny',
    reason: `ImplicitDeny: ${why}; denying ${String(action)} on ${String(resource)}`,
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

/** Builds the tiers of a set, gathering every parse problem of every raw document. */
export function buildTiers(set: PolicySet): Tier[] {
  const problems: PolicyProblem[] = [];
  const slot = (input: PolicyInput, name: string): Slot | undefined => {
    try {
      const parsed = toParsedPolicy(input);
      return makeSlot(parsed.source ?? name, compiledPolicyFor(parsed));
    } catch (e) {
      if (!(e instanceof PolicyParseError)) throw e;
      for (const p of e.problems) problems.push({ path: p.path === '(document)' ? name : `${name}.${p.path}`, message: p.message });
      return undefined;
    }
  };
  const slots = (inputs: readonly PolicyInput[], name: (i: number) => string) =>
    inputs.map((input, i) => slot(input, name(i))).filter((s): s is Slot => s !== undefined);

  const tiers: Tier[] = [{ title: 'the identity policies', identity: true, slots: slots(set.policies, (i) => `identity[${i}]`) }];
  if (set.permissionsBoundary !== undefined) {
    tiers.push({ title: 'the permissions boundary', identity: false, slots: slots([set.permissionsBoundary], () => 'permissionsBoundary') });
  }
  (set.serviceControlPolicies ?? []).forEach((level, l) => {
    tiers.push({
      title: `the service control policy level ${l} (scp[${l}])`,
      identity: false,
      slots: slots(level, (i) => `scp[${l}][${i}]`),
    });
  });
  if (set.sessionPolicy !== undefined) {
    tiers.push({ title: 'the session policy', identity: false, slots: slots([set.sessionPolicy], () => 'session') });
  }
  if (problems.length > 0) throw new PolicyParseError(problems);
  return tiers;
}

class Compiled implements CompiledPolicySet {
  private readonly cache = new Map<string, Decision>();
  private readonly readsKeys: readonly string[];

  constructor(
    private readonly tiers: readonly Tier[],
    private readonly cacheSize: number,
  ) {
    const keys = new Set<string>();
    for (const tier of tiers) for (const s of tier.slots) for (const k of s.compiled.readsKeys) keys.add(k);
    this.readsKeys = [...keys].sort();
  }

  evaluate(action: string, resource: string, context?: RequestContext, options?: EvaluateOptions): Decision {
    try {
      if (typeof action !== 'string' || typeof resource !== 'string') return failClosed(action, resource, 'action and resource must be strings');
      const view = contextView(context, unknownMatcherFor(options?.unknownKeys));
      if (this.cacheSize <= 0) return decide(this.tiers, action, resource, view);
      const key = `${action.toLowerCase()}\n${resource}\n${contextFingerprint(view, this.readsKeys)}`;
      const hit = this.cache.get(key);
      if (hit !== undefined) return hit;
      const decision = freezeDecision(decide(this.tiers, action, resource, view));
      if (this.cache.size >= this.cacheSize) this.cache.delete(this.cache.keys().next().value as string);
      this.cache.set(key, decision);
      return decision;
    } catch (e) {
      return failClosed(action, resource, `internal error during evaluation (${e instanceof Error ? e.message : String(e)})`);
    }
  }
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
