/**
 * The README's principal examples, run as a user runs them, against the testing kit's emulated IAM/STS (and
 * Pinpoint): the TypeScript programs with the endpoints in the environment variables they read, the shell lines of
 * examples/whoami.sh through the CLI with the AWS SDK's own endpoint variables (AWS_ENDPOINT_URL_IAM/_STS).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PinpointClient } from '../../src/index.js';
import { startPinpointMockServer, type PinpointMockServer } from '../../src/testing/index.js';
import { startIamMockServer, type IamMockOptions, type IamMockServer } from '../../src/testing/iam/index.js';
import { cliLines, tsx } from '../examples/examples.js';
import { cliAgainst, signingAs } from './cli-support.js';
import { ABAC_POLICY, ACCOUNT, ANA_KEYS, BACKEND_KEYS, BLIND_KEYS, ROLE_ARN, USER_ARN, iamOptions } from './support.js';

type Keys = { readonly accessKeyId: string; readonly secretAccessKey: string };

/** The examples' own endpoint variables, pointed at one emulated IAM/STS. */
const endpoints = (iam: IamMockServer): Record<string, string> => ({ IAM_ENDPOINT: iam.url, STS_ENDPOINT: iam.url });

/** A user whose only grant for GetApp is through the app's tag, which the client reads with ListTagsForResource. */
const REPORTER_KEYS = { accessKeyId: 'AKIDREPORTER', secretAccessKey: 'secret-reporter' } as const;
const REPORTER_POLICY = {
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: 'mobiletargeting:GetApp', Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/team': 'growth' } } },
    { Effect: 'Allow', Action: 'mobiletargeting:ListTagsForResource', Resource: '*' },
  ],
};

function withReporter(): IamMockOptions {
  const base = iamOptions();
  return {
    ...base,
    users: [...(base.users ?? []), { name: 'reporter', inlinePolicies: { 'tagged-apps': REPORTER_POLICY } }],
    callers: [...(base.callers ?? []), { accessKeyId: REPORTER_KEYS.accessKeyId, arn: `arn:aws:iam::${ACCOUNT}:user/reporter` }],
  };
}

let iam: IamMockServer;
beforeAll(async () => { iam = await startIamMockServer(withReporter()); });
afterAll(() => iam.close());

describe('the principal examples run', () => {
  it('examples/iam-testing.ts: allowed by the ABAC tag, the delete refused', async () => {
    const r = await tsx('examples/iam-testing.ts');
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^denied: no statement allows mobiletargeting:DeleteApp/);
  });

  it('examples/loadPrincipal.ts against the emulated IAM/STS', async () => {
    const r = await tsx('examples/loadPrincipal.ts', [], { env: { ...endpoints(iam), ...signingAs(BACKEND_KEYS) } });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(`${ROLE_ARN} AssumedRole`);
    expect(r.stdout).toContain('  inline: inline policy abac of role backend');
  });
});

describe('examples/verify-aws.ts: the guard and AWS\'s simulator side by side', () => {
  const APP_ARN = `arn:aws:mobiletargeting:us-east-1:${ACCOUNT}:apps/a1`;
  const run = () => tsx('examples/verify-aws.ts', [], { env: { ...endpoints(iam), ...signingAs(BACKEND_KEYS), APP_ARN } });

  it('prints both decisions for each action, exit 0 when they agree', async () => {
    // AWS's answers as the role's policies give them: the ABAC tag allows GetApp, the "no-delete" statement denies DeleteApp.
    iam.mock.simulator = (q) => (q.action === 'mobiletargeting:GetApp' ? 'allowed' : 'explicitDeny');
    iam.mock.reset();
    const r = await run();
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('mobiletargeting:GetApp: guard allowed, AWS allowed\nmobiletargeting:DeleteApp: guard explicitDeny, AWS explicitDeny\n');
    expect(r.code).toBe(0);
    const asked = iam.mock.requests.filter((q) => q.action === 'SimulatePrincipalPolicy');
    expect(asked.map((q) => [q.params.PolicySourceArn, q.params['ResourceArns.member.1']])).toEqual([[ROLE_ARN, APP_ARN]]);
  });

  it('exit 1 when AWS disagrees, the line naming both answers', async () => {
    iam.mock.simulator = () => 'allowed';
    const r = await run();
    expect(r.stdout.split('\n')).toContain('mobiletargeting:DeleteApp: guard explicitDeny, AWS allowed');
    expect(r.code).toBe(1);
  });
});

