/**
 * The decision itself, as the IAM policy evaluation logic page lays it out for a request within
 * one account: an explicit Deny in any policy wins; otherwise the request needs an Allow from the
 * identity policies and — each when present — from the permissions boundary, from every SCP
 * level (any policy of the level may allow), and from the session policy. Anything else is an
 * implicit deny. The explanation (deciding statements, near misses, missing keys) is built here
 * too, but only on the paths that need it, so a plain Allow stays cheap; an implicit deny writes
 * its reason and near misses only when they are first read.
 */
import type { MissingKeys } from './conditions/index.js';
import { explainCondition, evaluateCondition } from './conditions/index.js';
import {
  actionApplies,
  resourceApplies,
  matchResourcePattern,
  resourcePatternMatches,
  conditionsHold,
  type CompiledPolicy,
  type CompiledStatement,
} from './compile.js';
import { settledContext, type ContextView } from './context.js';
import { statementName } from './statement-name.js';
import type { Decision, NearMiss, StatementRef } from './types.js';

/** A policy in its place in the set: the name explanations use for it, and its matchers. */
export interface Slot {
  readonly name: string;
  readonly compiled: CompiledPolicy;
  /** Frozen references to each statement, made once so a decision allocates none. */
  readonly refs: readonly StatementRef[];
}

/** Places a compiled policy in a set under `name`. */
export function makeSlot(name: string, compiled: CompiledPolicy): Slot {
  const refs = compiled.statements.map((s) => {
    const { index, sid } = s.statement;
    return Object.freeze(sid === undefined ? { policy: name, index, effect: s.effect } : { policy: name, index, sid, effect: s.effect });
  });
  return { name, compiled, refs };
}

/** A group of policies of which at least one must allow (identity, boundary, an SCP level, session). */
export interface Tier {
  /** How a reason names the tier, e.g. "the permissions boundary". */
  readonly title: string;
  readonly identity: boolean;
  readonly slots: readonly Slot[];
}

/** Near misses reported per failing tier; more would drown the useful ones. */
const NEAR_MISS_LIMIT = 5;
/**
 * Statements examined per tier when looking for allows that failed only on the action. The
 * search runs on every implicit deny, so it is bounded to keep denials as cheap as allows in
 * large policies; the statements that matched the action are always all examined.
 */
const ACTION_SCAN_LIMIT = 32;

/** Missing keys, deduplicated case-insensitively and reported as the policy first spelt them. */
class Missing implements MissingKeys {
  private spelled: Map<string, string> | undefined;
  add(key: string): void {
    const lower = key.toLowerCase();
    if (!(this.spelled ??= new Map()).has(lower)) this.spelled.set(lower, key);
  }
  get keys(): ReadonlySet<string> | undefined {
    return this.spelled === undefined ? undefined : new Set(this.spelled.values());
  }
}

interface Hit {
  readonly slot: Slot;
  readonly statement: CompiledStatement;
}

function ref(slot: Slot, s: CompiledStatement): StatementRef {
  return slot.refs[s.statement.index] as StatementRef;
}

function nearMiss(r: StatementRef, failed: NearMiss['failed'], detail: string): NearMiss {
  return r.sid === undefined
    ? { policy: r.policy, index: r.index, effect: r.effect, failed, detail }
    : { policy: r.policy, index: r.index, sid: r.sid, effect: r.effect, failed, detail };
}

function listRefs(refs: readonly StatementRef[]): string {
  const first = refs[0] as StatementRef;
  return refs.length === 1 ? statementName(first) : `${statementName(first)} and ${refs.length - 1} more`;
}

function quoted(patterns: readonly { source: string }[]): string {
  return patterns.map((p) => JSON.stringify(p.source)).join(', ');
}

/** What failed for an Allow statement whose action applied, or undefined when it fully applies. */
function failure(s: CompiledStatement, resource: string, context: ContextView): Pick<NearMiss, 'failed' | 'detail'> | undefined {
  if (!resourceApplies(s, resource, context)) {
    const hit = s.notResource ? s.resources.find((p) => resourcePatternMatches(p, resource, context)) : undefined;
    if (hit !== undefined) return { failed: 'resource', detail: `resource is excluded by NotResource pattern ${JSON.stringify(hit.source)}` };
    const unresolved = new Missing();
    const unknown = s.resources.filter((p) => matchResourcePattern(p, resource, context, unresolved) === undefined);
    const vars = unresolved.keys === undefined ? '' : `policy variable ${[...unresolved.keys].map((k) => `\${${k}}`).join(', ')} has no value`;
    if (s.notResource) {
      return {
        failed: 'resource',
        detail: `NotResource pattern ${quoted(unknown)} cannot be resolved (${vars}), so it cannot be determined that the resource is outside it`,
      };
    }
    const noun = s.resources.length === 1 ? 'resource pattern' : 'resource patterns';
    return { failed: 'resource', detail: `${noun} ${quoted(s.resources)} did not match${vars === '' ? '' : ` (${vars})`}` };
  }
  const failedConditions = s.conditions.filter((c) => !evaluateCondition(c, context, undefined, s.effect === 'Deny'));
  if (failedConditions.length === 0) return undefined;
  return { failed: 'condition', detail: failedConditions.map((c) => explainCondition(c, context)).join('; ') };
}

