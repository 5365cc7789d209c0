/**
 * Action names: unknown Pinpoint actions (with the seed's legacy names and a "did you mean" from the catalog), action
 * wildcards that match no catalog action, and non-canonical spellings. Other services' actions are not judged.
 */
import { matchWildcard } from '../../policy/index.js';
import { catalogActions, findAction, SERVICE } from '../catalog.js';
import { suggestAction } from '../legacy.js';
import { elementPath } from './context.js';
import type { LintFinding, LintRule, StatementEntry } from './types.js';

const isPinpoint = (action: string) => action.toLowerCase().startsWith(`${SERVICE}:`);
const hasWildcard = (s: string) => /[*?]/.test(s);
const LIST_HINT = '`pinpoint-guard lifecycle` lists every catalog action';

function judge(entry: StatementEntry, key: 'Action' | 'NotAction', action: string, i: number): LintFinding | undefined {
  if (action === '*' || !isPinpoint(action)) return undefined;
  const path = elementPath(entry, key, i);
  // In NotAction an unknown name excludes nothing, which widens an Allow rather than breaking it: a warning.
  const severity = key === 'Action' ? 'error' : 'warning';
  if (hasWildcard(action)) {
    if (catalogActions.some((a) => matchWildcard(action, a.action, { ignoreCase: true }))) return undefined;
    return { rule: 'wildcard-matches-nothing', severity, path, message: `${JSON.stringify(action)} matches no catalog action`, fix: `check the spelling; ${LIST_HINT}` };
  }
  const known = findAction(action);
  if (known !== undefined) {
    if (known.action === action) return undefined;
    return { rule: 'action-case', severity: 'info', path, message: `${JSON.stringify(action)} works (actions are case-insensitive) but is spelled ${known.action}`, fix: `write "${known.action}"` };
  }
  const hint = suggestAction(action);
  if (hint?.legacy) {
    return { rule: 'legacy-action', severity, path, message: `${JSON.stringify(action)} is a legacy name IAM does not know, so it ${key === 'Action' ? 'grants' : 'excludes'} nothing`, fix: `use "${hint.suggestion}"` };
  }
  return {
    rule: 'unknown-action',
    severity,
    path,
    message: `${JSON.stringify(action)} is not a Pinpoint action`,
    fix: hint ? `did you mean "${hint.suggestion}"?` : `check the spelling; ${LIST_HINT}`,
  };
}

export const actionNames: LintRule = (ctx) =>
  ctx.statements.flatMap((entry) => {
    const key = entry.parsed.action ? 'Action' : 'NotAction';
    const list = entry.parsed.action ?? entry.parsed.notAction ?? [];
    return list.map((a, i) => judge(entry, key, a, i)).filter((f): f is LintFinding => f !== undefined);
  });
