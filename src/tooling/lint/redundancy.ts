/**
 * Statements that add nothing: exact duplicates, statements whose every request another statement of the same effect
 * already covers (shadowed), and allows that an unconditional deny cancels entirely.
 *
 * Coverage is decided with the engine's matchers on the covered statement's *text*: a pattern A whose only wildcard is
 * `*` and that matches B's text (B's own `*` read as a character) matches everything B matches, because each of B's
 * wildcards lands inside one of A's stars. Anything with `?`, variables or Not-elements is left alone — a missed finding
 * is cheaper than a false one.
 */
import { matchArn, matchWildcard, type ParsedStatement } from '../../policy/index.js';
import type { LintFinding, LintRule, StatementEntry } from './types.js';

const plain = (p: string) => !p.includes('?') && !p.includes('${');

/**
 * What coverage reads of a statement, computed once per statement rather than once per pair: its actions lower-cased,
 * its plain action patterns lower-cased, and its condition key. Pairs are still compared all against all, but each
 * comparison is a few compiled-pattern matches (the engine memoises compiled patterns) with no allocation.
 */
interface Shape {
  readonly actions: readonly string[] | undefined;
  readonly actionPatterns: readonly string[];
  readonly resources: readonly string[] | undefined;
  readonly conditions: string;
  readonly conditional: boolean;
}

const shapes = new WeakMap<ParsedStatement, Shape>();

function shapeOf(s: ParsedStatement): Shape {
  let shape = shapes.get(s);
  if (!shape) {
    shape = {
      actions: s.action?.map((x) => x.toLowerCase()),
      actionPatterns: (s.action ?? []).filter(plain).map((p) => p.toLowerCase()),
      resources: s.resource,
      conditions: conditionKey(s),
      conditional: s.conditions.length > 0,
    };
    shapes.set(s, shape);
  }
  return shape;
}

function actionCovered(a: Shape, b: string): boolean {
  return a.actionPatterns.some((p) => matchWildcard(p, b));
}

/**
 * Whether one of the Resource patterns `a` matches every ARN the Resource entry `b` matches (read as above: `b`'s own
 * `*` land inside one of the pattern's stars). The one coverage test: lint's shadowing and the policy generator's
 * merging of a resource another covers both use it, so what the generator writes the lint never calls shadowed.
 * `spanning`: the reading the engine gives the covering statement's Resource — a `*` ending an ARN field spans colons
 * for a Deny, not for an Allow (where the pages read two ways, a Deny matches under either reading, an Allow under both).
 */
export function resourceCovered(a: readonly string[], b: string, spanning: boolean): boolean {
  return a.some((p) => p === '*' || p === b || (plain(p) && !b.includes('${') && matchArn(p, b, { spanning })));
}

const conditionKey = (s: ParsedStatement) =>
  JSON.stringify([...s.conditions].map((c) => [c.operator, c.key.toLowerCase(), [...c.values].sort()]).sort());

/** Whether every request `b` applies to, `a` applies to as well. */
function covers(a: ParsedStatement, b: ParsedStatement, sameConditions: boolean): boolean {
  const sa = shapeOf(a);
  const sb = shapeOf(b);
  if (!sa.actions || !sb.actions || !sa.resources || !sb.resources) return false;
  if (sa.conditional && !(sameConditions && sa.conditions === sb.conditions)) return false;
  return sb.actions.every((x) => actionCovered(sa, x)) && sb.resources.every((r) => resourceCovered(sa.resources as readonly string[], r, a.effect === 'Deny'));
}

const identity = (s: ParsedStatement) =>
  JSON.stringify([
    s.effect,
    s.action ? 'A' : 'NA',
    [...(s.action ?? s.notAction ?? [])].map((x) => x.toLowerCase()).sort(),
    s.resource ? 'R' : 'NR',
    [...(s.resource ?? s.notResource ?? [])].sort(),
    conditionKey(s),
  ]);

