/**
 * Policy variables in a policy IAM does not expand them in. IAM substitutes `${aws:username}` and its kin in Resource,
 * NotResource and condition values only under `"Version": "2012-10-17"`; under 2008-10-17 — which is also what a policy
 * without a Version is — the text stays literal, so the entry matches no real request and `check` denies with no other
 * hint. The engine's own template reader decides what is a variable (in an ARN only after the fifth colon, as IAM reads it).
 */
import { parseResourceTemplate, parseTemplate } from '../../policy/variables.js';
import { elementPath } from './context.js';
import type { LintFinding, LintRule, StatementEntry } from './types.js';

const FIX = 'add "Version": "2012-10-17" at the top of the policy, so that IAM expands the variables';

function finding(path: string, value: string, variables: readonly string[], version: string): LintFinding {
  const names = [...new Set(variables)].map((v) => `\${${v}}`).join(', ');
  return {
    rule: 'variable-not-expanded',
    severity: 'error',
    path,
    message: `${JSON.stringify(value)} uses ${names}, but ${version} does not expand policy variables: IAM reads the text literally, so it matches no real request`,
    fix: FIX,
  };
}

function inStatement(entry: StatementEntry, version: string): LintFinding[] {
  const key = entry.parsed.resource ? 'Resource' : 'NotResource';
  const resources = (entry.parsed.resource ?? entry.parsed.notResource ?? []).flatMap((r, i) => {
    const { variables } = parseResourceTemplate(r, true);
    return variables.length === 0 ? [] : [finding(elementPath(entry, key, i), r, variables, version)];
  });
  const conditions = entry.parsed.conditions.flatMap((c) => {
    const raw = (entry.raw.Condition as Record<string, Record<string, unknown>> | undefined)?.[c.operator]?.[c.key];
    return c.values.flatMap((v, i) => {
      const { variables } = parseTemplate(v, true);
      const path = `${entry.path}.Condition.${c.operator}.${c.key}${Array.isArray(raw) ? `[${i}]` : ''}`;
      return variables.length === 0 ? [] : [finding(path, v, variables, version)];
    });
  });
  return [...resources, ...conditions];
}

export const unexpandedVariables: LintRule = (ctx) => {
  if (ctx.version === '2012-10-17' || ctx.version === 'invalid') return [];
  const version = ctx.version === 'missing' ? 'a policy without "Version" (read as 2008-10-17)' : 'Version 2008-10-17';
  return ctx.statements.flatMap((e) => inStatement(e, version));
};
