import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIamMockServer, type IamMockServer } from '../../src/testing/iam/index.js';
import { cliAgainst } from './cli-support.js';
import { BACKEND_KEYS, iamOptions } from './support.js';

let server: IamMockServer;
beforeAll(async () => { server = await startIamMockServer(iamOptions()); });
afterAll(() => server.close());

describe('diff --before-principal', () => {
  it('compares a proposed policy file with what the principal holds in IAM today, loaded as whoami loads it', async () => {
    const r = await cliAgainst(server.url, ['diff', '--before-principal', 'auto', '--session-tags', 'none', '--after', 'examples/policies/diff-after.json', '--json'], BACKEND_KEYS);
    expect(r.stderr).toBe('');
    const d = JSON.parse(r.stdout) as { verdict: string; added: { action: string }[]; removed: { statements: { policy: string }[] }[] };
    expect(r.code).toBe(1);
    expect(d.verdict).toBe('new-access');
    // The role's ABAC statement allows GetApp for its own tag team=growth: a fact on both sides, so no GetApp is new.
    expect(d.added.map((c) => c.action)).not.toContain('mobiletargeting:GetApp');
    expect(d.added.map((c) => c.action)).toContain('mobiletargeting:SendMessages');
    expect(d.removed.flatMap((c) => c.statements.map((s) => s.policy))).toContain('managed policy arn:aws:iam::aws:policy/AmazonPinpointReadOnly (v2)');
    expect(server.mock.requests.map((q) => q.action)).toContain('GetCallerIdentity');
  }, 90_000);

  it("without --session-tags a role session's tags are unknown: the ABAC statement's GetApp may be new access", async () => {
    const r = await cliAgainst(server.url, ['diff', '--before-principal', 'auto', '--after', 'examples/policies/diff-after.json', '--json'], BACKEND_KEYS);
    const d = JSON.parse(r.stdout) as { added: { action: string }[] };
    expect(r.code).toBe(1);
    expect(d.added.map((c) => c.action)).toContain('mobiletargeting:GetApp');
  }, 90_000);

  it('--before with --before-principal: one line, exit 2', async () => {
    const r = await cliAgainst(server.url, ['diff', '--before-principal', 'auto', '--before', 'x.json', '--after', 'examples/policies/diff-after.json'], BACKEND_KEYS);
    expect([r.code, r.stderr.trim()]).toEqual([2, 'error: --before: not with --before-principal, whose identity policies and boundary come from IAM']);
  }, 90_000);
});
