/** Plain-text helpers shared by the renderers: aligned columns, Markdown tables, ANSI colour. */

/** ANSI styles by name; `paint` is a no-op when colour is off, so callers never branch on it. */
const ANSI: Readonly<Record<string, string>> = { green: '32', red: '31', yellow: '33', dim: '2', bold: '1', magenta: '35' };

export type Paint = (style: string, text: string) => string;
export const painter = (color: boolean): Paint => (style, text) => (color && ANSI[style] ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text);

const ANSI_ESCAPE = /\u001b\[[0-9;]*m/g;

/** Visible width: ANSI escapes take no columns. */
const width = (s: string) => s.replace(ANSI_ESCAPE, '').length;

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

/**
 * A Markdown table cell: `|` and line breaks kept inside it, and text from policies (a Sid, a resource) shown, never
 * interpreted: raw HTML (`<img onerror>`) as entities, link brackets escaped.
 */
const mdCell = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/[[\]]/g, '\\$&').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** A GitHub-flavoured Markdown table. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, header.map(() => '---'), ...rows].map((r) => `| ${r.map(mdCell).join(' | ')} |`).join('\n');
}

/**
 * At most `max` names, then `+N more (<command>)` — the command that shows them all — so that a long list never floods
 * a line: `GetApp, GetApps, +41 more (pinpoint-guard lifecycle --status end-of-support)`.
 */
export function capList(names: readonly string[], max: number, command: string): string {
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')}, +${names.length - max} more (${command})`;
}

/**
 * Every line of `text` cut to `max` visible columns with `…` (colour escapes kept whole and closed); `cut` says whether
 * any was, so the caller can say how to see the rest. Undefined `max` leaves the text whole.
 */
export function fitWidth(text: string, max: number | undefined): { readonly text: string; readonly cut: boolean } {
  if (max === undefined) return { text, cut: false };
  let cut = false;
  const lines = text.split('\n').map((line) => {
    if (width(line) <= max) return line;
    cut = true;
    let out = '';
    let seen = 0;
    for (const part of line.split(/(\u001b\[[0-9;]*m)/)) {
      if (part.startsWith('\u001b[')) out += part;
      else {
        const room = max - 1 - seen;
        out += part.slice(0, Math.max(0, room));
        seen += Math.min(part.length, Math.max(0, room));
      }
    }
    return `${out}${line.includes('\u001b[') ? '\u001b[0m' : ''}…`;
  });
  return { text: lines.join('\n'), cut };
}

/**
 * Every line of `text` wider than `max` visible columns wrapped at spaces, continuation lines indented two columns past
 * the line's own indent; a word wider than a whole line (an ARN, a JSON policy in a hint) is split across lines, not
 * cut, since a reader may need all of it. For prose (summaries, notes, footers, errors), whose every word matters;
 * table rows are cut by {@link fitWidth} instead, so that their columns stay aligned. Undefined `max` leaves the text
 * whole.
 */
export function wrapWidth(text: string, max: number | undefined): string {
  if (max === undefined) return text;
  return text.split('\n').map((line) => (width(line) <= max ? line : wrapLine(line, max))).join('\n');
}

/** `word` in pieces of at most `room` visible columns (colour escapes are not split: they are kept with what follows). */
function pieces(word: string, room: number): string[] {
  const out: string[] = [];
  let current = '';
  let seen = 0;
  for (const part of word.split(/(\u001b\[[0-9;]*m)/)) {
    if (part.startsWith('\u001b[')) { current += part; continue; }
    for (const ch of part) {
      if (seen === room) { out.push(current); current = ''; seen = 0; }
      current += ch;
      seen++;
    }
  }
  if (current !== '') out.push(current);
  return out;
}

function wrapLine(line: string, max: number): string {
  const indent = /^ */.exec(line)![0].slice(0, Math.floor(max / 2));
  const hanging = `${indent}  `;
  const out: string[] = [];
  let current = indent;
  let empty = true;
  for (const word of line.slice(indent.length).split(' ')) {
    const sep = empty ? '' : ' ';
    if (width(current) + sep.length + width(word) <= max) {
      current += sep + word;
      empty = false;
      continue;
    }
    if (!empty) out.push(current);
    const [first = '', ...rest] = width(hanging + word) <= max ? [word] : pieces(word, max - hanging.length);
    for (const piece of [first, ...rest].slice(0, -1)) out.push(hanging + piece);
    current = hanging + (rest.length > 0 ? rest.at(-1)! : first);
    empty = false;
  }
  if (!empty) out.push(current);
  return out.join('\n');
}
