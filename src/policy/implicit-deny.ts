/**
 * The explanation of an implicit deny: which tiers did not allow, and the near misses — allow
 * statements that matched all but one part — that show why. Written lazily, on first read of
 * `reason` or `nearMisses`, since most callers only look at `decision`.
 */
import { explainCondition, evaluateCondition } from './conditions/index.js';
import { actionApplies, resourceApplies, matchResourcePattern, conditionsHold, type CompiledStatement } from './compile.js';
import { settledContext, type ContextView } from './context.js';
import { statementName } from './statement-name.js';
import { listRefs, Missing, ref, type Tier } from './tiers.js';
import type { Decision, NearMiss, StatementRef } from './types.js';

/** Near misses reported per failing tier; more would drown the useful ones. */
const NEAR_MISS_LIMIT = 5;
/**
 * Statements examined per tier when looking for allows that failed only on the action. The
 * search runs on every implicit deny, so it is bounded to keep denials as cheap as allows in
 * large policies; the statements that matched the action are always all examined.
 */
const ACTION_SCAN_LIMIT = 32;


function nearMiss(r: StatementRef, failed: NearMiss['failed'], detail: string): NearMiss {
  return r.sid === undefined
    ? { policy: r.policy, index: r.index, effect: r.effect, failed, detail }
    : { policy: r.policy, index: r.index, sid: r.sid, effect: r.effect, failed, detail };
}

function quoted(patterns: readonly { source: string }[]): string {
  return patterns.map((p) => JSON.stringify(p.source)).join(', ');
}

/** What failed for an Allow statement whose action applied, or undefined when it fully applies. */
function failure(s: CompiledStatement, resource: string, context: ContextView): Pick<NearMiss, 'failed' | 'detail'> | undefined {
  if (resourceApplies(s, resource, context) === false) {
    const hit = s.notResource ? s.resources.find((p) => matchResourcePattern(p, resource, context) === true) : undefined;
    if (hit !== undefined) return { failed: 'resource', detail: `resource is excluded by NotResource pattern ${JSON.stringify(hit.source)}` };
    const unresolved = new Missing();
    for (const p of s.resources) matchResourcePattern(p, resource, context, unresolved);
    const vars = unresolved.keys === undefined ? '' : `policy variable ${[...unresolved.keys].map((k) => `\${${k}}`).join(', ')} has no value`;
    const noun = s.resources.length === 1 ? 'resource pattern' : 'resource patterns';
    return { failed: 'resource', detail: `${noun} ${quoted(s.resources)} did not match${vars === '' ? '' : ` (${vars})`}` };
  }
  const failedConditions = s.conditions.filter((c) => evaluateCondition(c, context) === false);
  if (failedConditions.length === 0) return undefined;
  return { failed: 'condition', detail: failedConditions.map((c) => explainCondition(c, context)).join('; ') };
}

/**
 * Near misses of a tier that did not allow: its Allow statements for the action, each of which
 * failed on its resource or a condition (the decision found none that applied or may apply, so
 * they are looked up again here rather than collected on every decision).
 */
