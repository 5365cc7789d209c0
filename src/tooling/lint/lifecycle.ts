/**
 * End of support (issue 8): one warning when the policy allows catalog actions past Pinpoint's end of support, listing
 * them and the statements that allow them, at the first such statement's path. An Allow that a Deny cancels entirely
 * allows nothing (redundancy reports it), so it is not counted.
 */
import type { ActionSpec } from '../../client/spec.js';
import { shortName } from '../catalog.js';
import { cancellingDeny } from './redundancy.js';
import { canMatchTemplate } from './resource-fit.js';
import type { LintRule, StatementEntry } from './types.js';

function endOfSupportAllowed(entry: StatementEntry): ActionSpec[] {
  if (entry.parsed.effect !== 'Allow') return [];
  const resources = entry.parsed.resource;
  return entry.catalogActions.filter(
    (a) => a.lifecycle.status === 'end-of-support' && (resources === undefined || resources.some((p) => canMatchTemplate(p, a.resource))),
  );
}

export const lifecycle: LintRule = (ctx) => {
  const hits = ctx.statements
    .filter((entry) => cancellingDeny(entry, ctx.statements) === undefined)
    .map((entry) => ({ entry, actions: endOfSupportAllowed(entry) }))
    .filter((h) => h.actions.length > 0);
  const first = hits[0];
  if (first === undefined) return [];
  const actions = [...new Set(hits.flatMap((h) => h.actions))].sort((a, b) => a.action.localeCompare(b.action));
  const successors = actions.flatMap((a) => (a.lifecycle.successor ? [`${shortName(a.action)} → ${a.lifecycle.successor}`] : []));
  const where = hits.length === 1 ? '' : ` (in ${hits.map((h) => h.entry.path).join(', ')})`;
  return [{
    rule: 'end-of-support',
    severity: 'warning',
    path: `${first.entry.path}.${first.entry.parsed.action ? 'Action' : 'NotAction'}`,
    message: `allows ${actions.length} end-of-support action${actions.length === 1 ? '' : 's'}${where} — Amazon Pinpoint's engagement features end on 2026-10-30: ` +
      actions.map((a) => shortName(a.action)).join(', '),
    fix: `plan their removal${successors.length > 0 ? ` (successors: ${successors.join('; ')})` : ''}; \`pinpoint-guard lifecycle --status end-of-support\` lists them with reasons`,
  }];
};
