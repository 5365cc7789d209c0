/**
 * The README's least-privilege-from-source examples, run as a user runs them on a small backend of their own: the
 * lines of examples/from-source.sh through the CLI from the project's folder, and examples/policyFromSource.ts with
 * PROJECT naming the project's tsconfig.json.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliLines, pinpointGuard, ROOT, tsx } from './examples.js';

const APP_ARN = 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/app-main';

/** A user's backend: a client module and one module calling it, with a fixed segment and a segment chosen by the caller. */
const BACKEND: Readonly<Record<string, string>> = {
  'package.json': JSON.stringify({ name: 'backend-app', private: true, type: 'module' }),
  'tsconfig.json': JSON.stringify({
    compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: true, noEmit: true },
    include: ['backend'],
  }),
  // The installed package's declarations, here the repository's own source (the published ones are dist/*.d.ts).
  'node_modules/pinpoint-guard/package.json': JSON.stringify({ name: 'pinpoint-guard', type: 'module', types: './index.d.ts' }),
  'node_modules/pinpoint-guard/index.d.ts': `export * from ${JSON.stringify(join(ROOT, 'src/index.js'))};\n`,
  'backend/pinpoint.ts': [
    "import { PinpointClient } from 'pinpoint-guard';",
    '',
    "export const APP = 'app-main';",
    "export const pinpoint = new PinpointClient({ region: 'us-east-1' });",
  ].join('\n'),
  'backend/segments.ts': [
    "import { APP, pinpoint } from './pinpoint.js';",
    '',
    "export const welcome = () => pinpoint.getSegment({ ApplicationId: APP, SegmentId: 'seg-welcome' });",
    '',
    'export function removeSegment(segmentId: string) {',
    '  return pinpoint.deleteSegment({ ApplicationId: APP, SegmentId: segmentId });',
    '}',
  ].join('\n'),
  // What IAM holds today: the segment reads, a list of projects no call makes, and no delete.
  'current-policy.json': JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Sid: 'ReadSegments', Effect: 'Allow', Action: 'mobiletargeting:GetSegment', Resource: `${APP_ARN}/segments/*` },
      { Sid: 'ListApps', Effect: 'Allow', Action: 'mobiletargeting:GetApps', Resource: '*' },
    ],
  }, null, 2),
};

/** The policy the backend's two calls need: the fixed segment exactly, the caller's segment as a wildcard. */
const NEEDED = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'LeastPrivilege1', Effect: 'Allow', Action: ['mobiletargeting:DeleteSegment'], Resource: [`${APP_ARN}/segments/*`] },
    { Sid: 'LeastPrivilege2', Effect: 'Allow', Action: ['mobiletargeting:GetSegment'], Resource: [`${APP_ARN}/segments/seg-welcome`] },
  ],
};

const folders: string[] = [];
afterAll(() => { for (const f of folders) rmSync(f, { recursive: true, force: true }); });

/** A new folder holding the backend, plus `extra` files. */
function project(extra: Readonly<Record<string, string>> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'pg-from-source-'));
  folders.push(dir);
  for (const [file, text] of Object.entries({ ...BACKEND, ...extra })) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

describe('examples/from-source.sh, line by line through the CLI from the project\'s folder', () => {
  const [generate, check] = cliLines('examples/from-source.sh', 'from-source');

  it('has the two lines this test runs', () => {
    expect([generate?.args.slice(0, 2), check?.args.slice(0, 2)]).toEqual([['policy', '--from-source'], ['policy', '--from-source']]);
    expect(check?.args).toContain('--check');
  });

  it(`${generate?.command}: writes the policy, and on stderr each Sid's call sites and the wildcard's reason`, async () => {
    const dir = project();
    const r = await pinpointGuard(generate!.args, { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'policy.json'), 'utf8'))).toEqual(NEEDED);
    expect(r.stderr).toMatch(/^Read 2 files: 2 calls of a Pinpoint client \(pinpoint-guard or @aws-sdk\/client-pinpoint\) found by type, 0 unresolved\./);
    expect(r.stderr).toContain(`  LeastPrivilege1: mobiletargeting:DeleteSegment on ${APP_ARN}/segments/*\n    backend/segments.ts:6 deleteSegment\n`);
    expect(r.stderr).toContain(`  LeastPrivilege2: mobiletargeting:GetSegment on ${APP_ARN}/segments/seg-welcome\n    backend/segments.ts:3 getSegment\n`);
    expect(r.stderr).toContain('backend/segments.ts:6 deleteSegment: SegmentId is unknown: `segmentId` is a parameter of removeSegment');
  });

  it(`${check?.command}: the call the policy would deny with its call site, and the grant no call uses (exit 1)`, async () => {
    const r = await pinpointGuard(check!.args, { cwd: project() });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(new RegExp(`\\nDenied .*\\n {2}mobiletargeting:DeleteSegment on ${APP_ARN}/segments/\\*: no statement allows .*\\n {4}segments\\.ts:6\\n`));
    expect(r.stdout).not.toMatch(/mobiletargeting:GetSegment on /);
    expect(r.stdout).toMatch(/\nGrants never called .*\n {2}"ListApps": mobiletargeting:GetApps on \*\n/);
    expect(r.code).toBe(1);
  });

  it('the second line passes (exit 0) once IAM holds the policy the first line wrote', async () => {
    const dir = project();
    expect((await pinpointGuard(generate!.args, { cwd: dir })).code).toBe(0);
    writeFileSync(join(dir, 'current-policy.json'), readFileSync(join(dir, 'policy.json')));
    const r = await pinpointGuard(check!.args, { cwd: dir });
    expect(r.stdout).toContain('The policy allows every found call (2).');
    expect(r.stdout).not.toMatch(/Denied|Grants never called/);
    expect(r.code).toBe(0);
  });
});

