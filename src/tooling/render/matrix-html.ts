/**
 * The permission matrix as one standalone HTML page (inline CSS, no script, no external asset). Every action is one
 * row whose summary line — name, decision, deciding statement, lifecycle — is readable without hovering; its details
 * (reason, resource, condition values, lifecycle reason) open with Enter or Space, being a native <details>. Filters
 * (all / allowed / denied / conditional / end of support) are radio buttons that CSS `:has()` turns into views, so
 * they work without a script. A header names what produced the page; skip links pass the filters and each group.
 */
import { LIFECYCLE_MEANING } from '../../lifecycle/end-of-support.js';
import type { RequestContext } from '../../policy/index.js';
import { shortName } from '../catalog.js';
import type { PolicyFinding } from '../lint/banner.js';
import type { MatrixCell, MatrixGroup, PermissionMatrix } from '../matrix.js';
import { conditionClauses, styleOf, type DecisionName } from './decision.js';
import { decidedBy, decisionCounts, matrixHeadline } from './matrix.js';

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ENTITIES[c] as string);

/** What produced the page, for its header. */
export interface MatrixPageInfo {
  /** The policy files (or labels) evaluated, in order. */
  readonly policyFiles: readonly string[];
  /** The request context given (`--context`), if any. */
  readonly context?: RequestContext;
  readonly toolVersion: string;
  readonly generatedAt: Date;
  /** Lint errors of the policies, shown as a banner. */
  readonly findings?: readonly PolicyFinding[];
}

/** The filters, each a CSS class a row carries; `all` shows every row. */
const FILTERS = [
  ['all', 'All actions', ''],
  ['allow', 'Allowed', 'allow'],
  ['deny', 'Denied', 'deny'],
  ['conditional', 'Conditional', 'conditional'],
  ['eos', 'End of support', 'eos'],
] as const;

/** The filter classes of a row. */
const ROW_CLASS: Readonly<Record<DecisionName, string>> = { Allow: 'allow', ExplicitDeny: 'deny explicit', ImplicitDeny: 'deny implicit', Conditional: 'conditional' };

const filterCss = FILTERS.filter(([, , cls]) => cls !== '')
  .map(([id, , cls]) => `body:has(#show-${id}:checked) li.row:not(.${cls}),body:has(#show-${id}:checked) section.group:not(:has(li.${cls})){display:none}`)
  .join('\n');

