/**
 * The CLI at its process boundary, against inputs that are not what they claim: a device or a FIFO given as a policy,
 * a file over the cap, escape sequences in file names and Sids, raw HTML in Sids for Markdown, and an output that
 * cannot be written. Each is one line on stderr and exit 2 (or neutralised output), never a hang or a stack trace.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, cliIntoClosedPipe, errorLines, ROOT, type CliRun } from './support.js';
import { MAX_INPUT_FILE_BYTES } from '../../src/cli/read-file.js';

const dir = mkdtempSync(join(tmpdir(), 'pg-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ACCOUNT = ['--account', '123456789012'];

const file = (name: string, doc: unknown): string => {
  const path = join(dir, name);
  writeFileSync(path, typeof doc === 'string' ? doc : JSON.stringify(doc));
  return path;
};
const withSid = (sid: string): object => ({ Version: '2012-10-17', Statement: [{ Sid: sid, Effect: 'Allow', Action: 'mobiletargeting:Get*', Resource: '*' }] });

/** The one stderr line of a refused input, and exit 2. */
function expectRefused(r: CliRun, line: string): void {
  expect(r.code).toBe(2);
  expect(errorLines(r)).toEqual([line]);
}

describe('policy and recording files must be regular files under the cap', () => {
  it('a character device (/dev/zero), directly or through a symlink, is refused without reading', async () => {
    expectRefused(await cli(['lint', '--policy', '/dev/zero']), 'error: /dev/zero: cannot read the file (a character device, expected a regular file; it was not read)');
    const link = join(dir, 'policy.json');
    symlinkSync('/dev/zero', link);
    expectRefused(await cli(['check', '--policy', link, '--action', 'GetApps', ...ACCOUNT]), `error: ${link}: cannot read the file (a character device, expected a regular file; it was not read)`);
  });

  it('a FIFO is refused at once, not waited on', async () => {
    const fifo = join(dir, 'fifo.json');
    execFileSync('mkfifo', [fifo]);
    expectRefused(await cli(['check', '--policy', fifo, '--action', 'GetApps', ...ACCOUNT]), `error: ${fifo}: cannot read the file (a FIFO (named pipe), expected a regular file; it was not read)`);
  });

  it(`a file over the cap (${MAX_INPUT_FILE_BYTES} bytes) is refused with its size; a directory is refused`, async () => {
    const big = file('big.json', '');
    truncateSync(big, MAX_INPUT_FILE_BYTES + 1);
    expectRefused(await cli(['lint', '--policy', big]), `error: ${big}: cannot read the file (${MAX_INPUT_FILE_BYTES + 1} bytes, over the ${MAX_INPUT_FILE_BYTES}-byte limit of an input file)`);
    expectRefused(await cli(['lint', '--policy', dir]), `error: ${dir}: cannot read the file (a directory, expected a regular file; it was not read)`);
  });

  it('a recording file is held to the same rules', async () => {
    const r = await cli(['policy', '--from-recording', '/dev/zero']);
    expectRefused(r, 'error: /dev/zero: cannot read the file (a character device, expected a regular file; it was not read)');
  });
});

describe('terminal output is neutralised', () => {
  it('escape sequences in a file name are spelt out, not sent to the terminal', async () => {
    const r = await cli(['lint', '--policy', join(dir, 'evil\x1b]0;owned\x07\x1b[2J.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
    expect(errorLines(r)).toEqual([`error: ${dir}/evil\\u001b]0;owned\\u0007\\u001b[2J.json: cannot read the file (no such file)`]);
  });

  it('escape sequences in a Sid are spelt out in lint, check and matrix text output', async () => {
    const p = file('sid.json', withSid('Read\x1b]52;c;b3duZWQ=\x07\x1b[2J'));
    for (const args of [['lint', '--policy', p], ['check', '--policy', p, '--action', 'GetApps', ...ACCOUNT], ['matrix', '--policy', p, ...ACCOUNT, '--app', 'a1']]) {
      const r = await cli(args);
      // lint names this statement by its JSON path; check and matrix quote its Sid, escapes spelt out.
      if (args[0] !== 'lint') expect(r.stdout + r.stderr).toContain('Read\\u001b]52;c;b3duZWQ=\\u0007\\u001b[2J');
      expect(r.stdout + r.stderr).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
      expect(r.stderr).not.toMatch(/^\s+at /m);
    }
  });

  it('--json output stays valid JSON holding the same text: C1 and bidi characters are spelt as JSON escapes', async () => {
    const sid = 'Read\u0085\u202eevil';
    const r = await cli(['check', '--policy', file('bidi.json', withSid(sid)), '--action', 'GetApps', ...ACCOUNT, '--json']);
    expect(r.stdout).not.toMatch(/[\u0080-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(JSON.stringify(JSON.parse(r.stdout))).toContain(JSON.stringify(sid).slice(1, -1));
  });

  it('raw HTML in a Sid is escaped in matrix --format markdown', async () => {
    const p = file('html.json', withSid('<img src=x onerror=alert(1)>[x](javascript:alert(1))'));
    const r = await cli(['matrix', '--policy', p, ...ACCOUNT, '--app', 'a1', '--format', 'markdown']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('"&lt;img src=x onerror=alert(1)&gt;\\[x\\](javascript:alert(1))" allows mobiletargeting:GetApp on');
    expect(r.stdout).not.toContain('<img');
    expect(r.stdout).not.toMatch(/[^\\]\]\(javascript:/);
  });
});

describe('output errors', () => {
  /** The CLI with stdout (or stderr) redirected to /dev/full, as a shell does it. */
  const intoFull = (args: readonly string[], stream: 1 | 2): Promise<CliRun> => new Promise((resolve) => {
    const script = `"$0" --import tsx src/cli/main.ts "$@" ${stream}>/dev/full`;
    execFile('bash', ['-c', script, process.execPath, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '' }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? -1) : 0, stdout, stderr }));
  });

  it('stdout on a full device: one line on stderr and exit 2, no stack trace', async () => {
    const r = await intoFull(['lifecycle'], 1);
    expect(r.code).toBe(2);
    expect(errorLines(r)).toEqual(['error: cannot write to stdout (ENOSPC): the output is incomplete']);
  });

  it('stderr on a full device: exit 2 all the same', async () => {
    const r = await intoFull(['lint', '--policy', '/no/such/file.json'], 2);
    expect(r.code).toBe(2);
  });

  it('a reader that leaves early (EPIPE) is still a quiet exit', async () => {
    const r = await cliIntoClosedPipe(['lifecycle']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });
});
