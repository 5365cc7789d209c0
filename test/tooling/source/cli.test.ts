import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT, type CliRun } from '../../cli/support.js';

/** The CLI as a user runs it; reading a project with its type checker takes seconds, so the timeout is generous. */
const { AWS_ACCOUNT_ID: _account, ...environment } = process.env;
const cli = (args: readonly string[]): Promise<CliRun> => new Promise((resolve) => {
  execFile(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, env: { ...environment, NO_COLOR: '' }, timeout: 120_000 },
    (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? -1) : 0, stdout, stderr }));
});

const FIXTURE = 'test/tooling/source/fixture';

describe('pinpoint-guard policy --from-source', () => {
  it('prints the policy to paste into IAM, and on stderr each Sid\'s call sites, the wildcards and the unresolved calls (exit 1)', async () => {
    const r = await cli(['policy', '--from-source', `${FIXTURE}/tsconfig.json`, '--account', '123456789012']);
    expect(r.code).toBe(1);
    const policy = JSON.parse(r.stdout) as { Version: string; Statement: { Sid: string; Effect: string }[] };
    expect(policy.Version).toBe('2012-10-17');
    expect(policy.Statement.every((s) => /^[A-Za-z0-9]+$/.test(s.Sid) && s.Effect === 'Allow')).toBe(true);
    expect(r.stderr).toMatch(/\n {2}LeastPrivilege\d+: mobiletargeting:DeleteSegment on arn:aws:mobiletargeting:us-east-1:123456789012:apps\/app-main\/segments\/seg-old\n {4}src\/segments\.ts:13 deleteSegment\n/);
    expect(r.stderr).toMatch(/Wildcards .*\n(.*\n)* {2}src\/segments\.ts:9 getSegment: SegmentId is unknown: `segmentId` is a parameter of loadSegment/);
    expect(r.stderr).toMatch(/Unresolved calls .*\n(.*\n)* {2}src\/dynamic\.ts:14 .*chosen at run time/);
    expect(r.stderr).toMatch(/check: allows every found call \(\d+\)/);
  }, 130_000);

  it('--check: the calls the policy would deny with their call sites, and the grants never called (exit 1)', async () => {
    const r = await cli(['policy', '--from-source', FIXTURE, '--check', 'test/tooling/source/policies/read-only.json', '--account', '123456789012']);
    // Statements are named as in every other report: the policy file, then the Sid.
    expect(r.stdout).toContain('nearest: test/tooling/source/policies/read-only.json "ReadProjects" matched the resource');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Denied .*\n(.*\n)* {2}mobiletargeting:DeleteSegment on arn:aws:mobiletargeting:us-east-1:123456789012:apps\/app-main\/segments\/seg-old: .*\n {4}src\/segments\.ts:13\n/);
    expect(r.stdout).toMatch(/Grants never called .*\n {2}"ListEverything": mobiletargeting:List\* on \*\n/);
    expect(r.stdout).not.toMatch(/mobiletargeting:GetSegment on/);
  }, 130_000);

  it.each([
    [['--check', 'p.json', '--operations', 'getApp', '--app', 'a1'], /--check: needs --from-source PROJECT/],
    [['--from-source', FIXTURE, '--operations', 'getApp'], /expected exactly one of --from-recording FILE, --operations NAMES or --from-source PROJECT/],
    [['--from-source', 'test/tooling/source/no-such-project', '--account', '123456789012'], /project: test\/tooling\/source\/no-such-project: no such file or folder/],
    [['--from-source', FIXTURE], /--account: expected the 12-digit account id/],
  ])('refuses %j with one line and exit 2', async (args, message) => {
    const r = await cli(['policy', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 130_000);
});