function nearMisses(tier: Tier, hits: readonly Hit[], lowerAction: string, action: string, resource: string, context: ContextView): NearMiss[] {
  const out: NearMiss[] = [];
  for (const { slot, statement } of hits) {
    if (out.length >= NEAR_MISS_LIMIT) break;
    const why = failure(statement, resource, context);
    if (why !== undefined) out.push(nearMiss(ref(slot, statement), why.failed, why.detail));
  }
  if (out.length > 0) return out;
  // Nothing matched the action: show allows that would apply but for the action.
  let scanned = 0;
  for (const slot of tier.slots) {
    for (const statement of slot.compiled.statements) {
      if (out.length >= NEAR_MISS_LIMIT || scanned++ >= ACTION_SCAN_LIMIT) return out;
      if (statement.effect !== 'Allow' || actionApplies(statement, lowerAction)) continue;
      if (!resourceApplies(statement, resource, context) || !conditionsHold(statement, context)) continue;
      const detail = statement.notAction
        ? `action ${action} is excluded by NotAction ${statement.actionSources.map((a) => JSON.stringify(a)).join(', ')}`
        : `action ${action} did not match ${statement.actionSources.map((a) => JSON.stringify(a)).join(', ')}`;
      out.push(nearMiss(ref(slot, statement), 'action', detail));
    }
  }
  return out;
}

function nearestClause(m: NearMiss): string {
  const what =
    m.failed === 'action'
      ? `matched the resource but ${m.detail}`
      : m.failed === 'resource'
        ? `matched the action but ${m.detail}`
        : `matched the action and resource but ${m.detail}`;
  return `${statementName(m)} ${what}`;
}

/** What the policies say about one request, before any explanation is written. */
interface Outcome {
  /** Deny statements that apply, across every tier. */
  readonly denies: readonly StatementRef[] | undefined;
  /** Per tier: its Allow statements that apply (undefined when none does). */
  readonly allows: readonly (readonly StatementRef[] | undefined)[];
  /** Per tier: its Allow statements that matched the action but not the resource or conditions. */
  readonly misses: readonly (readonly Hit[] | undefined)[];
  readonly missingContextKeys: readonly string[];
}

/** Runs every statement that matches the action, per tier; the decision follows from the result. */
function collect(tiers: readonly Tier[], action: string, resource: string, context: ContextView): Outcome {
  const missing = new Missing();
  let denies: StatementRef[] | undefined;
  const allows: (StatementRef[] | undefined)[] = [];
  const misses: (Hit[] | undefined)[] = [];
  for (const tier of tiers) {
    let tierAllows: StatementRef[] | undefined;
    let tierMisses: Hit[] | undefined;
    for (const slot of tier.slots) {
      for (const s of slot.compiled.forAction(action)) {
        if (!resourceApplies(s, resource, context, missing) || !conditionsHold(s, context, missing)) {
          if (s.effect === 'Allow') (tierMisses ??= []).push({ slot, statement: s });
          continue;
        }
        if (s.effect === 'Deny') (denies ??= []).push(ref(slot, s));
        else (tierAllows ??= []).push(ref(slot, s));
      }
    }
    allows.push(tierAllows);
    misses.push(tierMisses);
  }
  return { denies, allows, misses, missingContextKeys: missing.keys === undefined ? [] : [...missing.keys].sort() };
}

function explainDeny(denies: readonly StatementRef[], action: string, resource: string, missingContextKeys: readonly string[]): Decision {
  return {
    decision: 'ExplicitDeny',
    reason: `ExplicitDeny: ${listRefs(denies)} denies ${action} on ${resource}`,
    matchedStatements: denies,
    nearMisses: [],
    missingContextKeys,
  };
}

/** An Allow: every tier allows; the reason names the first tier's allows and then the others'. */
function explainAllow(tiers: readonly Tier[], outcome: Outcome, action: string, resource: string): Decision {
  const allows = outcome.allows as readonly (readonly StatementRef[])[];
  const first = allows[0] as readonly StatementRef[];
  let reason = `Allow: ${listRefs(first)} allows ${action} on ${resource}`;
  let matched = first;
  if (tiers.length > 1) {
    matched = allows.flat();
    reason += `; also allowed by ${tiers
      .slice(1)
      .map((tier, i) => `${tier.title} (${listRefs(allows[i + 1] as readonly StatementRef[])})`)
      .join(', ')}`;
  }
  return { decision: 'Allow', reason, matchedStatements: matched, nearMisses: [], missingContextKeys: outcome.missingContextKeys };
}

/** The explanation of an implicit deny: which tiers did not allow, and the near misses that show why. */
interface DenyExplanation {
  readonly reason: string;
  readonly nearMisses: readonly NearMiss[];
}

