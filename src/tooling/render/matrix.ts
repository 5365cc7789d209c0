/**
 * Renders a permission matrix as an aligned terminal table (optionally coloured), Markdown or JSON. The HTML page is
 * in matrix-html.ts. Renderers return text; only the CLI writes it anywhere.
 */
import { statementName, type StatementRef } from '../../policy/index.js';
import { shortName } from '../catalog.js';
import type { MatrixCell, PermissionMatrix } from '../matrix.js';
import { lifecycleLegend } from '../../lifecycle/end-of-support.js';
import { conditionClauses, styleOf } from './decision.js';
import { columns, fitWidth, markdownTable, painter } from './text.js';

export const LIFECYCLE_LABEL = { supported: 'supported', 'end-of-support': 'end-of-support', unclear: 'unclear' } as const;

/** Who decided: the deciding statement, or for an implicit deny the nearest miss. */
export function decidedBy(cell: MatrixCell): string {
  if (cell.decision === 'Conditional' && cell.dependsOn !== undefined) {
    return `${cell.statement ? `${statementName(cell.statement)}, ` : ''}depends on ${cell.dependsOn.join(', ')}`;
  }
  if (cell.statement) return statementName(cell.statement as StatementRef);
  if (cell.nearMiss) return `no allow (nearest: ${statementName(cell.nearMiss)} failed on its ${cell.nearMiss.failed})`;
  return 'no statement matches';
}

export function matrixHeadline(m: PermissionMatrix): string {
  const ids = Object.entries(m.resources).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${v}`).join(', ');
  return `Permission matrix for ${ids || 'no ids'} in ${m.region}, account ${m.accountId}`;
}

/** `7 allow · 0 explicit deny · 116 implicit deny`: every decision the matrix counts, in the table's words. */
export function decisionCounts(m: PermissionMatrix): string {
  return Object.entries(m.totals).map(([decision, n]) => `${n} ${styleOf(decision).label}`).join(' · ');
}

export function matrixSummary(m: PermissionMatrix): string {
  const whatIf = m.whatIf.length > 0 ? `; what-if values for keys the client sets at run time: ${m.whatIf.join(', ')}` : '';
  return `${decisionCounts(m)} (conditional: depends on keys the client cannot see); ` +
    `${m.placeholderCells} marked *: no id was given for their resource, so they were checked on the id "*", which only a wildcard in a policy matches${whatIf}`;
}

/** The terminal table, grouped, with colour when asked. */
export function renderMatrixTable(m: PermissionMatrix, options: { readonly color: boolean; readonly width?: number }): string {
  const paint = painter(options.color);
  const blocks = m.groups.map((g) => {
    const rows = g.cells.map((c) => {
      const style = styleOf(c.decision);
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
  const body = fitWidth(blocks.join('\n\n'), options.width);
  const conditional = m.groups.flatMap((g) => g.cells).filter((c) => c.requirements !== undefined && c.requirements.length > 0);
  const conditions = conditional.length === 0 ? '' : `\n\nConditional (allowed only with the values below):\n${conditional
    .slice(0, CONDITIONS_SHOWN).map((c) => `  ${shortName(c.action)}: ${conditionClauses(c.requirements ?? []).join('; ')}`).join('\n')}` +
    (conditional.length > CONDITIONS_SHOWN ? `\n  +${conditional.length - CONDITIONS_SHOWN} more (--format markdown or --json)` : '');
  const cut = body.cut ? '\nlines cut at … to fit the terminal: --format markdown or --json shows every reason in full' : '';
  return `${matrixHeadline(m)}\n${matrixSummary(m)}\n${lifecycleLegend(['unclear'])}\n\n${body.text}${fitWidth(conditions, options.width).text}${cut}\n`;
}

/** Conditional actions whose conditions the terminal table spells out before `+N more`. */
const CONDITIONS_SHOWN = 5;

/** Markdown: a heading and a table per group, each cell's reason included. */
export function renderMatrixMarkdown(m: PermissionMatrix): string {
  const blocks = m.groups.map((g) => {
    const rows = g.cells.map((c) => [
      `\`${shortName(c.action)}\`${c.placeholders.length > 0 ? ' \\*' : ''}`,
      c.accessLevel,
      `${styleOf(c.decision).mark} ${styleOf(c.decision).label}`,
      LIFECYCLE_LABEL[c.lifecycle.status],
      [c.reason, ...conditionClauses(c.requirements ?? [])].join('; '),
    ]);
    return `## ${g.group}\n\n${markdownTable(['Action', 'Access', 'Decision', 'Lifecycle', 'Reason'], rows)}`;
  });
  return `# ${matrixHeadline(m)}\n\n${matrixSummary(m)}\n\n${lifecycleLegend(['supported', 'end-of-support', 'unclear']).split('; ').map((l) => `- ${l}`).join('\n')}\n\n${blocks.join('\n\n')}\n`;
}
