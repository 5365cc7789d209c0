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

function actionCovered(a: readonly string[], b: string): boolean {
  return a.some((p) => plain(p) && matchWildcard(p, b, { ignoreCase: true }));
}

/**
 * In the reading the engine gives the covering statement's Resource: a `*` ending an ARN field spans colons for a
 * Deny, not for an Allow (where the pages read two ways, a Deny matches under either reading, an Allow under both).
 */
function resourceCovered(a: readonly string[], b: string, spanning: boolean): boolean {
  return a.some((p) => p === '*' || p === b || (plain(p) && !b.includes('${') && matchArn(p, b, { spanning })));
}

const conditionKey = (s: ParsedStatement) =>
  JSON.stringify([...s.conditions].map((c) => [c.operator, c.key.toLowerCase(), [...c.values].sort()]).sort());

/** Whether every request `b` applies to, `a` applies to as well. */
function covers(a: ParsedStatement, b: ParsedStatement, sameConditions: boolean): boolean {
  if (!a.action || !b.action || !a.resource || !b.resource) return false;
  if (a.conditions.length > 0 && !(sameConditions && conditionKey(a) === conditionKey(b))) return false;
  return b.action.every((x) => actionCovered(a.action as readonly string[], x)) && b.resource.every((r) => resourceCovered(a.resource as readonly string[], r, a.effect === 'Deny'));
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

function findingFor(entry: StatementEntry, others: readonly StatementEntry[], keys: readonly string[]): LintFinding | undefined {
  const me = entry.parsed;
  const key = keys[others.indexOf(entry)];
  const duplicate = others.find((o, j) => o !== entry && keys[j] === key && o.index < entry.index);
  if (duplicate) {
    return { rule: 'duplicate-statement', severity: 'warning', path: entry.path, message: `duplicates ${duplicate.name}`, fix: 'remove this statement' };
  }
  const shadow = others.find((o, j) => o !== entry && keys[j] !== key && o.parsed.effect === me.effect && covers(o.parsed, me, true));
  if (shadow) {
    return {
      rule: 'shadowed-statement',
      severity: 'warning',
      path: entry.path,
      message: `adds nothing: ${shadow.name} already ${me.effect === 'Allow' ? 'allows' : 'denies'} every request this statement applies to`,
      fix: 'remove this statement, or narrow the other one if this one states the intent',
    };
  }
  const cancel = cancellingDeny(entry, others);
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
  return ctx.statements.map((e) => findingFor(e, ctx.statements, keys)).filter((f): f is LintFinding => f !== undefined);
};
