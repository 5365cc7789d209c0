/**
 * End of support: one finding when the policy allows catalog actions past Pinpoint's end of support, naming the first
 * few and the statements that allow them, at the first such statement's path. It is a warning, before and after
 * 2026-10-30 (only its wording follows the clock): granting a retired action is a risk to clean up, not a policy that
 * fails to do what its author meant — AWS's own managed policies (ReadOnlyAccess among them) grant them. `endOfSupport`
 * makes it an error or turns it off; `lint --fail-on warning` fails CI on it. An Allow that a Deny cancels entirely
 * allows nothing (redundancy reports it), so it is not counted.
 */
import type { ActionSpec } from '../../client/spec.js';
import { endOfSupportClause, endOfSupportPassed } from '../../lifecycle/end-of-support.js';
import { shortName } from '../catalog.js';
import { capList } from '../render/text.js';
import { cancellingDeny } from './redundancy.js';
import { canMatchTemplate } from './resource-fit.js';
import type { LintRule, ResolvedLintOptions, Severity, StatementEntry } from './types.js';

/** Names a message lists before `+N more`. */
const LISTED = 6;
const LIST_COMMAND = 'pinpoint-guard lifecycle --status end-of-support';

function endOfSupportAllowed(entry: StatementEntry): ActionSpec[] {
  if (entry.parsed.effect !== 'Allow') return [];
  const resources = entry.parsed.resource;
  return entry.catalogActions.filter(
    (a) => a.lifecycle.status === 'end-of-support' && (resources === undefined || resources.some((p) => canMatchTemplate(p, a.resource))),
  );
}

/** The severity the options give, or none when the rule is off. */
function severityOf(options: ResolvedLintOptions): Severity | undefined {
  if (options.endOfSupport === 'off') return undefined;
  return options.endOfSupport === 'error' ? 'error' : 'warning';
}

export const lifecycle: LintRule = (ctx) => {
  const severity = severityOf(ctx.options);
  if (severity === undefined) return [];
  const hits = ctx.statements
    .filter((entry) => cancellingDeny(entry, ctx.statements) === undefined)
    .map((entry) => ({ entry, actions: endOfSupportAllowed(entry) }))
    .filter((h) => h.actions.length > 0);
  const first = hits[0];
  if (first === undefined) return [];
  const actions = [...new Set(hits.flatMap((h) => h.actions))].sort((a, b) => a.action.localeCompare(b.action));
  const withSuccessor = actions.filter((a) => a.lifecycle.successor !== undefined).length;
  const where = hits.length === 1 ? '' : ` (in ${hits.map((h) => h.entry.name).join(', ')})`;
  const passed = endOfSupportPassed(ctx.options.now);
  return [{
    rule: 'end-of-support',
    severity,
    path: `${first.entry.path}.${first.entry.parsed.action ? 'Action' : 'NotAction'}`,
    message: `allows ${actions.length} end-of-support action${actions.length === 1 ? '' : 's'}${where}; ${endOfSupportClause(ctx.options.now)}: ` +
      capList(actions.map((a) => shortName(a.action)), LISTED, LIST_COMMAND),
    fix: `${passed ? 'remove them: AWS no longer serves them' : 'plan their removal'}` +
      `${withSuccessor > 0 ? ` (AWS names a successor for ${withSuccessor} of them)` : ''}; \`${LIST_COMMAND}\` lists each with its reason and successor`,
  }];
};
