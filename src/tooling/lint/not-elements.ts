/**
 * `Allow` with `NotAction` or `NotResource`: both read as exclusions but grant everything else — with NotAction, every
 * action of every AWS service the statement's resources allow, not only Pinpoint's.
 */
import { catalogActions } from '../catalog.js';
import type { LintFinding, LintRule, StatementEntry } from './types.js';

function notAction(entry: StatementEntry): LintFinding[] {
  const excluded = entry.parsed.notAction;
  if (entry.parsed.effect !== 'Allow' || excluded === undefined) return [];
  return [{
    rule: 'allow-not-action',
    severity: 'warning',
    path: `${entry.path}.NotAction`,
    message: `Allow with NotAction grants every action except ${excluded.length === 1 ? JSON.stringify(excluded[0]) : `${excluded.length} patterns`}: ` +
      `${entry.catalogActions.length} of ${catalogActions.length} Pinpoint actions, and every action of every other AWS service`,
    fix: 'list the actions to allow in Action instead (use a separate Deny statement to carve out exceptions)',
  }];
}

function notResource(entry: StatementEntry): LintFinding[] {
  const excluded = entry.parsed.notResource;
  if (entry.parsed.effect !== 'Allow' || excluded === undefined) return [];
  return [{
    rule: 'allow-not-resource',
    severity: 'warning',
    path: `${entry.path}.NotResource`,
    message: `Allow with NotResource grants its actions on every resource except ${excluded.map((r) => JSON.stringify(r)).join(', ')} — in every project, Region and account`,
    fix: 'list the resources to allow in Resource instead',
  }];
}

export const notElements: LintRule = (ctx) => ctx.statements.flatMap((e) => [...notAction(e), ...notResource(e)]);
