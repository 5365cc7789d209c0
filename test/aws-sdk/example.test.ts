/** examples/awsSdkPlugin.ts (the README's "already on the AWS SDK?" block) runs as a program: allowed calls sent, the denied one not. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

describe('examples/awsSdkPlugin.ts', () => {
  it('sends CreateApp and GetApp, refuses DeleteApp with AccessDeniedError, and the kit never sees it', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'examples/awsSdkPlugin.ts'], { timeout: 60_000 });
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toBe('got shop');
    expect(lines[1]).toMatch(/^AccessDeniedError: no statement allows mobiletargeting:DeleteApp on arn:aws:mobiletargeting:us-east-1:123456789012:apps\/\w+/);
    expect(lines[2]).toBe('Pinpoint saw: CreateApp, GetApp');
  });
});