function nearMisses(tier: Tier, lowerAction: string, action: string, resource: string, context: ContextView): NearMiss[] {
  const out: NearMiss[] = [];
  for (const slot of tier.slots) {
    for (const statement of slot.compiled.forAction(action)) {
      if (out.length >= NEAR_MISS_LIMIT) break;
      if (statement.effect !== 'Allow') continue;
      const why = failure(statement, resource, context);
      if (why !== undefined) out.push(nearMiss(ref(slot, statement), why.failed, why.detail));
    }
  }
  if (out.length > 0) return out;
  // Nothing matched the action: show allows that would apply but for the action.
  let scanned = 0;
  for (const slot of tier.slots) {
    for (const statement of slot.compiled.statements) {
      if (out.length >= NEAR_MISS_LIMIT || scanned++ >= ACTION_SCAN_LIMIT) return out;
      if (statement.effect !== 'Allow' || actionApplies(statement, lowerAction)) continue;
      if (resourceApplies(statement, resource, context) !== true || conditionsHold(statement, context) !== true) continue;
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


/**
 * Context keys an implicit deny's explanation may read beyond those of the statements for the
 * action: the statements the search for action near misses visits, in every tier.
 */
export function explanationReadsKeys(tiers: readonly Tier[]): string[] {
  const keys = new Set<string>();
  for (const tier of tiers) {
    let scanned = 0;
    for (const slot of tier.slots) {
      for (const statement of slot.compiled.statements) {
        if (scanned++ >= ACTION_SCAN_LIMIT) break;
        for (const k of statement.readsKeys) keys.add(k);
      }
    }
  }
  return [...keys];
}

/** What the decision found per tier, as the explanation needs it. */
export interface TierFindings {
  /** Per tier: its Allow statements that apply (undefined when none does). */
  readonly allows: readonly (readonly StatementRef[] | undefined)[];
  /** Per tier: whether an Allow statement depends on unknown keys (such a tier did not decide the deny). */
  readonly uncertain: readonly boolean[];
  readonly missingContextKeys: readonly string[];
}

/** Shared empty list for the fields an implicit deny leaves empty. */
const NONE: readonly never[] = Object.freeze([]);

/** The explanation of an implicit deny: which tiers did not allow, and the near misses that show why. */
interface DenyExplanation {
  readonly reason: string;
  readonly nearMisses: readonly NearMiss[];
}

function explainImplicitDeny(tiers: readonly Tier[], found: TierFindings, action: string, resource: string, context: ContextView): DenyExplanation {
  const { allows, uncertain } = found;
  const lowerAction = action.toLowerCase();
  const on = `${action} on ${resource}`;
  const parts: string[] = [];
  const near: NearMiss[] = [];
  tiers.forEach((tier, t) => {
    if (allows[t] !== undefined || uncertain[t] === true) return;
    if (tier.identity) parts.push(tier.slots.length === 0 ? `no identity policy is given, so nothing allows ${on}` : `no statement allows ${on}`);
    else parts.push(`${tier.title} does not allow ${on}`);
    near.push(...nearMisses(tier, lowerAction, action, resource, context));
  });
  const identityAllows = tiers[0]?.identity === true ? allows[0] : undefined;
  const although = identityAllows === undefined ? '' : ` (although ${listRefs(identityAllows)} allows it)`;
  const nearest = near[0] === undefined ? '' : `; nearest: ${nearestClause(near[0])}`;
  return { reason: `${parts.join('; ')}${although}${nearest}`, nearMisses: near };
}

function errorText(e: unknown): string {
  try {
    return e instanceof Error ? e.message : String(e);
  } catch {
    return 'unknown error';
  }
}

/** What an implicit deny's explanation is written from. */
type DenyInputs = readonly [tiers: readonly Tier[], found: TierFindings, action: string, resource: string, context: ContextView];

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
export class LazyImplicitDeny implements Decision {
  declare readonly decision: 'ImplicitDeny';
  declare readonly reason: string;
  declare readonly matchedStatements: readonly StatementRef[];
  declare readonly nearMisses: readonly NearMiss[];
  declare readonly missingContextKeys: readonly string[];
  declare readonly dependsOn: readonly string[];
  declare readonly requirements: readonly never[];

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

  constructor(tiers: readonly Tier[], found: TierFindings, action: string, resource: string, context: ContextView) {
    (this as { decision: string }).decision = 'ImplicitDeny';
    Object.defineProperty(this, 'reason', LazyImplicitDeny.#reason);
    (this as { matchedStatements: readonly StatementRef[] }).matchedStatements = [];
    Object.defineProperty(this, 'nearMisses', LazyImplicitDeny.#nearMisses);
    (this as { missingContextKeys: readonly string[] }).missingContextKeys = found.missingContextKeys;
    (this as { dependsOn: readonly string[] }).dependsOn = NONE;
    (this as { requirements: readonly never[] }).requirements = NONE;
    this.#inputs = [tiers, found, action, resource, settledContext(context)];
  }

  #explain(): DenyExplanation {
    if (this.#explained !== undefined) return this.#explained;
    const [tiers, found, action, resource, context] = this.#inputs as DenyInputs;
    let explained: DenyExplanation;
    try {
      explained = explainImplicitDeny(tiers, found, action, resource, context);
    } catch (e) {
      explained = {
        reason: `internal error while explaining the decision (${errorText(e)}); denying ${action} on ${resource}`,
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
