/** Plain-text helpers shared by the renderers: aligned columns, Markdown tables, ANSI colour. */

/** ANSI styles by name; `paint` is a no-op when colour is off, so callers never branch on it. */
const ANSI: Readonly<Record<string, string>> = { green: '32', red: '31', yellow: '33', dim: '2', bold: '1', magenta: '35' };

export type Paint = (style: string, text: string) => string;
export const painter = (color: boolean): Paint => (style, text) => (color && ANSI[style] ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text);

/** Visible width: ANSI escapes take no columns. */
const width = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '').length;

/** Rows as left-aligned columns separated by two spaces; the last column is not padded. */
export function columns(rows: readonly (readonly string[])[], indent = ''): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, width(cell))));
  return rows
    .map((row) => indent + row.map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat((widths[i] as number) - width(cell)))).join('  ').trimEnd())
    .join('\n');
}

/** `text` cut to at most `max` columns, ending in `…` when cut. */
export const truncate = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

const mdCell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A GitHub-flavoured Markdown table. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, header.map(() => '---'), ...rows].map((r) => `| ${r.map(mdCell).join(' | ')} |`).join('\n');
}
