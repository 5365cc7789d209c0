import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliAgainst, type CliRun } from './cli-support.js';
import { startIamMockServer, type IamMockServer } from '../../src/testing/iam/index.js';
import { BACKEND_KEYS, BLIND_KEYS, ROLE_ARN, iamOptions } from './support.js';

let server: IamMockServer;
beforeAll(async () => { server = await startIamMockServer(iamOptions()); });
afterAll(() => server.close());

const cli = (args: string[], keys: { accessKeyId: string; secretAccessKey: string }): Promise<CliRun> => cliAgainst(server.url, args, keys);

describe('pinpoint-guard whoami', () => {
  it('prints the principal, each policy with its source, the principal keys and what IAM cannot tell', async () => {
    const r = await cli(['whoami', '--session-tags', 'none'], BACKEND_KEYS);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(`${ROLE_ARN} (AssumedRole, account 123456789012)`);
    expect(r.stdout).toContain('policies (4):\n  inline               inline policy abac of role backend\n');
    expect(r.stdout).toContain('  permissions-boundary permissions boundary arn:aws:iam::123456789012:policy/pinpoint-boundary (v1)');
    expect(r.stdout).toContain('  aws:PrincipalTag/team = growth');
    expect(r.stdout).toContain('not loaded (IAM cannot tell):');
  }, 60_000);

  it('--json prints the loaded principal; a principal that cannot read itself is one line naming the refused action, exit 2', async () => {
    const json = await cli(['whoami', '--principal', ROLE_ARN, '--session-tags', 'none', '--json'], BACKEND_KEYS);
    expect(JSON.parse(json.stdout)).toMatchObject({ principalArn: ROLE_ARN, principalType: 'AssumedRole', context: { 'aws:PrincipalTag/team': 'growth' } });
    const blind = await cli(['whoami'], BLIND_KEYS);
    expect(blind.code).toBe(2);
    expect(blind.stderr).toMatch(/^error: cannot load the principal arn:aws:sts::123456789012:assumed-role\/backend\/i-0abc from IAM: iam:GetRole was refused \(AccessDenied\)/);
    expect(blind.stderr.trim().split('\n')).toHaveLength(1);
    const bad = await cli(['whoami', '--principal', 'arn:aws:s3:::b'], BACKEND_KEYS);
    expect([bad.code, bad.stderr.trim()]).toEqual([2, 'error: --principal: expected a role, user, assumed-role, root or federated-user ARN, got "arn:aws:s3:::b"']);
  }, 60_000);
});
