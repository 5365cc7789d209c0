/**
 * Renders a permission matrix as an aligned terminal table (optionally coloured), Markdown or JSON. The HTML page is
 * in matrix-html.ts. Renderers return text; only the CLI writes it anywhere.
 */
import type { Requirement, StatementRef } from '../../policy/index.js';
import { shortName } from '../catalog.js';
import type { MatrixCell, PermissionMatrix } from '../matrix.js';
import { columns, markdownTable, painter } from './text.js';

/** How each decision reads and looks, in one table. */
export const DECISION_STYLE = {
  Allow: { label: 'allow', mark: '✔', color: 'green' },
  ExplicitDeny: { label: 'explicit deny', mark: '✖', color: 'red' },
  ImplicitDeny: { label: 'implicit deny', mark: '·', color: 'yellow' },
  Conditional: { label: 'conditional', mark: '?', color: 'yellow' },
} as const;

export const LIFECYCLE_LABEL = { supported: 'supported', 'end-of-support': 'end-of-support', unclear: 'unclear' } as const;

/** `policy.json #0 "Sid"`, the way a reader finds the statement. */
export function statementLabel(ref: StatementRef | undefined): string {
  if (ref === undefined) return '';
  return `${ref.policy} #${ref.index}${ref.sid ? ` "${ref.sid}"` : ''}`;
}

/** A Conditional decision's requirements in words: `allowed if …; denied if …`, each with its statement. */
export function requirementsText(requirements: readonly Requirement[]): string {
  const part = (effect: Requirement['effect'], word: string): string[] => {
    const reqs = requirements.filter((r) => r.effect === effect);
    return reqs.length === 0 ? [] : [`${word} if ${reqs.map((r) => `${r.text} (${statementLabel(r.statement)})`).join(', ')}`];
  };
  return [...part('Allow', 'allowed'), ...part('Deny', 'denied')].join('; ');
}

/** Who decided: the deciding statement, the unknown keys of a conditional cell, or for an implicit deny the nearest miss. */
export function decidedBy(cell: MatrixCell): string {
  if (cell.dependsOn) return `depends on ${cell.dependsOn.join(', ')}: ${requirementsText(cell.requirements ?? [])}`;
  if (cell.statement) return statementLabel(cell.statement);
  if (cell.nearMiss) return `no allow (nearest: ${statementLabel(cell.nearMiss)} failed on ${cell.nearMiss.failed})`;
  return 'no statement matches';
}

export function matrixHeadline(m: PermissionMatrix): string {
  const ids = Object.entries(m.resources).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${v}`).join(', ');
  return `Permission matrix for ${ids || 'no ids'} in ${m.region}, account ${m.accountId}`;
}

export function matrixSummary(m: PermissionMatrix): string {
  const whatIf = m.whatIf.length > 0 ? `; what-if values for keys the client sets at run time: ${m.whatIf.join(', ')}` : '';
  return `${m.totals.Allow} allow · ${m.totals.ExplicitDeny} explicit deny · ${m.totals.ImplicitDeny} implicit deny · ` +
    `${m.totals.Conditional} conditional (depends on keys the client cannot see); ` +
    `${m.placeholderCells} marked * used a * placeholder id (a literal * to the engine, not a wildcard)${whatIf}`;
}

/** The terminal table, grouped, with colour when asked. */
export function renderMatrixTable(m: PermissionMatrix, options: { readonly color: boolean }): string {
  const paint = painter(options.color);
  const blocks = m.groups.map((g) => {
    const rows = g.cells.map((c) => {
      const style = DECISION_STYLE[c.decision];
      const life = c.lifecycle.status === 'end-of-support' ? paint('magenta', 'end-of-support') : LIFECYCLE_LABEL[c.lifecycle.status];
      return [
        shortName(c.action) + (c.placeholders.length > 0 ? ' *' : ''),
        c.accessLevel,
        paint(style.color, `${style.mark} ${style.label}`),
        life,
        decidedBy(c),
      ];
    });
    return `${paint('bold', g.group)}\n${columns([['ACTION', 'ACCESS', 'DECISION', 'LIFECYCLE', 'DECIDED BY'].map((h) => paint('dim', h)), ...rows], '  ')}`;
  });
  return `${matrixHeadline(m)}\n${matrixSummary(m)}\n\n${blocks.join('\n\n')}\n`;
}

/** Markdown: a heading and a table per group, each cell's reason included. */
export function renderMatrixMarkdown(m: PermissionMatrix): string {
  const blocks = m.groups.map((g) => {
    const rows = g.cells.map((c) => [
      `\`${shortName(c.action)}\`${c.placeholders.length > 0 ? ' \\*' : ''}`,
      c.accessLevel,
      `${DECISION_STYLE[c.decision].mark} ${DECISION_STYLE[c.decision].label}`,
      LIFECYCLE_LABEL[c.lifecycle.status],
      c.reason,
    ]);
    return `## ${g.group}\n\n${markdownTable(['Action', 'Access', 'Decision', 'Lifecycle', 'Reason'], rows)}`;
  });
  return `# ${matrixHeadline(m)}\n\n${matrixSummary(m)}\n\n${blocks.join('\n\n')}\n`;
}
