/**
 * examples/uncertain.ts (drafted in examples/README-guard.md) runs as written against the testing kit over HTTP; no
 * msw in this file, so the example's requests reach the kit's server.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PinpointClient } from '../../src/index.js';
import { startPinpointMockServer } from '../../src/testing/index.js';
import { ACCOUNT, CREDENTIALS } from './support.js';

describe('examples/uncertain.ts (examples/README-guard.md), against the testing kit over HTTP', () => {
  it('is refused with the key named, then sends once the address is supplied', async () => {
    const server = await startPinpointMockServer({ port: 0 });
    try {
      const admin = new PinpointClient({ region: 'us-east-1', accountId: ACCOUNT, endpoint: server.url, credentials: CREDENTIALS });
      const id = (await admin.createApp({ CreateApplicationRequest: { Name: 'shop' } })).ApplicationResponse.Id;
      const before = server.mock.requests.length;
      const run = promisify(execFile);
      const { stdout } = await run(process.execPath, ['--import', 'tsx', 'examples/uncertain.ts', id], {
        env: { ...process.env, PINPOINT_ENDPOINT: server.url, AWS_ACCESS_KEY_ID: 'AKIDTEST', AWS_SECRET_ACCESS_KEY: 'test-secret' }, timeout: 60_000,
      });
      expect(stdout).toContain("[ 'aws:SourceIp' ]");
      expect(stdout).toContain("context: { 'aws:SourceIp': … }");
      expect(stdout.trim().split('\n').at(-1)).toBe('shop');
      expect(server.mock.requests.slice(before).map((q) => q.operation)).toEqual(['GetApp']);
    } finally {
      await server.close();
    }
  }, 90_000);
});