const CSS = `
:root{color-scheme:light dark;--fg:#1f1f1f;--muted:#4a4a4a;--bg:#fff;--line:#d0d0d0;--allow:#0b6b2e;--allow-bg:#e3f4e8;--deny:#b3261e;--deny-bg:#fbe4e2;
--implicit:#5a5a5a;--implicit-bg:#efefef;--cond:#7a4b00;--cond-bg:#fff1d6;--eos:#5e2a84;--focus:#1558d6;font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
@media (prefers-color-scheme:dark){:root{--fg:#ececec;--muted:#c4c4c4;--bg:#161616;--line:#444;--allow:#7fd99a;--allow-bg:#14301d;--deny:#ff9d94;--deny-bg:#3b1614;
--implicit:#cfcfcf;--implicit-bg:#2a2a2a;--cond:#ffcf7a;--cond-bg:#3a2c0c;--eos:#d7b2ff;--focus:#8ab4ff}}
body{margin:0 auto;padding:16px 24px;max-width:1200px;color:var(--fg);background:var(--bg)}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;padding:6px 10px;background:var(--bg);border:2px solid var(--focus);z-index:9}
h1{font-size:20px;margin:0 0 8px}h2{font-size:16px;margin:20px 0 6px}
.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0 0 10px;color:var(--muted)}.meta dt{font-weight:600}.meta dd{margin:0;overflow-wrap:anywhere}
.banner{border:2px solid var(--deny);background:var(--deny-bg);padding:8px 12px;border-radius:6px;margin:10px 0}.banner ul{margin:4px 0 0;padding-left:20px}
.filters{border:1px solid var(--line);border-radius:6px;padding:6px 12px;margin:10px 0;display:flex;flex-wrap:wrap;gap:4px 16px}
.filters legend{font-weight:600;padding:0 4px}
nav ul{list-style:none;padding:0;margin:6px 0;display:flex;flex-wrap:wrap;gap:4px 14px}
.count{font-weight:400;color:var(--muted);font-size:13px}
ul.rows{list-style:none;padding:0;margin:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(340px,1fr));gap:4px}
li.row{border-left:6px solid;border-radius:4px;padding:4px 8px}
li.allow{border-color:var(--allow);background:var(--allow-bg)}li.explicit{border-color:var(--deny);background:var(--deny-bg)}
li.implicit{border-color:var(--implicit);background:var(--implicit-bg)}li.conditional{border-color:var(--cond);background:var(--cond-bg)}
summary{cursor:pointer}summary:focus-visible,a:focus-visible,input:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
summary b{font-weight:600}.d{font-weight:600}.allow .d{color:var(--allow)}.explicit .d{color:var(--deny)}.implicit .d{color:var(--implicit)}.conditional .d{color:var(--cond)}
.by,.life{color:var(--muted)}.life.eos{color:var(--eos);font-weight:600}
details p{margin:4px 0}code{overflow-wrap:anywhere;font-size:12.5px}
${filterCss}
@media print{.skip,.filters,nav{display:none}body{max-width:none;padding:0}li.row{break-inside:avoid}ul.rows{grid-template-columns:1fr 1fr}}
`;

/** `GetApnsVoipSandboxChannel` → `Get<wbr>Apns<wbr>Voip<wbr>Sandbox<wbr>Channel`: lines break between words only. */
export function camelBreaks(name: string): string {
  return name.split(/(?<=[a-z0-9])(?=[A-Z])/).map(escapeHtml).join('<wbr>');
}

const slug = (group: string) => `g-${group.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;

/** `reason` without a leading `prefix ` (the deciding statement's name), else whole. */
const withoutPrefix = (reason: string, prefix: string): string => (reason.startsWith(`${prefix} `) ? `… ${reason.slice(prefix.length + 1)}` : reason);

function rowHtml(c: MatrixCell): string {
  const style = styleOf(c.decision);
  const eos = c.lifecycle.status === 'end-of-support';
  const cls = `row ${ROW_CLASS[c.decision as DecisionName] ?? ROW_CLASS.ImplicitDeny}${eos ? ' eos' : ''}`;
  // The header says once what * means; each row names only the ids it lacked.
  const star = c.placeholders.length > 0 ? ` <abbr title="no ${escapeHtml(c.placeholders.join(', '))} given">*</abbr>` : '';
  const by = decidedBy(c);
  const conditions = conditionClauses(c.requirements ?? []).map((t) => `<p>${escapeHtml(t)}</p>`).join('');
  return `<li class="${cls}"><details><summary><b>${camelBreaks(shortName(c.action))}</b>${star} — ` +
    `<span class="d">${style.mark} ${style.label}</span> <span class="by">· ${escapeHtml(by)}</span> ` +
    `<span class="life${eos ? ' eos' : ''}">· ${c.lifecycle.status}</span></summary>` +
    // Each row's text is stored once, to keep the page small: the reason names the resource ARN, which is not repeated,
    // and goes on from the deciding statement the summary line already names ("… allows X on ARN").
    `<p>${escapeHtml(withoutPrefix(c.reason, by))} (${escapeHtml(c.accessLevel)} access)</p>${conditions}` +
    `<p>Lifecycle: ${c.lifecycle.status} — ${escapeHtml(c.lifecycle.reason)}</p></details></li>`;
}

/** `4 allowed · 2 denied` and so on, for a group's heading. */
function groupCounts(g: MatrixGroup): string {
  const n = (test: (c: MatrixCell) => boolean) => g.cells.filter(test).length;
  const parts = [
    [n((c) => c.decision === 'Allow'), 'allowed'],
    [n((c) => c.decision === 'ExplicitDeny' || c.decision === 'ImplicitDeny'), 'denied'],
    [n((c) => c.decision === 'Conditional'), 'conditional'],
    [n((c) => c.lifecycle.status === 'end-of-support'), 'end of support'],
  ] as const;
  return `${g.cells.length} action${g.cells.length === 1 ? '' : 's'}: ${parts.filter(([k]) => k > 0).map(([k, w]) => `${k} ${w}`).join(', ')}`;
}

function contextText(context: RequestContext | undefined): string {
  const entries = Object.entries(context ?? {}).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return 'none given (only what the client sets: time, Region, HTTPS)';
  return entries.map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(',') : String(v)}`).join('; ');
}

