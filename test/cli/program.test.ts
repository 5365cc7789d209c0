import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useColor, type Io } from '../../src/cli/io.js';
import { run } from '../../src/cli/program.js';
import { FIXTURES } from './support.js';

function memoryIo(color: boolean): Io & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return { out: (t) => void (out += t), err: (t) => void (err += t), color, env: {}, stdout: () => out, stderr: () => err };
}

describe(useColor.name, () => {
  const cases: [boolean | undefined, Record<string, string | undefined>, boolean][] = [
    [true, {}, true],
    [true, { NO_COLOR: '1' }, false],
    [true, { NO_COLOR: '' }, true],
    [false, {}, false],
    [undefined, {}, false],
  ];
  it.each(cases)('isTTY %s with %j → %s', (tty, env, want) => expect(useColor(tty, env)).toBe(want));
});

describe(run.name, () => {
  const matrix = ['matrix', '--policy', `${FIXTURES}/read-only-project.json`, '--region', 'us-east-1', '--account', '123456789012', '--app', 'project1'];

  it('colours the matrix table on a TTY', async () => {
    const io = memoryIo(true);
    expect(await run(matrix, io)).toBe(0);
    expect(io.stdout()).toContain('\u001b[32m✔ allow\u001b[0m');
    expect(io.stdout()).toContain('\u001b[33m· implicit deny\u001b[0m');
  });

  it('groups each command\'s options in its help: policies, request, resource ids, output', async () => {
    const io = memoryIo(false);
    expect(await run(['matrix', '--help'], io)).toBe(0);
    const headings = io.stdout().split('\n').filter((l) => /^\S.*:$/.test(l));
    expect(headings).toEqual(['Policies:', 'Request:', 'Resource ids (each fills one ARN placeholder):', 'Output:', 'Options:', 'Examples:']);
  });

  it('fits $COLUMNS: matrix rows cut with … and the table says how to see them whole; the terminal width counts too', async () => {
    const narrow = { ...memoryIo(false), env: { COLUMNS: '80' } };
    let out = '';
    expect(await run(matrix, { ...narrow, out: (t) => void (out += t) })).toBe(0);
    const rows = out.split('\n').filter((l) => l.startsWith('  '));
    expect(Math.max(...rows.map((l) => l.length))).toBeLessThanOrEqual(80);
    // The footer wraps to the width too (test/cli/widths.test.ts checks every command).
    expect(out.replace(/\s+/g, ' ')).toMatch(/lines cut at … to fit the terminal: --format markdown or --json shows every reason in full/);
    expect(out).toMatch(/^unclear = AWS's pages name it neither as continuing nor as retired/m);
    let tty = '';
    await run(matrix, { ...memoryIo(false), columns: 100, out: (t) => void (tty += t) });
    expect(Math.max(...tty.split('\n').filter((l) => l.startsWith('  ')).map((l) => l.length))).toBeLessThanOrEqual(100);
  });

  it('<unknown> --help is an unknown command: exit 2 with the did-you-mean, not the general help', async () => {
    for (const argv of [['lnt', '--help'], ['nosuch', '-h'], ['lnt']]) {
      const io = memoryIo(false);
      expect(await run(argv, io)).toBe(2);
      expect(io.stdout()).toBe('');
      expect(io.stderr()).toMatch(new RegExp(`^error: unknown command '${argv[0]}'`));
    }
    const io = memoryIo(false);
    await run(['lnt', '--help'], io);
    expect(io.stderr()).toContain('(Did you mean lint?)');
    expect(await run(['lint', '--help'], memoryIo(false))).toBe(0);
    expect(await run(['--help'], memoryIo(false))).toBe(0);
  });

  it('--format text names the terminal output in every command; matrix and lifecycle still take table, its former name', async () => {
    const outputs: string[] = [];
    for (const format of ['text', 'table']) {
      const io = memoryIo(false);
      expect(await run([...matrix, '--format', format], io)).toBe(0);
      outputs.push(io.stdout());
    }
    expect(outputs[0]).toMatch(/^Permission matrix for/);
    expect(outputs[1]).toBe(outputs[0]);
    const lifecycle = memoryIo(false);
    expect(await run(['lifecycle', '--format', 'table', '--status', 'unclear'], lifecycle)).toBe(0);
    const help = memoryIo(false);
    await run(['matrix', '--help'], help);
    expect(help.stdout().replace(/\s+/g, ' ')).toContain('"text", "json", "markdown", "html", "table"');
    expect(help.stdout().replace(/\s+/g, ' ')).toContain('table = text, its former name');
  });

  it('check says why a 2008-10-17 policy with ${aws:username} denies: its variable is not expanded', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pinpoint-guard-vars-'));
    const file = join(dir, 'old.json');
    writeFileSync(file, JSON.stringify({ Version: '2008-10-17', Statement: [{ Effect: 'Allow', Action: 'mobiletargeting:GetApp', Resource: 'arn:aws:mobiletargeting:*:*:apps/${aws:username}' }] }));
    const io = memoryIo(false);
    expect(await run(['check', '--policy', file, '--operation', 'GetApp', '--app', 'alice', '--region', 'us-east-1', '--account', '123456789012', '--context', 'aws:username=alice'], io)).toBe(1);
    expect(io.stderr()).toContain('uses ${aws:username}, but Version 2008-10-17 does not expand policy variables');
    expect(io.stderr()).toContain('fix: add "Version": "2012-10-17" at the top of the policy');
  });

  it('never colours JSON', async () => {
    const io = memoryIo(true);
    await run([...matrix, '--json'], io);
    expect(io.stdout()).not.toContain('\u001b[');
  });

  it('without a command prints help to stderr and exits 2', async () => {
    const io = memoryIo(false);
    expect(await run([], io)).toBe(2);
    expect(io.stderr()).toMatch(/^Usage: pinpoint-guard/);
  });

  it('check --resource without --region evaluates in the ARN\'s Region', async () => {
    const io = memoryIo(false);
    const resource = 'arn:aws:mobiletargeting:eu-west-1:123456789012:apps/a1';
    expect(await run(['check', '--policy', `${FIXTURES}/administrator.json`, '--action', 'GetApp', '--resource', resource, '--json'], io)).toBe(0);
    expect(JSON.parse(io.stdout())).toMatchObject({ decision: 'Allow', notes: [] });
  });

  it('check --action with a legacy name and no ARN names the rename, exit 2', async () => {
    const io = memoryIo(false);
    expect(await run(['check', '--policy', `${FIXTURES}/administrator.json`, '--action', 'GetUser'], io)).toBe(2);
    expect(io.stderr()).toBe('error: check: expected --resource ARN for GetUser, which the catalog does not know (did you mean mobiletargeting:GetUserEndpoints? GetUser is the seed\'s legacy name)\n');
  });

  it('lifecycle: the table cuts long successors, JSON keeps them whole', async () => {
    const table = memoryIo(false);
    expect(await run(['lifecycle'], table)).toBe(0);
    const header = table.stdout().split('\n')[0] as string;
    const [from, to] = [header.indexOf('SUCCESSOR'), header.indexOf('REASON')];
    expect(to - from).toBeLessThanOrEqual(42);
    expect(table.stdout()).toMatch(/ action\(s\); cut at … to fit \(--format markdown or --json for the full text\)\n/);
    // Every status shown is explained, unclear above all.
    expect(table.stdout()).toMatch(/^unclear = AWS's pages name it neither as continuing nor as retired/m);
    expect(table.stdout()).toMatch(/^end-of-support = /m);
    const data = memoryIo(false);
    await run(['lifecycle', '--json'], data);
    const rows = JSON.parse(data.stdout()) as { successor?: string }[];
    expect(Math.max(...rows.map((r) => r.successor?.length ?? 0))).toBeGreaterThan(100);
  });

  it('check with neither --operation nor --action is one line, exit 2', async () => {
    const io = memoryIo(false);
    expect(await run(['check', '--policy', `${FIXTURES}/administrator.json`], io)).toBe(2);
    expect(io.stderr()).toBe('error: check: expected --operation NAME or --action NAME\n');
  });
});
