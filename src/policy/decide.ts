/**
 * The decision itself, as the IAM policy evaluation logic page lays it out for a request within
 * one account: an explicit Deny in any policy wins; otherwise the request needs an Allow from the
 * identity policies and — each when present — from the permissions boundary, from every SCP
 * level (any policy of the level may allow), and from the session policy. Anything else is an
 * implicit deny. The explanation (deciding statements, near misses, missing keys) is built here
 * too, but only on the paths that need it, so a plain Allow stays cheap.
 */
import type { MissingKeys } from './conditions/index.js';
import { explainCondition, evaluateCondition } from './conditions/index.js';
import {
  actionApplies,
  resourceApplies,
  resourcePatternMatches,
  conditionsHold,
  type CompiledPolicy,
  type CompiledStatement,
} from './compile.js';
import type { ContextView } from './context.js';
import type { Decision, NearMiss, StatementRef } from './types.js';

/** A policy in its place in the set: the name explanations use for it, and its matchers. */
export interface Slot {
  readonly name: string;
  readonly compiled: CompiledPolicy;
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

class Missing implements MissingKeys {
  keys: Set<string> | undefined;
  add(key: string): void {
    (this.keys ??= new Set()).add(key);
  }
}

interface Hit {
  readonly slot: Slot;
  readonly statement: CompiledStatement;
}

function ref(slot: Slot, s: CompiledStatement): StatementRef {
  const { index, sid } = s.statement;
  return sid === undefined ? { policy: slot.name, index, effect: s.effect } : { policy: slot.name, index, sid, effect: s.effect };
}

function describeRef(r: StatementRef): string {
  return r.sid === undefined || r.sid === '' ? `statement ${r.policy} #${r.index}` : `statement "${r.sid}" (${r.policy} #${r.index})`;
}

function listRefs(refs: readonly StatementRef[]): string {
  const first = refs[0] as StatementRef;
  return refs.length === 1 ? describeRef(first) : `${describeRef(first)} and ${refs.length - 1} more`;
}

function quoted(patterns: readonly { source: string }[]): string {
  return patterns.map((p) => JSON.stringify(p.source)).join(', ');
}

/** What failed for an Allow statement whose action applied, or undefined when it fully applies. */
function failure(s: CompiledStatement, resource: string, context: ContextView): Pick<NearMiss, 'failed' | 'detail'> | undefined {
  if (!resourceApplies(s, resource, context)) {
    if (s.notResource) {
      const hit = s.resources.find((p) => resourcePatternMatches(p, resource, context));
      return { failed: 'resource', detail: `resource is excluded by NotResource pattern ${JSON.stringify(hit?.source ?? '')}` };
    }
    const unresolved = new Missing();
    for (const p of s.resources) resourcePatternMatches(p, resource, context, unresolved);
    const noun = s.resources.length === 1 ? 'resource pattern' : 'resource patterns';
    const vars = unresolved.keys === undefined ? '' : ` (policy variable ${[...unresolved.keys].map((k) => `\${${k}}`).join(', ')} has no value)`;
    return { failed: 'resource', detail: `${noun} ${quoted(s.resources)} did not match${vars}` };
  }
  const failedConditions = s.conditions.filter((c) => !evaluateCondition(c, context));
  if (failedConditions.length === 0) return undefined;
  return { failed: 'condition', detail: failedConditions.map((c) => explainCondition(c, context)).join('; ') };
}

function nearMisses(tier: Tier, hits: readonly Hit[], lowerAction: string, action: string, resource: string, context: ContextView): NearMiss[] {
  const out: NearMiss[] = [];
  for (const { slot, statement } of hits) {
    if (out.length >= NEAR_MISS_LIMIT) break;
    const why = failure(statement, resource, context);
    if (why !== undefined) out.push({ ...ref(slot, statement), ...why });
  }
  if (out.length > 0) return out;
  // Nothing matched the action: show allows that would apply but for the action.
  for (const slot of tier.slots) {
    for (const statement of slot.compiled.statements) {
      if (out.length >= NEAR_MISS_LIMIT) return out;
      if (statement.effect !== 'Allow' || actionApplies(statement, lowerAction)) continue;
      if (!resourceApplies(statement, resource, context) || !conditionsHold(statement, context)) continue;
      const detail = statement.notAction
        ? `action ${action} is excluded by NotAction ${statement.actionSources.map((a) => JSON.stringify(a)).join(', ')}`
        : `action ${action} did not match ${statement.actionSources.map((a) => JSON.stringify(a)).join(', ')}`;
      out.push({ ...ref(slot, statement), failed: 'action', detail });
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
  return `${m.policy} #${m.index}${m.sid ? ` ("${m.sid}")` : ''} ${what}`;
}

/** Decides one request. Pure; throws only on internal errors, which callers turn into a deny. */
export function decide(tiers: readonly Tier[], action: string, resource: string, context: ContextView): Decision {
  const lowerAction = action.toLowerCase();
  const missing = new Missing();
  let denies: StatementRef[] | undefined;
  const allows: (StatementRef[] | undefined)[] = new Array(tiers.length);
  const misses: (Hit[] | undefined)[] = new Array(tiers.length);

  for (let t = 0; t < tiers.length; t++) {
    for (const slot of (tiers[t] as Tier).slots) {
      for (const s of slot.compiled.forAction(lowerAction)) {
        if (!resourceApplies(s, resource, context, missing) || !conditionsHold(s, context, missing)) {
          if (s.effect === 'Allow') (misses[t] ??= []).push({ slot, statement: s });
          continue;
        }
        if (s.effect === 'Deny') (denies ??= []).push(ref(slot, s));
        else (allows[t] ??= []).push(ref(slot, s));
      }
    }
  }
  const missingContextKeys = missing.keys === undefined ? [] : [...missing.keys].sort();
  const on = `${action} on ${resource}`;

  if (denies !== undefined) {
    return {
      decision: 'ExplicitDeny',
      reason: `ExplicitDeny: ${listRefs(denies)} denies ${on}`,
      matchedStatements: denies,
      nearMisses: [],
      missingContextKeys,
    };
  }

  const failing: number[] = [];
  for (let t = 0; t < tiers.length; t++) if (allows[t] === undefined) failing.push(t);

  if (failing.length === 0) {
    const matched = allows.flat() as StatementRef[];
    const first = allows[0] as StatementRef[];
    const others = tiers.slice(1).map((tier, i) => `${tier.title} (${listRefs(allows[i + 1] as StatementRef[])})`);
    return {
      decision: 'Allow',
      reason: `Allow: ${listRefs(first)} allows ${on}${others.length > 0 ? `; also allowed by ${others.join(', ')}` : ''}`,
      matchedStatements: matched,
      nearMisses: [],
      missingContextKeys,
    };
  }

  const parts: string[] = [];
  const near: NearMiss[] = [];
  for (const t of failing) {
    const tier = tiers[t] as Tier;
    if (tier.identity) parts.push(tier.slots.length === 0 ? `no identity policy is given, so nothing allows ${on}` : `no statement allows ${on}`);
    else parts.push(`${tier.title} does not allow ${on}`);
    near.push(...nearMisses(tier, misses[t] ?? [], lowerAction, action, resource, context));
  }
  const identityAllows = tiers[0]?.identity === true ? allows[0] : undefined;
  const although = identityAllows === undefined ? '' : ` (although ${listRefs(identityAllows)} allows it)`;
  const nearest = near[0] === undefined ? '' : `; nearest: ${nearestClause(near[0])}`;
  return {
    decision: 'ImplicitDeny',
    reason: `ImplicitDeny: ${parts.join('; ')}${although}${nearest}`,
    matchedStatements: [],
    nearMisses: near,
    missingContextKeys,
  };
}