function bannerHtml(findings: readonly PolicyFinding[]): string {
  if (findings.length === 0) return '';
  const items = findings.map(({ policy, finding }) => `<li><code>${escapeHtml(policy)}:${escapeHtml(finding.path)}</code>: ${escapeHtml(finding.message)} (fix: ${escapeHtml(finding.fix)})</li>`);
  return `<div class="banner" role="note"><strong>${findings.length} lint error${findings.length === 1 ? '' : 's'} in these policies</strong>: an entry with one grants nothing as written.<ul>${items.join('')}</ul></div>`;
}

/** A standalone page: header, filters, group links, and one list per catalog group. */
export function renderMatrixHtml(m: PermissionMatrix, info?: MatrixPageInfo): string {
  const title = matrixHeadline(m);
  const meta = info === undefined ? '' : `<dl class="meta"><dt>Policies</dt><dd>${escapeHtml(info.policyFiles.join(', '))}</dd>` +
    `<dt>Context</dt><dd>${escapeHtml(contextText(info.context))}</dd><dt>Tool</dt><dd>pinpoint-guard ${escapeHtml(info.toolVersion)}</dd>` +
    `<dt>Generated</dt><dd>${info.generatedAt.toISOString().replace(/\.\d+Z$/, 'Z')}</dd></dl>`;
  const filters = FILTERS.map(([id, label], i) =>
    `<label><input type="radio" name="show" id="show-${id}"${i === 0 ? ' checked' : ''}> ${label}</label>`).join('');
  const nav = m.groups.map((g) => `<li><a href="#${slug(g.group)}">${escapeHtml(g.group)}</a> <span class="count">(${g.cells.length})</span></li>`).join('');
  const groups = m.groups.map((g) => `<section class="group" id="${slug(g.group)}" aria-labelledby="${slug(g.group)}-h">` +
    `<h2 id="${slug(g.group)}-h">${escapeHtml(g.group)} <span class="count">${groupCounts(g)}</span></h2><ul class="rows">${g.cells.map(rowHtml).join('\n')}</ul></section>`).join('\n');
  const legend = Object.entries(LIFECYCLE_MEANING).map(([k, v]) => `<b>${k}</b>: ${escapeHtml(v)}`).join('; ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<a class="skip" href="#filters">Skip to the filters</a><a class="skip" href="#groups">Skip to the groups</a>
<header>
<h1>${escapeHtml(title)}</h1>
${meta}${bannerHtml(info?.findings ?? [])}
<p>${escapeHtml(decisionCounts(m))}. Each row shows the decision and the statement that decided it; open a row (Enter) for the reason and the resource.
Rows marked * had no id given for their resource, so they were checked on the id “*”, which only a wildcard in a policy matches. Lifecycle: ${legend}.</p>
</header>
<main>
<fieldset class="filters" id="filters"><legend>Show</legend>${filters}</fieldset>
<nav id="groups" aria-label="Groups"><ul>${nav}</ul></nav>
${groups}
</main>
</body>
</html>
`;
}
