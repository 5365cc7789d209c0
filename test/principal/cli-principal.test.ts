import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIamMockServer, type IamMockServer } from '../../src/testing/iam/index.js';
import { cliAgainst } from './cli-support.js';
import { BACKEND_KEYS, iamOptions } from './support.js';

let server: IamMockServer;
beforeAll(async () => { server = await startIamMockServer(iamOptions()); });
afterAll(() => server.close());

const APP_ARN = 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/a1';

describe('--principal and --verify-aws on the CLI', () => {
  it('check --principal auto decides with the policies and principal keys IAM holds; --verify-aws shows where AWS disagrees', async () => {
    // The answer is configured here: AWS says implicitDeny where the guard, by the role's ABAC tag, allows.
    server.mock.simulator = (q) => (q.action === 'mobiletargeting:GetApp' ? 'implicitDeny' : undefined);
    const r = await cliAgainst(server.url, ['check', '--principal', 'auto', '--session-tags', 'none', '--operation', 'GetApp', '--app', 'a1', '--verify-aws'], BACKEND_KEYS);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^✔ ALLOW  mobiletargeting:GetApp on ${APP_ARN}\\n`));
    expect(r.stdout).toContain('inline policy abac of role backend');
    expect(r.stdout).toContain("AWS's simulator (SimulatePrincipalPolicy) disagrees on 1 of 1 pair(s):");
    expect(r.stdout).toContain(`mobiletargeting:GetApp on ${APP_ARN}: guard allowed, AWS implicitDeny`);
    expect(server.mock.requests.find((q) => q.action === 'SimulatePrincipalPolicy')?.params['ContextEntries.member.1.ContextKeyName']).toBeDefined();
  }, 90_000);

  it("check and matrix --principal take the principal's keys as the client does: a tag the role lacks is absent (DENY), not unknown", async () => {
    const base = iamOptions();
    const untagged = await startIamMockServer(iamOptions({ roles: base.roles!.map((r) => ({ ...r, tags: {} })) }));
    try {
      const r = await cliAgainst(untagged.url, ['check', '--principal', 'auto', '--session-tags', 'none', '--operation', 'GetApp', '--app', 'a1'], BACKEND_KEYS);
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe([
        `· IMPLICIT DENY  mobiletargeting:GetApp on ${APP_ARN}`,
        `  no statement allows mobiletargeting:GetApp on ${APP_ARN}; nearest: inline policy abac of role backend Statement[0] matched the action and resource but condition StringEquals on aws:PrincipalTag/team: key aws:PrincipalTag/team is missing from the request context`,
        '  not set for the principal: aws:PrincipalTag/team (as IAM holds it; --context cannot change that)',
        '',
      ].join('\n'));
      expect(r.code).toBe(1);
      const m = await cliAgainst(untagged.url, ['matrix', '--principal', 'auto', '--session-tags', 'none', '--app', 'a1', '--json'], BACKEND_KEYS);
      const cells = (JSON.parse(m.stdout) as { groups: { cells: { action: string; decision: string }[] }[] }).groups.flatMap((g) => g.cells);
      expect(cells.find((c) => c.action === 'mobiletargeting:GetApp')?.decision).toBe('ImplicitDeny');
    } finally {
      await untagged.close();
    }
  }, 90_000);

  it('--policy and --principal together, or neither, are one line each, exit 2; lint --principal lints what IAM holds', async () => {
    const both = await cliAgainst(server.url, ['check', '--principal', 'auto', '--policy', 'x.json', '--operation', 'GetApps'], BACKEND_KEYS);
    expect([both.code, both.stderr.trim()]).toEqual([2, 'error: --policy: not with --principal, whose identity policies and boundary come from IAM (add --session or --scp to narrow them)']);
    const lint = await cliAgainst(server.url, ['lint', '--principal', 'auto', '--format', 'json'], BACKEND_KEYS);
    const files = (JSON.parse(lint.stdout) as { file: string }[]).map((f) => f.file);
    expect(files).toEqual([
      'inline policy abac of role backend', 'inline policy no-delete of role backend', 'managed policy arn:aws:iam::aws:policy/AmazonPinpointReadOnly (v2)',
      'permissions boundary arn:aws:iam::123456789012:policy/pinpoint-boundary (v1)',
    ]);
  }, 90_000);

  it('a --verify-aws failure is worded as a verification failure, with one period at the end of AWS\'s message', async () => {
    const unknown = { accessKeyId: 'AKIDNOBODY', secretAccessKey: 'nope' };
    const r = await cliAgainst(server.url, ['matrix', '--policy', 'examples/policies/app-backend.json', '--account', '123456789012', '--app', 'a1', '--json', '--verify-aws'], unknown);
    expect([r.code, r.stderr.trim()]).toEqual([2,
      "error: cannot verify with AWS's policy simulator: iam:SimulateCustomPolicy failed (InvalidClientTokenId): The security token included in the request is invalid."]);
    // Loading a principal still says so, and STS's message ends with one period, not two.
    const load = await cliAgainst(server.url, ['whoami'], unknown);
    expect([load.code, load.stderr.trim()]).toEqual([2,
      'error: cannot load the principal from IAM: sts:GetCallerIdentity failed (InvalidClientTokenId): The security token included in the request is invalid.']);
  }, 90_000);
});
