/** `pinpoint-guard lifecycle`: every action's lifecycle status, reason and successor (issue 8). */
import { Option, type Command } from 'commander';
import { lifecycleTable, type LifecycleRow } from '../../tooling/index.js';
import { lifecycleLegend } from '../../lifecycle/end-of-support.js';
import { columns, fitWidth, markdownTable, painter, truncate } from '../../tooling/render/text.js';
import { outputWidth, terminalText, type Io, type Outcome } from '../io.js';
import { addFormatOptions, formatFrom, json } from '../options.js';

const EXAMPLES = `
Examples:
  $ pinpoint-guard lifecycle
  $ pinpoint-guard lifecycle --status end-of-support --format markdown`;

const cellsOf = (r: LifecycleRow) => [r.action, r.group, r.status, r.successor ?? '', r.reason];
const HEADER = ['ACTION', 'GROUP', 'STATUS', 'SUCCESSOR', 'REASON'];
/** The terminal table keeps the successor to this many columns; JSON and Markdown carry the full text. */
const SUCCESSOR_WIDTH = 40;

/** What each status shown means — `unclear` above all — one line each. */
const legendOf = (rows: readonly LifecycleRow[]): string =>
  [...new Set(rows.map((r) => r.status))].sort().map((s) => `${lifecycleLegend([s])}\n`).join('');

const RENDER: Readonly<Record<string, (rows: LifecycleRow[], io: Io) => string>> = {
  text: (rows, io) => {
    const paint = painter(io.color);
    const body = rows.map((r) => cellsOf(r).map((c, i) => (i === 2 && r.status === 'end-of-support' ? paint('magenta', c) : i === 3 ? truncate(c, SUCCESSOR_WIDTH) : c)));
    const table = fitWidth(columns([HEADER.map((h) => paint('dim', h)), ...body]), outputWidth(io));
    const cut = rows.some((r) => (r.successor ?? '').length > SUCCESSOR_WIDTH) || table.cut ? '; cut at … to fit (--format markdown or --json for the full text)' : '';
    return terminalText(io, `${table.text}\n${rows.length} action(s)${cut}\n${legendOf(rows)}`);
  },
  json: (rows) => json(rows),
  markdown: (rows) => `${markdownTable(['Action', 'Group', 'Status', 'Successor', 'Reason'], rows.map(cellsOf))}\n\n${legendOf(rows).split('\n').filter(Boolean).map((l) => `- ${l}`).join('\n')}\n`,
};

export function registerLifecycle(program: Command, io: Io, outcome: Outcome): void {
  const cmd = program
    .command('lifecycle')
    .description('print every catalog action\'s lifecycle: supported, end-of-support or unclear')
    .addOption(new Option('--status <status>', 'only actions with this status').choices(['supported', 'end-of-support', 'unclear']));
  addFormatOptions(cmd, Object.keys(RENDER), 'text');
  cmd.addHelpText('after', EXAMPLES).action((opts: Record<string, unknown>) => {
    const status = opts.status as LifecycleRow['status'] | undefined;
    const rows = lifecycleTable(status === undefined ? undefined : { status });
    io.out((RENDER[formatFrom(opts)] as (typeof RENDER)[string])(rows, io));
    outcome.code = 0;
  });
}
