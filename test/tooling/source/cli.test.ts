import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, type CliRun } from '../../cli/support.js';

/** The CLI as a user runs it; reading a project with its type checker takes seconds, so the timeout is generous. */
const { AWS_ACCOUNT_ID: _account, AWS_REGION: _region, AWS_DEFAULT_REGION: _defaultRegion, ...environment } = process.env;
const cli = (args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<CliRun> => new Promise((resolve) => {
  execFile(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, env: { ...environment, NO_COLOR: '', ...env }, timeout: 120_000 },
    (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? -1) : 0, stdout, stderr }));
});

const FIXTURE = 'test/tooling/source/fixture';
const BACKEND = 'test/tooling/source/backends/client';
const BACKEND_SDK = 'test/tooling/source/backends/sdk';

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

  it('the issue\'s backend: --entry the server and --app its project write a policy that --check then passes, with no grant unused (exit 0)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pinpoint-guard-notifier-'));
    try {
      const args = ['--from-source', `${BACKEND}/tsconfig.json`, '--entry', `${BACKEND}/src/server.ts`, '--app', 'shopapp'];
      const written = await cli(['policy', ...args, '--out', join(dir, 'notifier.json')]);
      expect(written.code, written.stderr).toBe(0);
      // No --account: the client's construction writes it; the report says where each came from and where --app was used.
      expect(written.stderr).toContain('src/pinpoint.ts:5 new PinpointClient (pinpoint-guard): region us-east-1 (src/pinpoint.ts:5, region of new PinpointClient); account 123456789012 (src/pinpoint.ts:5, accountId of new PinpointClient)');
      expect(written.stderr).toMatch(/ApplicationId = shopapp \(--app\): used at 3 call sites\n {4}src\/otp\.ts:8 sendOTPMessage\n/);
      expect(written.stderr).not.toMatch(/admin\.ts|CreateApp|DeleteApp/);
      const policy = JSON.parse(readFileSync(join(dir, 'notifier.json'), 'utf8')) as { Statement: { Resource: string[] }[] };
      expect(policy.Statement.flatMap((s) => s.Resource).every((r) => r.includes(':apps/shopapp/') || r.includes(':apps/ops-alerts/'))).toBe(true);
      const checked = await cli(['policy', ...args, '--check', join(dir, 'notifier.json')]);
      expect(checked.code, checked.stdout).toBe(0);
      expect(checked.stdout).not.toContain('Grants never called');
      const lint = await cli(['lint', '--policy', join(dir, 'notifier.json')]);
      expect(lint.code, lint.stdout).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 200_000);

  it('AWS_REGION and AWS_ACCOUNT_ID override the client construction\'s constants, and the report says so', async () => {
    const r = await cli(['policy', '--from-source', BACKEND, '--entry', `${BACKEND}/src/server.ts`, '--app', 'shopapp'], { AWS_REGION: 'eu-central-1', AWS_ACCOUNT_ID: '210987654321' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('src/pinpoint.ts:5 new PinpointClient (pinpoint-guard): region eu-central-1 (AWS_REGION); account 210987654321 (AWS_ACCOUNT_ID)');
    expect(r.stdout).toContain('arn:aws:mobiletargeting:eu-central-1:210987654321:apps/shopapp/messages');
  }, 130_000);

  it.each([
    [['--check', 'p.json', '--operations', 'getApp', '--app', 'a1'], /--check: needs --from-source PROJECT/],
    [['--from-source', FIXTURE, '--operations', 'getApp'], /expected exactly one of --from-recording FILE, --operations NAMES or --from-source PROJECT/],
    [['--from-source', 'test/tooling/source/no-such-project', '--account', '123456789012'], /project: test\/tooling\/source\/no-such-project: no such file or folder/],
    [['--from-source', BACKEND_SDK, '--app', 'shopapp'], /--account: no client construction in the code fixes accountId as a constant, and none was given; pass --account \(or set AWS_ACCOUNT_ID\)/],
    [['--from-source', BACKEND, '--id', 'SegmentId'], /--id: expected Member=value \(--id SegmentId=seg-1\), got "SegmentId"/],
    [['--from-source', BACKEND, '--id', 'AppId=x'], /--id AppId: AppId is not an id any Pinpoint operation takes/],
    [['--from-source', BACKEND, '--entry', 'no-such.ts'], /entry: no-such\.ts: not a source file of the project/],
    [['--operations', 'getApp', '--app', 'a1', '--account', '123456789012', '--entry', 'x.ts'], /--entry: needs --from-source PROJECT/],
  ])('refuses %j with one line and exit 2', async (args, message) => {
    const r = await cli(['policy', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 130_000);
});
