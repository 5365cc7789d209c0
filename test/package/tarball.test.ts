/**
 * The package as a user gets it: `npm pack`, installed into a new app (nothing of this repository beside it), where
 * every example type-checks against the shipped types and runs — the client against the testing kit over HTTP, the
 * test example under the app's own vitest, the CLI lines through the installed bin — and where
 * `pinpoint-guard/testing` serves HTTP without msw installed, naming msw only when its handlers are asked for, and its
 * declarations type-check without msw. Every entry of package.json `exports` imports by name.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PinpointClient } from '../../src/index.js';
import { startPinpointMockServer, type PinpointMockServer } from '../../src/testing/index.js';
import { exampleText, ROOT } from '../examples/examples.js';

const exec = promisify(execFile);
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const app = mkdtempSync(join(tmpdir(), 'pg-app-'));

interface Run { readonly code: number; readonly stdout: string; readonly stderr: string }
async function sh(cmd: string, args: readonly string[], env: Record<string, string> = {}): Promise<Run> {
  try {
    const { stdout, stderr } = await exec(cmd, args, { cwd: app, env: { ...process.env, NO_COLOR: '1', ...env }, timeout: 240_000, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === 'number' ? err.code : -1, stdout: err.stdout ?? '', stderr: err.stderr ?? String(e) };
  }
}
const ok = async (cmd: string, args: readonly string[]): Promise<string> => {
  const r = await sh(cmd, args);
  if (r.code !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.code}):\n${r.stderr}\n${r.stdout}`);
  return r.stdout;
};

let server: PinpointMockServer;
const ids = { app: '', segment: '' };

beforeAll(async () => {
  // npm pack runs the prepack build, so the tarball holds what `npm publish` would.
  const packed = JSON.parse((await exec(NPM, ['pack', '--json', '--pack-destination', app], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 })).stdout) as [{ filename: string }];
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'new-app', private: true, type: 'module' }));
  writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: false, types: ['node'] },
    include: ['examples'],
  }));
  // @aws-sdk/client-pinpoint: examples/officialSdk*.ts show the official SDK as a client of the testing kit.
  await ok(NPM, ['install', '--no-audit', '--no-fund', '--prefer-offline', join(app, packed[0].filename), 'msw@2', 'vitest@3', 'tsx@4', 'typescript@5.9', '@types/node@20', '@aws-sdk/client-pinpoint@3']);
  // The examples as shipped: what a user reads in node_modules is what runs here.
  cpSync(join(app, 'node_modules/pinpoint-guard/examples'), join(app, 'examples'), { recursive: true });
  server = await startPinpointMockServer({ port: 0 });
  const admin = new PinpointClient({ region: 'us-east-1', accountId: '123456789012', endpoint: server.url, credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' } });
  ids.app = (await admin.createApp({ CreateApplicationRequest: { Name: 'shop' } })).ApplicationResponse.Id;
  ids.segment = (await admin.createSegment({ ApplicationId: ids.app, WriteSegmentRequest: { Name: 'loyal' } })).SegmentResponse.Id;
}, 600_000);

afterAll(async () => {
  await server?.close();
  rmSync(app, { recursive: true, force: true });
});

describe('the packed package, installed into a new app', () => {
  it('ships its license, its docs and no source maps', () => {
    const pkg = join(app, 'node_modules/pinpoint-guard');
    expect(readdirSync(pkg).sort()).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'catalog', 'dist', 'examples', 'generated', 'package.json']));
    const maps = readdirSync(join(pkg, 'dist'), { recursive: true }).filter((f) => String(f).endsWith('.map'));
    expect(maps).toEqual([]);
    expect(readdirSync(join(pkg, 'generated/docs'))).toEqual(expect.arrayContaining(['README.md', 'end-of-support.md']));
  });

  it('ships every file the README links to, so the links work from the installed package', () => {
    const pkg = join(app, 'node_modules/pinpoint-guard');
    const readme = readFileSync(join(pkg, 'README.md'), 'utf8');
    const links = [...readme.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1] as string).filter((l) => !/^[a-z]+:/.test(l));
    expect(links.length).toBeGreaterThan(5);
    expect(links.filter((l) => !existsSync(join(pkg, l)))).toEqual([]);
  });

  it('type-checks every example against the shipped types (NodeNext, strict)', async () => {
    const r = await sh('npx', ['tsc', '-p', '.']);
    expect(r.stdout + r.stderr).toBe('');
    expect(r.code).toBe(0);
  }, 240_000);

  it('runs examples/client.ts against the testing kit', async () => {
    const r = await sh('npx', ['tsx', 'examples/client.ts', ids.app, ids.segment], { PINPOINT_ENDPOINT: server.url, AWS_ACCESS_KEY_ID: 'AKIDTEST', AWS_SECRET_ACCESS_KEY: 'test-secret' });
    expect(r.stdout).toContain('segment loyal');
    expect(r.stderr).toMatch(/^denied, nothing was sent: /m);
  }, 120_000);

  it.each(['examples/dry-run.ts', 'examples/evaluate.ts'])('runs %s', async (file) => {
    const r = await sh('npx', ['tsx', file]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  }, 120_000);

  it('runs the test example under the app\'s vitest', async () => {
    const r = await sh('npx', ['vitest', 'run', 'examples/verify-phone.test.ts']);
    expect(r.stdout).toMatch(/1 passed/);
    expect(r.code).toBe(0);
  }, 120_000);

  it('runs each CLI line through the installed bin, with the exit code it states', async () => {
    for (const line of ['cli', 'uncertain'].flatMap((region) => exampleText('examples/cli.sh', region).split('\n'))) {
      const want = Number(/# exit (\d)$/.exec(line)?.[1]);
      const args = line.replace(/\s+#.*$/, '').trim().split(/\s+/).slice(1);
      const r = await sh('npx', ['pinpoint-guard', ...args]);
      expect({ line, code: r.code }).toEqual({ line, code: want });
    }
  }, 240_000);

  it('imports every entry of package.json exports by name', async () => {
    const pkg = JSON.parse(readFileSync(join(app, 'node_modules/pinpoint-guard/package.json'), 'utf8')) as { exports: Record<string, unknown> };
    const entries = Object.keys(pkg.exports).filter((k) => k !== './package.json').map((k) => `pinpoint-guard${k.slice(1)}`);
    expect(entries).toEqual(expect.arrayContaining(['pinpoint-guard', 'pinpoint-guard/shapes', 'pinpoint-guard/policy', 'pinpoint-guard/tooling', 'pinpoint-guard/principal', 'pinpoint-guard/aws-sdk', 'pinpoint-guard/testing', 'pinpoint-guard/testing/msw']));
    const script = `for (const e of ${JSON.stringify(entries)}) { await import(e); } console.log('imported');`;
    const r = await sh(process.execPath, ['--input-type=module', '-e', script]);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('imported');
  }, 120_000);

  it('serves the testing kit over HTTP without msw, and names msw when its handlers are asked for', async () => {
    await ok(NPM, ['uninstall', '--no-audit', '--no-fund', 'msw']);
    const script = `
      import { startPinpointMockServer, createPinpointMock } from 'pinpoint-guard/testing';
      const server = await startPinpointMockServer({ port: 0 });
      console.log(server.url.startsWith('http://127.0.0.1:') ? 'served' : server.url);
      await server.close();
      try { createPinpointMock().handlers; } catch (e) { console.log(e.message); }`;
    const r = await sh(process.execPath, ['--input-type=module', '-e', script]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^served\n.*'msw'.*npm install --save-dev msw/s);
  }, 120_000);

  it('type-checks an app using pinpoint-guard/testing without msw installed (skipLibCheck: false)', async () => {
    if (existsSync(join(app, 'node_modules/msw'))) await ok(NPM, ['uninstall', '--no-audit', '--no-fund', 'msw']);
    const dir = join(app, 'no-msw');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ extends: '../tsconfig.json', include: ['app.ts'] }));
    writeFileSync(join(dir, 'app.ts'), [
      "import { createPinpointMock, startPinpointMockServer } from 'pinpoint-guard/testing';",
      'const handlers: readonly unknown[] = createPinpointMock().handlers;',
      'const server = await startPinpointMockServer({ port: 0 });',
      'console.log(handlers.length);',
      'await server.close();',
      '',
    ].join('\n'));
    const r = await sh('npx', ['tsc', '-p', 'no-msw']);
    expect(r.stdout + r.stderr).toBe('');
    expect(r.code).toBe(0);
  }, 240_000);
});
