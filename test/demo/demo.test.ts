import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

describe('npm start (the demo)', () => {
  it('runs the scenario under the seed\'s three policies; no denied call reaches the server', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/demo/main.ts'], { env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
    expect(stdout).toMatch(/In-memory Amazon Pinpoint listening on http:\/\/127\.0\.0\.1:\d+/);
    expect(stdout).toMatch(/administrator \(mobiletargeting:\* on \*\)\s+9 allowed,\s+0 denied, denied calls that reached the server: 0/);
    expect(stdout).toMatch(/read-only, all apps\s+4 allowed,\s+5 denied, denied calls that reached the server: 0/);
    expect(stdout).toMatch(/read-only, one project\s+1 allowed,\s+8 denied, denied calls that reached the server: 0/);
    expect(stdout).toContain('The server saw 14 requests in all; no denied call reached it.');
    // The seed's erratum in action: GetApps' resource is literally apps/*, which is what lets Get* on apps/* allow it.
    expect(stdout).toMatch(/mobiletargeting:GetApps\s+\S+\s+server saw it: yes\s+ALLOW\n {4}identity\[0\] Statement\[0\] allows mobiletargeting:GetApps on arn:aws:mobiletargeting:us-east-1:111122223333:apps\/\*/);
    expect(stdout).toMatch(/mobiletargeting:GetSegment\s+end-of-support server saw it: no\s+DENY\s*\n {4}no statement allows .*(resource pattern "arn:aws:mobiletargeting:us-east-1:111122223333:apps\/0+1" did not match|…)/);
    // Every line fits 120 columns when piped, and no enum name is used as a word.
    expect(Math.max(...stdout.split('\n').map((l) => l.length))).toBeLessThanOrEqual(120);
    expect(stdout).not.toMatch(/ImplicitDeny|ExplicitDeny|Allow:/);
  }, 90_000);
});
