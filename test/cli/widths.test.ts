/**
 * Reports fit the terminal (issue 27): with $COLUMNS from 40 to 200, no line any command prints — stdout or stderr,
 * report or help — is wider. Table rows are cut with … (and the report says which flag shows them whole); summaries,
 * notes and footers wrap, so no word of them is lost. Machine output (the policy JSON) is never cut.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { run } from '../../src/cli/program.js';
import { wrapWidth } from '../../src/tooling/render/text.js';
import { FIXTURES } from './support.js';

function memoryIo(columns: number): Io & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return { out: (t) => void (out += t), err: (t) => void (err += t), color: false, env: { COLUMNS: String(columns) }, stdout: () => out, stderr: () => err };
}

const ENV = ['--region', 'us-east-1', '--account', '123456789012'];
const COMMANDS: readonly (readonly [string, readonly string[]])[] = [
  ['check (allow)', ['check', '--policy', 'examples/policies/app-backend.json', '--operation', 'getSegment', '--app', 'project1', '--segment', 'seg1', ...ENV]],
  ['check (deny, with a lint banner)', ['check', '--policy', `${FIXTURES}/lint-problems.json`, '--operation', 'deleteApp', '--app', 'project1', ...ENV]],
  ['matrix', ['matrix', '--policy', 'examples/policies/app-backend.json', '--app', 'project1', ...ENV]],
  ['matrix --format text', ['matrix', '--policy', `${FIXTURES}/read-only.json`, `${FIXTURES}/deny-deletes.json`, '--app', 'project1', '--format', 'text', ...ENV]],
  ['lint', ['lint', '--policy', `${FIXTURES}/lint-problems.json`, `${FIXTURES}/administrator.json`]],
  ['lifecycle', ['lifecycle']],
  ['lifecycle --status unclear', ['lifecycle', '--status', 'unclear']],
  ['policy (its report)', ['policy', '--operations', 'getSegment,createCampaign', '--app', 'project1', ...ENV]],
  ['--help', ['--help']],
  ['matrix --help', ['matrix', '--help']],
  ['lint --help', ['lint', '--help']],
  ['check --help', ['check', '--help']],
  ['policy --help', ['policy', '--help']],
  ['lifecycle --help', ['lifecycle', '--help']],
  ['whoami --help', ['whoami', '--help']],
];
const WIDTHS = [40, 57, 100, 200];
const widest = (text: string) => Math.max(0, ...text.split('\n').map((l) => [...l].length));
const words = (text: string) => text.replace(/\s+/g, ' ');

describe.each(WIDTHS)('COLUMNS=%i', (width) => {
  it.each(COMMANDS)('%s: every line fits', async (_, argv) => {
    const io = memoryIo(width);
    await run(argv, io);
    expect(io.stderr()).not.toMatch(/^error:/m);
    // The policy command's stdout is the policy JSON, to be saved: never cut, always valid.
    const stdout = argv[0] === 'policy' && !argv.includes('--help') ? (JSON.parse(io.stdout()) as unknown, '') : io.stdout();
    expect(stdout.length + io.stderr().length).toBeGreaterThan(0);
    expect(widest(stdout)).toBeLessThanOrEqual(width);
    expect(widest(io.stderr())).toBeLessThanOrEqual(width);
  });
});

describe('what is wrapped keeps every word', () => {
  it('matrix: the summary line wraps rather than being cut; rows use the whole width', async () => {
    const io = memoryIo(60);
    await run(COMMANDS[2]![1], io);
    expect(words(io.stdout())).toContain('no id was given for their resource, so they were checked on the id "*", which only a wildcard in a policy matches');
    expect(io.stdout().split('\n').filter((l) => l.endsWith('…')).every((l) => [...l].length === 60)).toBe(true);
    expect(words(io.stdout())).toContain('--format markdown or --json shows every reason in full');
  });

  it('lint: messages are cut to the width, the footer and counts are whole', async () => {
    const io = memoryIo(40);
    await run(COMMANDS[4]![1], io);
    expect(words(io.stdout())).toContain('lines cut at … to fit the terminal: --json shows every finding in full');
    expect(io.stdout()).toMatch(/^3 error\(s\), 4 warning\(s\), 0 info$/m);
  });

  it('without $COLUMNS on a pipe nothing is cut or wrapped', async () => {
    const io = { ...memoryIo(40), env: {} };
    let out = '';
    await run(COMMANDS[2]![1], { ...io, out: (t) => void (out += t) });
    expect(widest(out)).toBeGreaterThan(200);
  });
});

describe(wrapWidth.name, () => {
  it('fits every line to the width and keeps every character but the spaces it breaks at', () => {
    const word = fc.oneof(fc.stringMatching(/^[a-z]{1,12}$/), fc.stringMatching(/^[a-zA-Z0-9:/*"{},.-]{30,260}$/));
    const line = fc.tuple(fc.integer({ min: 0, max: 30 }), fc.array(word, { minLength: 1, maxLength: 40 })).map(([n, ws]) => ' '.repeat(n) + ws.join(' '));
    fc.assert(fc.property(fc.array(line, { minLength: 1, maxLength: 4 }), fc.integer({ min: 40, max: 200 }), (lines, max) => {
      const out = wrapWidth(lines.join('\n'), max);
      for (const l of out.split('\n')) expect([...l].length).toBeLessThanOrEqual(max);
      expect(out.replace(/\s+/g, '')).toBe(lines.join('').replace(/\s+/g, ''));
    }));
  });

  it('leaves lines that fit, and everything when there is no width', () => {
    expect(wrapWidth('short\n  also short', 40)).toBe('short\n  also short');
    expect(wrapWidth('x '.repeat(300), undefined)).toBe('x '.repeat(300));
  });
});

