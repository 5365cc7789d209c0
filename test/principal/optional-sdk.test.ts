import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

/**
 * In a child process where the IAM and STS clients cannot be resolved (a module hook refuses them): importing the
 * package root and `pinpoint-guard/principal` must work — neither loads them — and loadPrincipal must fail with an
 * error naming the package.
 */
describe('the AWS SDK IAM/STS clients are optional', () => {
  it('import("pinpoint-guard") and pinpoint-guard/principal do not load them; loadPrincipal names the missing package', async () => {
    const program = `
      await import('./src/index.ts');
      const root = await import('./src/principal/index.ts');
      const { readdirSync } = await import('node:fs');
      try {
        await root.loadPrincipal({ region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
        console.log('LOADED');
      } catch (e) {
        console.log(JSON.stringify({ name: e.name, code: e.code, message: e.message }));
      }`;
    const { stdout } = await run(process.execPath, ['--import', 'tsx', '--import', './test/principal/fixtures/without-sdk.mjs', '--input-type=module', '-e', program], { cwd: root });
    const outcome = JSON.parse(stdout.trim().split('\n').pop()!) as { name: string; code: string; message: string };
    expect(outcome).toEqual({
      name: 'PrincipalLoadError',
      code: 'MissingPackage',
      message: 'cannot load the principal from IAM: loading a principal needs the optional package @aws-sdk/client-iam; install it with npm install @aws-sdk/client-iam.',
    });
  });
});
