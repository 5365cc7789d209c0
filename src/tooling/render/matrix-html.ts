/**
 * The permission matrix as one standalone HTML page: no external assets, inline CSS, no script. Each action is a
 * focusable cell coloured by its decision; its reason is in the `title` attribute (hover) and in a tooltip that CSS
 * shows on hover and on keyboard focus, so it is reachable without a mouse.
 */
import { shortName } from '../catalog.js';
import type { MatrixCell, PermissionMatrix } from '../matrix.js';
import { DECISION_STYLE, plainReason } from './decision.js';
import { decidedBy, matrixHeadline, matrixSummary } from './matrix.js';

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ENTITIES[c] as string);

/** CSS class of each decision, in one table. */
const DECISION_CLASS = { Allow: 'allow', ExplicitDeny: 'explicit', ImplicitDeny: 'implicit', Conditional: 'conditional' } as const;

const CSS = `
:root { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #202124; background: #fff; }
body { margin: 24px; }
h1 { font-size: 20px; margin: 0 0 4px; }
.summary { margin: 0 0 12px; color: #3c4043; }
.legend { display: flex; flex-wrap: wrap; gap: 16px; align-items: center; margin: 0 0 20px; padding: 10px 12px; border: 1px solid #dadce0; border-radius: 8px; }
.legend span { display: inline-flex; align-items: center; gap: 6px; }
.swatch { width: 18px; height: 18px; border-radius: 4px; display: inline-block; }
h2 { font-size: 15px; margin: 18px 0 6px; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(250px, 1fr)); gap: 6px; }
.cell { position: relative; padding: 7px 9px; border-radius: 6px; border-left: 7px solid; font-size: 13px; line-height: 1.3; outline: none; }
.cell .name { font-weight: 600; display: block; overflow-wrap: anywhere; }
.cell .meta { color: #3c4043; font-size: 11.5px; }
.allow, .swatch.allow { background: #c9f0d1; border-color: #188038; }
.explicit, .swatch.explicit { background: #fbd3cf; border-color: #c5221f; }
.implicit, .swatch.implicit { background: #eceff1; border-color: #80868b; }
.eos { display: inline-block; margin-left: 4px; padding: 0 5px; border-radius: 8px; background: #6a1b9a; color: #fff; font-size: 10.5px; font-weight: 600; }
.placeholder { color: #b06000; font-weight: 700; }
.tip { display: none; position: absolute; z-index: 10; left: 0; top: calc(100% + 4px); width: 360px; max-width: 80vw; padding: 8px 10px; border-radius: 6px;
  background: #202124; color: #fff; font-size: 12px; box-shadow: 0 2px 8px rgba(0,0,0,.35); }
.cell:hover .tip, .cell:focus .tip, .cell:focus-within .tip { display: block; }
.cell:focus { box-shadow: 0 0 0 3px #1a73e8; }
.tip code { color: #fdd663; overflow-wrap: anywhere; }
`;

function cellHtml(c: MatrixCell): string {
  const style = DECISION_STYLE[c.decision];
  const eos = c.lifecycle.status === 'end-of-support' ? '<span class="eos" title="end of support">EOS</span>' : '';
  const mark = c.placeholders.length > 0 ? ` <span class="placeholder" title="ARN used * for ${escapeHtml(c.placeholders.join(', '))}">*</span>` : '';
  const label = `${shortName(c.action)}: ${style.label} (${c.lifecycle.status}). ${plainReason(c.reason)}`;
  return [
    `<div class="cell ${DECISION_CLASS[c.decision]}" tabindex="0" data-action="${escapeHtml(c.action)}" data-decision="${c.decision}"`,
    ` data-lifecycle="${c.lifecycle.status}" role="listitem" title="${escapeHtml(plainReason(c.reason))}" aria-label="${escapeHtml(label)}">`,
    `<span class="name">${escapeHtml(shortName(c.action))}${mark}${eos}</span>`,
    `<span class="meta">${style.mark} ${style.label} · ${escapeHtml(c.accessLevel)} · ${escapeHtml(c.lifecycle.status)}</span>`,
    `<span class="tip" role="tooltip">${escapeHtml(plainReason(c.reason))}<br><br>Resource: <code>${escapeHtml(c.resource)}</code>`,
    `<br>Decided by: ${escapeHtml(decidedBy(c))}<br>Lifecycle: ${escapeHtml(c.lifecycle.status)} — ${escapeHtml(c.lifecycle.reason)}</span>`,
    '</div>',
  ].join('');
}

const LEGEND = [
  ['allow', 'Allow'],
  ['explicit', 'Explicit deny (a Deny statement matches)'],
  ['implicit', 'Implicit deny (no Allow matches)'],
] as const;

/** A standalone page: headline, legend, and one grid per catalog group. */
export function renderMatrixHtml(m: PermissionMatrix): string {
  const legend = [
    ...LEGEND.map(([cls, text]) => `<span><i class="swatch ${cls}"></i>${text}</span>`),
    '<span><span class="eos">EOS</span> end of support (2026-10-30)</span>',
    '<span><span class="placeholder">*</span> id not given: the ARN holds a literal *</span>',
    '<span>Hover or focus (Tab) a cell for its reason</span>',
  ].join('');
  const groups = m.groups
    .map((g) => `<section><h2>${escapeHtml(g.group)}</h2><div class="grid" role="list">${g.cells.map(cellHtml).join('\n')}</div></section>`)
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(matrixHeadline(m))}</title>
<style>${CSS}</style>
</head>
<body>
<h1>${escapeHtml(matrixHeadline(m))}</h1>
<p class="summary">${escapeHtml(matrixSummary(m))}</p>
<div class="legend" aria-label="legend">${legend}</div>
${groups}
</body>
</html>
`;
}
