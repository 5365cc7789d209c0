/**
 * `lintPolicy`: what is wrong or risky in an identity policy for Pinpoint, each finding with a severity, a JSON path and
 * a fix. Rules are pure functions over one context, listed in a table; findings come out in document order.
 */
import { actionNames } from './actions.js';
import { buildContext } from './context.js';
import { fullAccess } from './full-access.js';
import { grammar } from './grammar.js';
import { lifecycle } from './lifecycle.js';
import { notElements } from './not-elements.js';
import { readings } from './readings.js';
import { redundancy } from './redundancy.js';
import { resourceTypes } from './resources.js';
import { unexpandedVariables } from './variables.js';
import type { LintFinding, LintOptions, LintRule, Severity } from './types.js';

export type { EndOfSupportSeverity, LintFinding, LintOptions, Severity } from './types.js';

const RULES: readonly LintRule[] = [grammar, actionNames, resourceTypes, unexpandedVariables, readings, notElements, fullAccess, redundancy, lifecycle];
const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** Statement index a path points into, -1 for the document itself, so findings sort in reading order. */
function statementIndex(path: string): number {
  const m = /^Statement(?:\[(\d+)\])?/.exec(path);
  return m === null ? -1 : Number(m[1] ?? 0);
}

/**
 * Lints one identity policy (JSON text or object). Never throws for a bad policy: grammar problems are findings too.
 * `options.now` is the clock end of support is worded by (a warning unless `options.endOfSupport` says otherwise).
 *
 * @example
 * lintPolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'mobiletargeting:GetUser', Resource: '*' }] })
 * // [{ rule: 'legacy-action', severity: 'error', path: 'Statement[0].Action', fix: 'use "mobiletargeting:GetUserEndpoints"', ... }]
 */
export function lintPolicy(policy: string | object, options: LintOptions = {}): LintFinding[] {
  const ctx = buildContext(policy, { now: options.now ?? new Date(), endOfSupport: options.endOfSupport ?? 'warning' });
  const findings = RULES.flatMap((rule) => rule(ctx));
  return findings
    .map((f, order) => ({ f, order }))
    .sort((a, b) => statementIndex(a.f.path) - statementIndex(b.f.path) || SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity] || a.order - b.order)
    .map(({ f }) => f);
}
