/**
 * Full access to the service: an Allow whose actions include every Pinpoint action (`mobiletargeting:*`, `*`) on every
 * resource (`*`, or an ARN pattern that leaves Region, account and resource open). It is a warning, as policy linters
 * users know make it: not wrong, but more than an application needs. Independent of end of support.
 */
import { matchArn, matchWildcard } from '../../policy/index.js';
import { parseArn } from '../../resource/arn.js';
import { catalogActions, SERVICE } from '../catalog.js';
import { elementPath } from './context.js';
import type { LintFinding, LintRule, StatementEntry } from './types.js';

/** Every Pinpoint ARN of the pattern's partition, its `*` read as text: a plain pattern that matches it matches every one. */
const anyPinpointArn = (pattern: string) => `arn:${parseArn(pattern)?.partition ?? 'aws'}:${SERVICE}:*:*:*`;

const everyAction = (pattern: string) => catalogActions.every((a) => matchWildcard(pattern, a.action, { ignoreCase: true }));
const everyResource = (pattern: string) => pattern === '*' || (!pattern.includes('?') && !pattern.includes('${') && matchArn(pattern, anyPinpointArn(pattern)));

function grantsAll(entry: StatementEntry): LintFinding[] {
  const { effect, action, resource, conditions } = entry.parsed;
  if (effect !== 'Allow' || action === undefined || resource === undefined) return [];
  const a = action.findIndex(everyAction);
  const r = resource.find(everyResource);
  if (a < 0 || r === undefined) return [];
  const when = conditions.length > 0 ? ' whenever its Condition holds' : '';
  return [{
    rule: 'service-full-access',
    severity: 'warning',
    path: elementPath(entry, 'Action', a),
    message: `${JSON.stringify(action[a])} on ${JSON.stringify(r)} grants full access to Pinpoint${when}: all ${catalogActions.length} actions, ` +
      'deleting projects and sending messages included, on every resource',
    fix: '`pinpoint-guard policy --operations <the calls your code makes>` writes a least-privilege policy',
  }];
}

export const fullAccess: LintRule = (ctx) => ctx.statements.flatMap(grantsAll);
