import { describe, expect, it } from 'vitest';
import { cliLines, pinpointGuard, tsx } from '../examples/examples.js';
import { cli } from './support.js';

const BEFORE = 'examples/policies/diff-before.json';
const AFTER = 'examples/policies/diff-after.json';

describe('pinpoint-guard diff', () => {
  it.each(cliLines('examples/diff.sh', 'diff').map((line) => [line.command, line] as const))('examples/diff.sh: %s', async (_, line) => {
    const r = await pinpointGuard(line.args);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(Number(/^exit (\d)$/.exec(line.comment)?.[1]));
  }, 90_000);

  it('text: the verdict, then each added action with the granting pattern, the condition, an example and the statement', async () => {
    const r = await cli(['diff', '--before', BEFORE, '--after', AFTER]);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('NEW ACCESS: the change allows requests that were denied before');
    expect(lines).toContain('  mobiletargeting:SendMessages');
    expect(r.stdout).toContain('on arn:aws:mobiletargeting:us-east-1:123456789012:apps/*/messages when not (aws:SourceIp in 203.0.113.0/24) and aws:SourceIp in one of 203.0.113.0/24, 198.51.100.0/24');
    expect(r.stdout).toContain(`${AFTER} "SendFromOfficeOrVpn"`);
  }, 90_000);

  it('--json: { verdict, added, removed, notes }', async () => {
    const r = await cli(['diff', '--before', AFTER, '--after', BEFORE, '--json']);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout) as { verdict: string; added: unknown[]; removed: { action: string; resources: string[]; condition?: string }[]; notes: unknown[] };
    expect(Object.keys(d)).toEqual(['verdict', 'added', 'removed', 'notes']);
    expect(d.verdict).toBe('no-new-access');
    expect(d.added).toEqual([]);
    expect(d.removed.map((c) => c.action)).toEqual(expect.arrayContaining(['mobiletargeting:SendMessages', 'mobiletargeting:SendUsersMessages']));
  }, 90_000);

  it('--format sarif: the after file\'s lines of the statement that adds access', async () => {
    const r = await cli(['diff', '--before', BEFORE, '--after', AFTER, '--format', 'sarif']);
    expect(r.code).toBe(1);
    const results = (JSON.parse(r.stdout) as { runs: { results: { ruleId: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; endLine: number } } }[] }[] }[] }).runs[0]!.results;
    expect(results).toHaveLength(1);
    expect(results[0]!.message.text).toMatch(/^examples\/policies\/diff-after.json "SendFromOfficeOrVpn" adds access to 2 action\(s\): mobiletargeting:SendMessages, mobiletargeting:SendUsersMessages/);
    expect(results[0]!.locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: AFTER }, region: expect.objectContaining({ startLine: 10, endLine: 16 }) });
  }, 90_000);

  it('--format markdown: a pull-request comment with a table of the added access', async () => {
    const r = await cli(['diff', '--before', BEFORE, '--after', AFTER, '--format', 'markdown']);
    expect(r.stdout).toMatch(/^## Policy change: :warning: new-access\n/);
    expect(r.stdout).toContain('| Action | Resources | Condition | Example | Statements |');
    expect(r.stdout).toContain('| `mobiletargeting:SendMessages` | `arn:aws:mobiletargeting:us-east-1:123456789012:apps/*/messages` |');
  }, 90_000);

  it('cannot tell: exit 3, the note naming the statement and why', async () => {
    const r = await cli(['diff', '--before', BEFORE, '--after', BEFORE, 'test/tooling/fixtures/diff-variable.json']);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('cannot-tell: after test/tooling/fixtures/diff-variable.json "OwnProject": its resource "arn:aws:mobiletargeting:us-east-1:123456789012:apps/${aws:username}" holds a policy variable (${aws:username})');
  }, 90_000);

  it('bad input: exit 2, naming the file and what was expected', async () => {
    const missing = await cli(['diff', '--after', AFTER]);
    expect([missing.code, missing.stderr.trim()]).toEqual([2, "error: required option '--before <file...>' not specified (or compare with what IAM holds today: --before-principal <arn|auto>)"]);
    const invalid = await cli(['diff', '--before', BEFORE, '--after', 'test/tooling/fixtures/lint-problems.json', 'nope.json']);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('nope.json');
  }, 90_000);
});

describe('examples/diff.ts', () => {
  it('prints the verdict and the added access of the library call', async () => {
    const r = await tsx('examples/diff.ts');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('new-access\nmobiletargeting:GetApp arn:aws:mobiletargeting:us-east-1:123456789012:apps/* whatever the context\n');
  }, 90_000);
});