describe('examples/from-source.sh#entry: one principal\'s code, its project id from configuration', () => {
  const [entry] = cliLines('examples/from-source.sh', 'entry');

  it(`${entry?.command}: the server's calls only, with --app where the code reads the id from the environment`, async () => {
    const dir = project({
      // The server's client fixes Region and account; its project id comes from the environment.
      'backend/pinpoint.ts': [
        "import { PinpointClient } from 'pinpoint-guard';",
        '',
        "export const APP = process.env.APP_ID ?? '';",
        "export const pinpoint = new PinpointClient({ region: 'us-east-1', accountId: '123456789012' });",
      ].join('\n'),
      'backend/server.ts': "import { APP, pinpoint } from './pinpoint.js';\n\nexport const otp = (phone: string) => pinpoint.sendOTPMessage({ ApplicationId: APP, SendOTPMessageRequestParameters: { BrandName: 'Shop', Channel: 'SMS', DestinationIdentity: phone, OriginationIdentity: '+15550100', ReferenceId: 'login' } });\n",
      'backend/admin.ts': "import { pinpoint } from './pinpoint.js';\n\nexport const drop = (id: string) => pinpoint.deleteApp({ ApplicationId: id });\n",
    });
    const r = await pinpointGuard(entry!.args, { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'server-policy.json'), 'utf8'))).toEqual({
      Version: '2012-10-17',
      Statement: [{ Sid: 'LeastPrivilege1', Effect: 'Allow', Action: ['mobiletargeting:SendOTPMessage'], Resource: ['arn:aws:mobiletargeting:us-east-1:123456789012:apps/shopapp/otp'] }],
    });
    expect(r.stderr).toContain('  ApplicationId = shopapp (--app): used at 1 call site\n    backend/server.ts:3 sendOTPMessage\n');
    expect(r.stderr).toContain('backend/pinpoint.ts:4 new PinpointClient (pinpoint-guard): region us-east-1 (backend/pinpoint.ts:4, region of new PinpointClient); account 123456789012 (backend/pinpoint.ts:4, accountId of new PinpointClient)');
    expect(r.stderr).not.toContain('admin.ts');
  });
});

describe('examples/policyFromSource.ts', () => {
  it('prints the policy on stdout and the explanation on stderr, exit 0 when every call is resolved', async () => {
    const dir = project();
    const r = await tsx('examples/policyFromSource.ts', [], { env: { PROJECT: join(dir, 'tsconfig.json'), AWS_ACCOUNT_ID: '123456789012', AWS_REGION: 'us-east-1' } });
    expect(JSON.parse(r.stdout)).toEqual(NEEDED);
    expect(r.stderr).toMatch(/^Read 2 files: 2 calls of a Pinpoint client \(pinpoint-guard or @aws-sdk\/client-pinpoint\) found by type, 0 unresolved\.\n/);
    expect(r.stderr).toContain('    backend/segments.ts:3 getSegment\n');
    expect(r.code).toBe(0);
  });

  it('exit 1 when a call is unresolved, which the explanation lists and the policy does not grant', async () => {
    const dir = project({
      'backend/dynamic.ts': "import { APP, pinpoint } from './pinpoint.js';\n\nexport const byName = (name: 'getApp' | 'deleteApp') => pinpoint[name]({ ApplicationId: APP });\n",
    });
    const r = await tsx('examples/policyFromSource.ts', [], { env: { PROJECT: join(dir, 'tsconfig.json'), AWS_ACCOUNT_ID: '123456789012', AWS_REGION: 'us-east-1' } });
    expect(JSON.parse(r.stdout)).toEqual(NEEDED);
    expect(r.stderr).toMatch(/\nUnresolved calls .*\n {2}backend\/dynamic\.ts:3 pinpoint\[name\]\(.*\): computed method name `name`/);
    expect(r.code).toBe(1);
  });
});
