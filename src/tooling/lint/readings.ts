/**
 * Where AWS's pages read two ways the engine takes the reading that is safe for the statement (an Allow matches only
 * under both, a Deny under either). Two cases change what a statement does, and each gets a finding so that the
 * author is not surprised by the guard:
 * - a short Resource pattern (`arn:aws:mobiletargeting:us-east-1:*`): its `*` spans colons on the Resource page, but
 *   field by field five fields match no ARN, so an Allow with it grants nothing and a Deny's NotResource spares nothing;
 * - a policy variable in a Numeric, Date, IP, Binary, Null or Bool condition: not substituted (Bool: only in a Deny),
 *   so the value is compared as written and matches nothing.
 */
import { parseTemplate } from '../../policy/variables.js';
import { elementPath } from './context.js';
import type { LintFinding, LintRule, StatementEntry } from './types.js';

/** Fewer than six colon-separated fields (the parser accepts such a pattern only with a field ending in `*`). */
const isShort = (pattern: string): boolean => pattern !== '*' && pattern.split(':').length < 6;

/**
 * The fix: with the trailing field `*`, the same pattern with all six fields (what the spanning reading covers, in a
 * form both readings agree on); otherwise which field went missing is the author's to say.
 */
const sixFields = (pattern: string): string =>
  pattern.endsWith(':*')
    ? `write all six fields: "${pattern + ':*'.repeat(6 - pattern.split(':').length)}"`
    : 'write all six fields (arn:partition:service:region:account:resource), a * for each one meant to match anything';

function shortPatterns(entry: StatementEntry): LintFinding[] {
  const { effect, resource, notResource } = entry.parsed;
  const element = resource !== undefined ? 'Resource' : 'NotResource';
  // Field by field (the reading used here) the pattern matches nothing: only these two combinations change the answer.
  const narrow = (effect === 'Allow') === (element === 'Resource');
  if (!narrow) return [];
  return (resource ?? notResource ?? []).flatMap((pattern, i): LintFinding[] => {
    if (!isShort(pattern)) return [];
    const what = element === 'Resource'
      ? 'so this Allow grants nothing through it'
      : 'so this Deny\'s NotResource spares nothing: it denies its actions on every resource';
    return [{
      rule: 'short-resource-pattern',
      severity: element === 'Resource' ? 'error' : 'warning',
      path: elementPath(entry, element, i),
      message: `${JSON.stringify(pattern)} has fewer than six ARN fields: it matches only if its trailing * spans colons, which the Resource page ` +
        `allows and the ARN format does not; the guard reads an ${effect}'s ${element} in the reading that matches less, ${what}`,
      fix: sixFields(pattern),
    }];
  });
}

/** Whether the value holds a policy variable, as the engine's template reader sees one (`${*}` is an escape). */
const hasVariable = (value: string): boolean => parseTemplate(value, true).variables.length > 0;
/** Operator families that do not substitute policy variables (reference_policies_variables); Bool only in a Deny. */
const LITERAL_FAMILIES = /^(Numeric|Date|Binary|IpAddress|NotIpAddress|Null|Bool)/;

function literalVariables(entry: StatementEntry): LintFinding[] {
  return entry.parsed.conditions.flatMap((c): LintFinding[] => {
    if (!LITERAL_FAMILIES.test(c.baseOperator)) return [];
    const bool = c.baseOperator === 'Bool';
    if (bool && entry.parsed.effect === 'Deny') return [];
    const value = c.values.find(hasVariable);
    if (value === undefined) return [];
    return [{
      rule: 'variable-not-substituted',
      severity: 'warning',
      path: `${entry.path}.Condition.${c.operator}.${c.key}`,
      message: `${JSON.stringify(value)} is not substituted in ${c.baseOperator}${bool ? ' in an Allow (the IAM pages disagree on Bool, so an Allow reads it as written)' : ''}: ` +
        `it is compared as written and matches nothing, so this condition ${/^Not/.test(c.baseOperator) ? 'always holds' : 'never holds'}`,
      fix: 'use a literal value, or a String or Arn operator, where policy variables are substituted',
    }];
  });
}

// Variables are substituted only under Version 2012-10-17; elsewhere variable-not-expanded says so, once.
export const readings: LintRule = (ctx) =>
  ctx.statements.flatMap((e) => [...shortPatterns(e), ...(ctx.version === '2012-10-17' ? literalVariables(e) : [])]);
