/**
 * `pinpoint-guard/testing`'s declarations compile in an app that has no msw (an optional peer dependency), with
 * `skipLibCheck: false`; `pinpoint-guard/testing/msw` is the entry that names msw's types. The package's declarations
 * are emitted into a temporary app's node_modules beside every installed package but msw, and `tsc` checks a tiny app
 * against them.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsc = join(root, 'node_modules/typescript/bin/tsc');
let app: string;

beforeAll(() => {
  app = mkdtempSync(join(tmpdir(), 'pg-no-msw-'));
  const modules = join(app, 'node_modules');
  const pkg = join(modules, 'pinpoint-guard');
  mkdirSync(pkg, { recursive: true });
  // Declarations only (the app is type-checked, not run), laid out as the package publishes them (dist/src, dist/generated).
  execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--emitDeclarationOnly', '--outDir', join(pkg, 'dist')], { stdio: 'pipe' });
  cpSync(join(root, 'package.json'), join(pkg, 'package.json'));
  for (const name of readdirSync(join(root, 'node_modules'))) {
    if (name === 'msw' || name === 'pinpoint-guard' || name.startsWith('.')) continue;
    symlinkSync(join(root, 'node_modules', name), join(modules, name));
  }
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: false, noEmit: true, types: ['node'] },
    files: ['app.ts'],
  }));
}, 180_000);

afterAll(() => { if (app) rmSync(app, { recursive: true, force: true }); });

function check(source: string): { ok: boolean; output: string } {
  writeFileSync(join(app, 'app.ts'), source);
  try {
    execFileSync(process.execPath, [tsc, '-p', join(app, 'tsconfig.json')], { cwd: app, stdio: 'pipe' });
    return { ok: true, output: '' };
  } catch (e) {
    const err = e as { stdout?: Buffer; stderr?: Buffer };
    return { ok: false, output: `${err.stdout?.toString() ?? ''}${err.stderr?.toString() ?? ''}` };
  }
}

// The cases run in order: the last one installs msw (a link) into the app.
describe('pinpoint-guard/testing without msw installed', () => {
  it('type-checks an app using the HTTP kit, the mocks and their handlers with skipLibCheck: false', () => {
    const result = check([
      "import { createIamMock, createPinpointMock, startPinpointMockServer, type PinpointMock } from 'pinpoint-guard/testing';",
      "import { PinpointClient } from 'pinpoint-guard';",
      'const mock: PinpointMock = createPinpointMock();',
      'const handlers: readonly unknown[] = [...mock.handlers, ...createIamMock().handlers];',
      'const server = await startPinpointMockServer({ port: 0 });',
      "const client = new PinpointClient({ region: 'us-east-1', accountId: '123456789012', policies: [], endpoint: server.url, credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });",
      'console.log(handlers.length, client);',
      'await server.close();',
      '',
    ].join('\n'));
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  }, 120_000);

  it('is a real check: the msw entry, which names msw types, does not compile there', () => {
    const result = check("import { createPinpointMock } from 'pinpoint-guard/testing/msw';\nconsole.log(createPinpointMock().handlers);\n");
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/Cannot find module 'msw'/);
  }, 120_000);

  it('with msw installed, pinpoint-guard/testing/msw types mock.handlers for setupServer', () => {
    symlinkSync(join(root, 'node_modules', 'msw'), join(app, 'node_modules', 'msw'));
    const result = check([
      "import { setupServer } from 'msw/node';",
      "import { createIamMock, createPinpointMock } from 'pinpoint-guard/testing/msw';",
      'const server = setupServer(...createPinpointMock().handlers, ...createIamMock().handlers);',
      'server.close();',
      '',
    ].join('\n'));
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  }, 120_000);
});