describe('examples/principal-client.ts: a client deciding with the principal IAM holds', () => {
  let pinpoint: PinpointMockServer;
  const apps = { growth: '', ops: '' };
  beforeAll(async () => {
    pinpoint = await startPinpointMockServer({ port: 0 });
    const admin = new PinpointClient({ region: 'us-east-1', accountId: ACCOUNT, endpoint: pinpoint.url, credentials: { accessKeyId: 'AKIDADMIN', secretAccessKey: 'admin' }, mode: 'off', lifecycle: 'off' });
    const create = async (Name: string, team: string) => (await admin.createApp({ CreateApplicationRequest: { Name, tags: { team } } })).ApplicationResponse.Id;
    apps.growth = await create('shop', 'growth');
    apps.ops = await create('billing', 'ops');
  });
  afterAll(() => pinpoint.close());

  /** Runs the example as the owner of `keys` on `app`; the Pinpoint operations it sent. */
  async function run(keys: Keys, app: string) {
    const before = pinpoint.mock.requests.length;
    const r = await tsx('examples/principal-client.ts', [], { env: { ...endpoints(iam), ...signingAs(keys), PINPOINT_ENDPOINT: pinpoint.url, APP_ID: app, AWS_REGION: 'us-east-1' } });
    return { ...r, sent: pinpoint.mock.requests.slice(before).map((q) => q.operation) };
  }

  it('the role tagged team=growth reads the project: its name on stdout', async () => {
    const r = await run(BACKEND_KEYS, apps.growth);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('shop\n');
    expect(r.code).toBe(0);
    expect(r.sent).toEqual(['GetApp']);
  });

  it('a user IAM grants no GetApp: the reason on stderr, nothing sent', async () => {
    const r = await run(ANA_KEYS, apps.growth);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^no statement allows mobiletargeting:GetApp on arn:aws:mobiletargeting:us-east-1:${ACCOUNT}:apps/${apps.growth}`));
    expect(r.code).toBe(0);
    expect(r.sent).toEqual([]);
  });

  it('a principal that cannot read itself: the refused IAM action and the self-read policy on stderr, nothing sent', async () => {
    const r = await run(BLIND_KEYS, apps.growth);
    expect(r.stderr).toMatch(/^iam:GetRole cannot load the principal .* iam:GetRole was refused \(AccessDenied\).*PRINCIPAL_SELF_READ_POLICY/);
    expect(r.sent).toEqual([]);
  });

  it('resourceTags: \'fetch\' reads the project\'s tags, then calls GetApp only on the project tagged team=growth', async () => {
    const growth = await run(REPORTER_KEYS, apps.growth);
    expect([growth.stdout, growth.stderr]).toEqual(['shop\n', '']);
    expect(growth.sent).toEqual(['ListTagsForResource', 'GetApp']);
    const ops = await run(REPORTER_KEYS, apps.ops);
    expect(ops.stdout).toBe('');
    expect(ops.stderr).toMatch(/aws:ResourceTag\/team/);
    expect(ops.sent).toEqual(['ListTagsForResource']);
  });
});

describe('examples/whoami.sh, line by line through the CLI', () => {
  // The role the example names, arn:aws:iam::123456789012:role/backend (at the root path), with the ABAC policy only.
  const EXAMPLE_ROLE = `arn:aws:iam::${ACCOUNT}:role/backend`;
  const [whoami, check, lint] = cliLines('examples/whoami.sh', 'whoami');
  let server: IamMockServer;
  beforeAll(async () => {
    server = await startIamMockServer(iamOptions({ roles: [{ name: 'backend', inlinePolicies: { abac: ABAC_POLICY }, tags: { team: 'growth' } }] }));
    // AWS's answers as the policies give them: the role may GetApp, ana may not.
    server.mock.simulator = (q) => (q.policySourceArn === EXAMPLE_ROLE ? 'allowed' : 'implicitDeny');
  });
  afterAll(() => server.close());
  const cli = (args: readonly string[], keys: Keys) => cliAgainst(server.url, args, keys);

  it('has the three lines this test runs', () => {
    expect([whoami?.args[0], check?.args[0], lint?.args[0]]).toEqual(['whoami', 'check', 'lint']);
  });

  it(`${whoami?.command}: ${whoami?.comment}`, async () => {
    const r = await cli(whoami!.args, BACKEND_KEYS);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(`${EXAMPLE_ROLE} (AssumedRole, account ${ACCOUNT})`);
    expect(r.stdout).toContain('policies (1):\n  inline               inline policy abac of role backend\n');
    expect(r.stdout).toMatch(/\nprincipal keys:\n(  .*\n)*  aws:PrincipalTag\/team = growth\n/);
  });

  it(`${check?.command}: ${check?.comment}`, async () => {
    expect(check!.comment).toMatch(/^exit 0 allow, 1 deny$/);
    const allowed = await cli(check!.args, BACKEND_KEYS);
    expect(allowed.stderr).toBe('');
    expect(allowed.stdout).toMatch(new RegExp(`^✔ ALLOW  mobiletargeting:GetApp on arn:aws:mobiletargeting:us-east-1:${ACCOUNT}:apps/project1\\n`));
    expect(allowed.stdout).toContain("AWS's simulator (SimulatePrincipalPolicy) agrees on all 1 pair(s).");
    expect(allowed.code).toBe(0);
    const denied = await cli(check!.args, ANA_KEYS);
    expect(denied.stderr).toBe('');
    expect(denied.stdout).toMatch(/^· IMPLICIT DENY  mobiletargeting:GetApp on /);
    expect(denied.stdout).toContain("AWS's simulator (SimulatePrincipalPolicy) agrees on all 1 pair(s).");
    expect(denied.code).toBe(1);
    const simulated = server.mock.requests.filter((q) => q.action === 'SimulatePrincipalPolicy').map((q) => q.params.PolicySourceArn);
    expect(simulated).toEqual([EXAMPLE_ROLE, USER_ARN]);
  });

  it(`${lint?.command}: lints the policies IAM holds for that role`, async () => {
    const r = await cli(lint!.args, BACKEND_KEYS);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^inline policy abac of role backend: no findings\n/);
    expect(r.code).toBe(0);
    expect(server.mock.requests.filter((q) => q.action === 'GetRole').at(-1)?.params.RoleName).toBe('backend');
  });
});