function explainImplicitDeny(
  tiers: readonly Tier[],
  allows: Outcome['allows'],
  misses: Outcome['misses'],
  action: string,
  resource: string,
  context: ContextView,
): DenyExplanation {
  const lowerAction = action.toLowerCase();
  const on = `${action} on ${resource}`;
  const parts: string[] = [];
  const near: NearMiss[] = [];
  tiers.forEach((tier, t) => {
    if (allows[t] !== undefined) return;
    if (tier.identity) parts.push(tier.slots.length === 0 ? `no identity policy is given, so nothing allows ${on}` : `no statement allows ${on}`);
    else parts.push(`${tier.title} does not allow ${on}`);
    near.push(...nearMisses(tier, misses[t] ?? [], lowerAction, action, resource, context));
  });
  const identityAllows = tiers[0]?.identity === true ? allows[0] : undefined;
  const although = identityAllows === undefined ? '' : ` (although ${listRefs(identityAllows)} allows it)`;
  const nearest = near[0] === undefined ? '' : `; nearest: ${nearestClause(near[0])}`;
  return { reason: `ImplicitDeny: ${parts.join('; ')}${although}${nearest}`, nearMisses: near };
}

function errorText(e: unknown): string {
  try {
    return e instanceof Error ? e.message : String(e);
  } catch {
    return 'unknown error';
  }
}

/** What an implicit deny's explanation is written from. */
type DenyInputs = readonly [
  tiers: readonly Tier[],
  allows: Outcome['allows'],
  misses: Outcome['misses'],
  action: string,
  resource: string,
  context: ContextView,
];

/**
 * An implicit deny whose `reason` and `nearMisses` are written on first read and then kept: most
 * callers only look at `decision`, and the near-miss walk costs several times the decision
 * itself. Both are own enumerable accessors, in the same place as the data properties of the
 * other decisions, so spreading, `JSON.stringify` and deep equality see an ordinary Decision.
 *
 * Everything the explanation reads is fixed when the decision is made: the tiers and the
 * outcome arrays are never changed after, the strings are immutable, and the context view is
 * settled (copied from the caller's object) first. A failure while explaining yields a plain
 * reason and no near misses, never a throw — the decision itself is already a deny.
 */
class LazyImplicitDeny implements Decision {
  declare readonly decision: 'ImplicitDeny';
  declare readonly reason: string;
  declare readonly matchedStatements: readonly StatementRef[];
  declare readonly nearMisses: readonly NearMiss[];
  declare readonly missingContextKeys: readonly string[];

  #inputs: DenyInputs | undefined;
  #explained: DenyExplanation | undefined;

  // One descriptor object per property, shared by every instance, so they all keep one shape.
  static readonly #reason: PropertyDescriptor = {
    get(this: LazyImplicitDeny) {
      return this.#explain().reason;
    },
    enumerable: true,
    configurable: true,
  };
  static readonly #nearMisses: PropertyDescriptor = {
    get(this: LazyImplicitDeny) {
      return this.#explain().nearMisses;
    },
    enumerable: true,
    configurable: true,
  };

  constructor(tiers: readonly Tier[], outcome: Outcome, action: string, resource: string, context: ContextView) {
    (this as { decision: string }).decision = 'ImplicitDeny';
    Object.defineProperty(this, 'reason', LazyImplicitDeny.#reason);
    (this as { matchedStatements: readonly StatementRef[] }).matchedStatements = [];
    Object.defineProperty(this, 'nearMisses', LazyImplicitDeny.#nearMisses);
    (this as { missingContextKeys: readonly string[] }).missingContextKeys = outcome.missingContextKeys;
    this.#inputs = [tiers, outcome.allows, outcome.misses, action, resource, settledContext(context)];
  }

  #explain(): DenyExplanation {
    if (this.#explained !== undefined) return this.#explained;
    const [tiers, allows, misses, action, resource, context] = this.#inputs as DenyInputs;
    let explained: DenyExplanation;
    try {
      explained = explainImplicitDeny(tiers, allows, misses, action, resource, context);
    } catch (e) {
      explained = {
        reason: `ImplicitDeny: internal error while explaining the decision (${errorText(e)}); denying ${action} on ${resource}`,
        nearMisses: [],
      };
    }
    // A frozen decision is a shared, cached one: its explanation is frozen like the rest of it.
    if (Object.isFrozen(this)) {
      for (const m of explained.nearMisses) Object.freeze(m);
      Object.freeze(explained.nearMisses);
    }
    this.#explained = explained;
    this.#inputs = undefined;
    return explained;
  }
}

/** Whether `d` writes its explanation on first read (so freezing must not read it). */
export function hasLazyExplanation(d: Decision): boolean {
  return d instanceof LazyImplicitDeny;
}

/** Decides one request. Pure; throws only on internal errors, which callers turn into a deny. */
export function decide(tiers: readonly Tier[], action: string, resource: string, context: ContextView): Decision {
  const outcome = collect(tiers, action, resource, context);
  if (outcome.denies !== undefined) return explainDeny(outcome.denies, action, resource, outcome.missingContextKeys);
  if (outcome.allows.every((a) => a !== undefined)) return explainAllow(tiers, outcome, action, resource);
  return new LazyImplicitDeny(tiers, outcome, action, resource, context);
}
