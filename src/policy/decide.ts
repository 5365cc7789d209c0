/**
 * The decision itself, as the IAM policy evaluation logic page lays it out for a request within
 * one account: an explicit Deny in any policy wins; otherwise the request needs an Allow from the
 * identity policies and — each when present — from the permissions boundary, from every SCP
 * level (any policy of the level may allow), and from the session policy. Anything else is an
 * implicit deny.
 *
 * With unknown keys a statement may apply, not apply, or depend on them (UNKNOWN). The decision
 * is certain only when it is the same whatever their values: a Deny that applies is an
 * ExplicitDeny; a tier with no Allow that applies or may apply is an ImplicitDeny; every tier
 * allowing with no Deny that may apply is an Allow; anything else is Conditional.
 *
 * The explanation is built only on the paths that need it, so a plain Allow stays cheap; an
 * implicit deny writes its reason and near misses only when they are first read.
 */
import { conditionsHold, resourceApplies } from './compile.js';
import { explainConditional } from './conditional.js';
import type { ContextView } from './context.js';
import { LazyImplicitDeny, type TierFindings } from './implicit-deny.js';
import { listRefs, Missing, ref, type Hit, type Tier } from './tiers.js';
import { and, UNKNOWN, type Truth } from './truth.js';
import type { Decision, StatementRef } from './types.js';

export { hasLazyExplanation } from './implicit-deny.js';
export { makeSlot, type Slot, type Tier } from './tiers.js';

/** What the policies say about one request, before any explanation is written. */
interface Outcome extends TierFindings {
  /** Deny statements that apply, across every tier. */
  readonly denies: readonly StatementRef[] | undefined;
  /** Statements that may apply depending on unknown keys: Deny statements anywhere, Allow statements of each tier. */
  readonly uncertainHits: readonly Hit[] | undefined;
  readonly uncertainDeny: boolean;
}

const NONE: readonly never[] = Object.freeze([]);

/** Runs every statement that matches the action, per tier; the decision follows from the result. */
function collect(tiers: readonly Tier[], action: string, resource: string, context: ContextView): Outcome {
  const missing = new Missing();
  let denies: StatementRef[] | undefined;
  let uncertainHits: Hit[] | undefined;
  let uncertainDeny = false;
  const allows: (StatementRef[] | undefined)[] = [];
  const uncertain: boolean[] = [];
  for (const tier of tiers) {
    let tierAllows: StatementRef[] | undefined;
    let tierUncertain = false;
    for (const slot of tier.slots) {
      for (const s of slot.compiled.forAction(action)) {
        const onResource = resourceApplies(s, resource, context, missing);
        const applies: Truth = onResource === false ? false : and(onResource, conditionsHold(s, context, missing));
        if (applies === true) {
          if (s.effect === 'Deny') (denies ??= []).push(ref(slot, s));
          else (tierAllows ??= []).push(ref(slot, s));
        } else if (applies === UNKNOWN) {
          (uncertainHits ??= []).push({ slot, statement: s });
          if (s.effect === 'Deny') uncertainDeny = true;
          else tierUncertain = true;
        }
      }
    }
    allows.push(tierAllows);
    uncertain.push(tierUncertain);
  }
  return {
    denies,
    allows,
    uncertain,
    uncertainHits,
    uncertainDeny,
    missingContextKeys: missing.keys === undefined ? [] : [...missing.keys].sort(),
  };
}

function explainDeny(denies: readonly StatementRef[], action: string, resource: string, missingContextKeys: readonly string[]): Decision {
  return {
    decision: 'ExplicitDeny',
    reason: `${listRefs(denies)} denies ${action} on ${resource}`,
    matchedStatements: denies,
    nearMisses: [],
    missingContextKeys,
    dependsOn: NONE,
    requirements: NONE,
  };
}

/** An Allow: every tier allows; the reason names the first tier's allows and then the others'. */
function explainAllow(tiers: readonly Tier[], outcome: Outcome, action: string, resource: string): Decision {
  const allows = outcome.allows as readonly (readonly StatementRef[])[];
  const first = allows[0] as readonly StatementRef[];
  let reason = `${listRefs(first)} allows ${action} on ${resource}`;
  let matched = first;
  if (tiers.length > 1) {
    matched = allows.flat();
    reason += `; also allowed by ${tiers
      .slice(1)
      .map((tier, i) => `${tier.title} (${listRefs(allows[i + 1] as readonly StatementRef[])})`)
      .join(', ')}`;
  }
  return {
    decision: 'Allow',
    reason,
    matchedStatements: matched,
    nearMisses: [],
    missingContextKeys: outcome.missingContextKeys,
    dependsOn: NONE,
    requirements: NONE,
  };
}

/** Collects the missing keys of the fast path; cleared before each use (decisions are synchronous and never nest). */
const scratchMissing = new Missing();

/**
 * The common request, decided without the general bookkeeping: one tier (identity policies only), and every statement
 * for the action either certainly applies or certainly does not, none that applies a Deny, none reading a missing
 * key, at least one an Allow — the decision `collect` + `explainAllow` reach, with the same reason. Anything else
 * returns undefined and the general path decides from scratch (statements are pure). Measured: the general path's
 * per-request arrays, collector and outcome object were a fifth of a decision at a never-seen resource.
 */
function plainAllow(tier: Tier, action: string, resource: string, context: ContextView): Decision | undefined {
  let allows: StatementRef[] | undefined;
  const missing = scratchMissing.clear();
  for (const slot of tier.slots) {
    for (const s of slot.compiled.forAction(action)) {
      const onResource = resourceApplies(s, resource, context, missing);
      if (onResource === false) continue;
      const applies = and(onResource, conditionsHold(s, context, missing));
      if (applies === false) continue;
      if (applies !== true || s.effect === 'Deny') return undefined;
      (allows ??= []).push(ref(slot, s));
    }
  }
  if (allows === undefined || !missing.none) return undefined;
  return {
    decision: 'Allow',
    reason: `${listRefs(allows)} allows ${action} on ${resource}`,
    matchedStatements: allows,
    nearMisses: NONE,
    missingContextKeys: NONE,
    dependsOn: NONE,
    requirements: NONE,
  };
}

/** Decides one request. Pure; throws only on internal errors, which callers turn into a deny. */
export function decide(tiers: readonly Tier[], action: string, resource: string, context: ContextView): Decision {
  if (tiers.length === 1) {
    const allow = plainAllow(tiers[0] as Tier, action, resource, context);
    if (allow !== undefined) return allow;
  }
  return decideInGeneral(tiers, action, resource, context);
}

/** `decide` without the fast path: what the fast path must agree with (test/policy/fast-path.test.ts). */
export function decideInGeneral(tiers: readonly Tier[], action: string, resource: string, context: ContextView): Decision {
  const outcome = collect(tiers, action, resource, context);
  if (outcome.denies !== undefined) return explainDeny(outcome.denies, action, resource, outcome.missingContextKeys);
  let certain = true;
  for (let t = 0; t < tiers.length; t++) {
    if (outcome.allows[t] !== undefined) continue;
    if (!outcome.uncertain[t]) return new LazyImplicitDeny(tiers, outcome, action, resource, context);
    certain = false;
  }
  if (certain && !outcome.uncertainDeny) return explainAllow(tiers, outcome, action, resource);
  return explainConditional(outcome.uncertainHits ?? [], action, resource, context, outcome.missingContextKeys);
}
