import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startIamMockServer, type IamMockServer } from '../../src/testing/iam/index.js';
import { BACKEND_KEYS, ROLE_ARN, iamOptions } from './support.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
function tsx(file: string, env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', file], { cwd: root, timeout: 60_000, env: { ...process.env, NO_COLOR: '1', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number((error as { code?: number }).code ?? -1) : 0, stdout, stderr }));
  });
}

let server: IamMockServer;
beforeAll(async () => { server = await startIamMockServer(iamOptions()); });
afterAll(() => server.close());

describe('the principal examples (examples/README-principal.md) run', () => {
  it('examples/iam-testing.ts: allowed by the ABAC tag, the delete refused', async () => {
    const r = await tsx('examples/iam-testing.ts', {});
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^denied: no statement allows mobiletargeting:DeleteApp/);
  }, 90_000);

  it('examples/loadPrincipal.ts against the emulated IAM/STS', async () => {
    const r = await tsx('examples/loadPrincipal.ts', { IAM_ENDPOINT: server.url, STS_ENDPOINT: server.url, AWS_ACCESS_KEY_ID: BACKEND_KEYS.accessKeyId, AWS_SECRET_ACCESS_KEY: BACKEND_KEYS.secretAccessKey, AWS_SESSION_TOKEN: '', AWS_PROFILE: '' });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(`${ROLE_ARN} AssumedRole`);
    expect(r.stdout).toContain('  inline: inline policy abac of role backend');
  }, 90_000);
});