/** The unconditional Deny that cancels every request the Allow `entry` applies to, if one does. */
export function cancellingDeny(entry: StatementEntry, statements: readonly StatementEntry[]): StatementEntry | undefined {
  if (entry.parsed.effect !== 'Allow') return undefined;
  return statements.find((o) => o.parsed.effect === 'Deny' && o.parsed.conditions.length === 0 && covers(o.parsed, entry.parsed, false));
}

/**
 * Which statements may cover another, so that a statement is compared with those alone rather than with all: a plain
 * action pattern matches an action only if its text before the first `*` begins the action, so the statements are
 * filed under those texts, and a statement's candidates are read off the prefixes of its first action. Positions
 * come back in document order, so the first covering statement found is the one a full scan would find.
 */
function coverCandidates(entries: readonly StatementEntry[]): (s: ParsedStatement) => readonly number[] {
  const byPrefix = new Map<string, number[]>();
  entries.forEach((e, i) => {
    for (const p of new Set(shapeOf(e.parsed).actionPatterns)) {
      const star = p.indexOf('*');
      const prefix = star < 0 ? p : p.slice(0, star);
      const list = byPrefix.get(prefix);
      if (list) list.push(i);
      else byPrefix.set(prefix, [i]);
    }
  });
  const all = entries.map((_, i) => i);
  return (s) => {
    const first = shapeOf(s).actions?.[0];
    // No action to go by: every statement is a candidate (covers() decides).
    if (first === undefined) return all;
    const hits = new Set<number>();
    for (let n = 0; n <= first.length; n++) for (const i of byPrefix.get(first.slice(0, n)) ?? []) hits.add(i);
    return [...hits].sort((a, b) => a - b);
  };
}

function findingFor(entry: StatementEntry, position: number, others: readonly StatementEntry[], keys: readonly string[], firstWithKey: ReadonlyMap<string, StatementEntry>, candidates: readonly number[]): LintFinding | undefined {
  const me = entry.parsed;
  const key = keys[position]!;
  const first = firstWithKey.get(key);
  const duplicate = first !== undefined && first !== entry && first.index < entry.index ? first : undefined;
  if (duplicate) {
    return { rule: 'duplicate-statement', severity: 'warning', path: entry.path, message: `duplicates ${duplicate.name}`, fix: 'remove this statement' };
  }
  const near = candidates.map((j) => others[j]!);
  const shadowAt = candidates.find((j) => others[j] !== entry && keys[j] !== key && others[j]!.parsed.effect === me.effect && covers(others[j]!.parsed, me, true));
  const shadow = shadowAt === undefined ? undefined : others[shadowAt];
  if (shadow) {
    return {
      rule: 'shadowed-statement',
      severity: 'warning',
      path: entry.path,
      message: `adds nothing: ${shadow.name} already ${me.effect === 'Allow' ? 'allows' : 'denies'} every request this statement applies to`,
      fix: 'remove this statement, or narrow the other one if this one states the intent',
    };
  }
  const cancel = cancellingDeny(entry, near);
  if (cancel) {
    return {
      rule: 'allow-always-denied',
      severity: 'warning',
      path: entry.path,
      message: `allows nothing: ${cancel.name} denies every request this statement allows, and an explicit deny wins`,
      fix: 'remove this statement, or narrow the deny',
    };
  }
  return undefined;
}

export const redundancy: LintRule = (ctx) => {
  const keys = ctx.statements.map((e) => identity(e.parsed));
  // The earliest statement of each identity: a duplicate names it without scanning the others.
  const firstWithKey = new Map<string, StatementEntry>();
  ctx.statements.forEach((e, i) => {
    const seen = firstWithKey.get(keys[i]!);
    if (!seen || e.index < seen.index) firstWithKey.set(keys[i]!, e);
  });
  const candidatesOf = coverCandidates(ctx.statements);
  return ctx.statements.map((e, i) => findingFor(e, i, ctx.statements, keys, firstWithKey, candidatesOf(e.parsed))).filter((f): f is LintFinding => f !== undefined);
};
