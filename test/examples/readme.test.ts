/**
 * What a user copies works: every code block of the README is a file under examples/ (or a marked region of one), the
 * files type-check, and each one runs — the client against the testing kit over HTTP, the CLI lines with the exit codes
 * they state, the test file under vitest (it is in vitest's include), the rest as programs.
 */
import { readFileSync, readdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PinpointClient } from '../../src/index.js';
import { startPinpointMockServer, type PinpointMockServer } from '../../src/testing/index.js';
import viteConfig from '../../vitest.config.js';
import { cliLines, exampleText, pinpointGuard, readmeBlocks, ROOT, tsx } from './examples.js';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const blocks = readmeBlocks(README);
const EXAMPLES = readdirSync(join(ROOT, 'examples')).filter((f) => /\.(ts|sh)$/.test(f)).map((f) => `examples/${f}`);

describe('README code blocks', () => {
  it('has code blocks, each marked with the example it comes from', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(6);
    const unmarked = blocks.filter((b) => b.example === undefined).map((b) => `README.md:${b.line}: a \`\`\`${b.lang} block with no <!-- example: … --> marker before it`);
    expect(unmarked).toEqual([]);
  });

  it.each(blocks.filter((b) => b.example).map((b) => [`README.md:${b.line} = ${b.example!.file}${b.example!.region ? `#${b.example!.region}` : ''}`, b] as const))(
    '%s, to the character',
    (_, b) => expect(b.code).toBe(exampleText(b.example!.file, b.example!.region)),
  );

  it('uses every example file', () => {
    const used = new Set(blocks.flatMap((b) => (b.example ? [b.example.file] : [])));
    // Files a README block's program imports are used through it.
    const helpers = ['examples/verify-phone.ts'];
    expect(EXAMPLES.filter((f) => !used.has(f) && !helpers.includes(f))).toEqual([]);
  });
});

describe('the examples', () => {
  it('type-check under the project\'s strict settings', () => {
    const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
    const files = EXAMPLES.filter((f) => f.endsWith('.ts')).map((f) => join(ROOT, f));
    const program = ts.createProgram(files, { ...config.options, noEmit: true });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.formatDiagnostic(d, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => ROOT, getNewLine: () => '\n' }));
    expect(diagnostics).toEqual([]);
  }, 120_000);

  it('the test example is one vitest runs', () => {
    expect(viteConfig.test?.include).toContain('examples/**/*.test.ts');
  });

  describe('examples/client.ts, against the testing kit over HTTP', () => {
    let server: PinpointMockServer;
    const ids = { app: '', segment: '' };
    beforeAll(async () => {
      server = await startPinpointMockServer({ port: 0 });
      const admin = new PinpointClient({ region: 'us-east-1', accountId: '123456789012', endpoint: server.url, credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' } });
      ids.app = (await admin.createApp({ CreateApplicationRequest: { Name: 'shop' } })).ApplicationResponse.Id;
      ids.segment = (await admin.createSegment({ ApplicationId: ids.app, WriteSegmentRequest: { Name: 'loyal' } })).SegmentResponse.Id;
    });
    afterAll(() => server.close());
    const env = (): Record<string, string> => ({ PINPOINT_ENDPOINT: server.url, AWS_ACCESS_KEY_ID: 'AKIDTEST', AWS_SECRET_ACCESS_KEY: 'test-secret' });

    it('reads the segment, and is refused the delete before anything is sent', async () => {
      const before = server.mock.requests.length;
      const r = await tsx('examples/client.ts', [ids.app, ids.segment], { env: env() });
      expect(r.stdout).toContain('segment loyal');
      expect(r.stderr).toMatch(/^denied, nothing was sent: .*mobiletargeting:DeleteSegment/m);
      expect(r.code).toBe(1);
      expect(server.mock.requests.slice(before).map((q) => q.operation)).toEqual(['GetSegment']);
    });

    it('reports an error that is not a denial (a segment that does not exist) instead of swallowing it', async () => {
      const r = await tsx('examples/client.ts', [ids.app, 'no-such-segment'], { env: env() });
      expect(r.stderr).toMatch(/^NotFoundException: /m);
      expect(r.code).toBe(1);
    });

    it('reports missing credentials', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'pg-no-creds-'));
      const r = await tsx('examples/client.ts', [ids.app, ids.segment], { env: {
        PINPOINT_ENDPOINT: server.url, AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_PROFILE: '', HOME: dir, AWS_CONFIG_FILE: join(dir, 'none'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none'),
      } });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/credential/i);
    });
  });

  it('examples/dry-run.ts prints a decision, lint findings and a verified policy', async () => {
    const r = await tsx('examples/dry-run.ts', []);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('Allow');
    expect(r.stdout.split('\n')[1]).toMatch(/"ReadProject"/);
    expect(r.stdout).toMatch(/^error Statement\[1\]\.Action.*SendMessage/m);
    expect(r.stdout).toContain('"mobiletargeting:SendMessages"');
    expect(r.stdout).toContain('it allows every call, and nothing else');
  });

  it('examples/evaluate.ts substitutes ${aws:username} and allows', async () => {
    const r = await tsx('examples/evaluate.ts', []);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('Allow');
  });

  it.each(['cli', 'uncertain'].flatMap((region) => cliLines('examples/cli.sh', region)).map((line) => [line.command, line] as const))(
    'examples/cli.sh: %s',
    async (_, line) => {
      const want = Number(/^exit (\d)$/.exec(line.comment)?.[1]);
      const out = mkdtempSync(join(tmpdir(), 'pg-cli-'));
      const r = await pinpointGuard(line.args.map((a) => (a === 'matrix.html' ? join(out, a) : a)));
      expect(r.stderr.split('\n').filter((l) => l.startsWith('error:'))).toEqual([]);
      expect(r.code).toBe(want);
    },
  );

  it('examples/getting-started.sh names the package\'s own scripts', () => {
    const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    const used = [...exampleText('examples/getting-started.sh', 'two-commands').matchAll(/npm (?:run )?(\w+)/g)].map((m) => m[1] as string).filter((s) => s !== 'install');
    expect(used).toEqual(['start', 'test']);
    for (const s of used) expect(scripts[s]).toBeTruthy();
  });
});
