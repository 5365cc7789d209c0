import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { loadPrincipal, PrincipalLoadError, PRINCIPAL_SELF_READ_POLICY, type LoadPrincipalOptions } from '../../src/principal/index.js';
import { evaluate } from '../../src/policy/index.js';
import { startIamMockServer, type IamMockServer } from '../../src/testing/iam/index.js';
import {
  ACCOUNT, ANA_KEYS, BACKEND_KEYS, BLIND_KEYS, BOUNDARY_ARN, FEDERATED_KEYS, READONLY_ARN, ROLE_ARN, ROOT_KEYS, SESSION_ARN, USER_ARN, iamOptions, newIam,
} from './support.js';

let server: IamMockServer;
beforeAll(async () => { server = await startIamMockServer(iamOptions({ pageSize: 1 })); });
afterAll(() => server.close());
afterEach(() => server.mock.reset());

const over = (credentials: { accessKeyId: string; secretAccessKey: string }, extra: Partial<LoadPrincipalOptions> = {}): LoadPrincipalOptions => ({
  region: 'us-east-1', credentials, iamEndpoint: server.url, stsEndpoint: server.url, ...extra,
});
const actionsCalled = (): string[] => server.mock.requests.map((r) => r.action!);

describe('loadPrincipal: an assumed-role session', () => {
  it('asks STS who the credentials are, maps the session to its role and reads every document, paging each list to its end', async () => {
    const p = await loadPrincipal(over(BACKEND_KEYS));
    expect(p.principalArn).toBe(ROLE_ARN);
    expect(p.principalType).toBe('AssumedRole');
    expect(p.accountId).toBe(ACCOUNT);
    expect(p.sources.map((s) => [s.kind, s.name, s.versionId])).toEqual([
      ['inline', 'abac', undefined], ['inline', 'no-delete', undefined], ['managed', 'AmazonPinpointReadOnly', 'v2'], ['permissions-boundary', 'pinpoint-boundary', 'v1'],
    ]);
    expect(p.sources[2]).toMatchObject({ arn: READONLY_ARN, attachedTo: ROLE_ARN });
    expect(p.policySet.policies.map((d) => d.source)).toEqual([
      'inline policy abac of role backend', 'inline policy no-delete of role backend', `managed policy ${READONLY_ARN} (v2)`,
    ]);
    expect(p.policySet.permissionsBoundary?.source).toBe(`permissions boundary ${BOUNDARY_ARN} (v1)`);
    // Each list had two items and the emulation pages one at a time: the second page was asked for with the Marker.
    const called = actionsCalled();
    expect(called[0]).toBe('GetCallerIdentity');
    expect(new Set(called)).toEqual(new Set(['GetCallerIdentity', 'GetRole', 'ListRolePolicies', 'GetRolePolicy', 'ListAttachedRolePolicies', 'GetPolicy', 'GetPolicyVersion', 'ListRoleTags']));
    expect(server.mock.requests.filter((r) => r.action === 'ListRolePolicies').map((r) => r.params.Marker !== undefined)).toEqual([false, true]);
    expect(server.mock.requests.filter((r) => r.action === 'ListRoleTags')).toHaveLength(2);
    expect(server.mock.requests.find((r) => r.action === 'GetPolicyVersion' && r.params.PolicyArn === READONLY_ARN)?.params.VersionId).toBe('v2');
  });

  it('decodes the URL-encoded documents to the text the author wrote', async () => {
    const p = await loadPrincipal(over(BACKEND_KEYS));
    const noDelete = p.policySet.policies[1]!;
    expect(noDelete.statements[0]).toMatchObject({ sid: 'NoDelete', effect: 'Deny' });
    expect(noDelete.statements[0]!.conditions[0]!.values).toEqual(['a+b 100% ünï']);
  });

  it('sets the principal keys AWS sets for a role session, tags from the role and the session name in aws:userid', async () => {
    const p = await loadPrincipal(over(BACKEND_KEYS, { sessionTags: {} }));
    const roleId = server.mock.state.roles.get('backend')!.id;
    expect(p.context).toEqual({
      'aws:PrincipalArn': ROLE_ARN,
      'aws:PrincipalAccount': ACCOUNT,
      'aws:PrincipalType': 'AssumedRole',
      'aws:PrincipalIsAWSService': 'false',
      'aws:userid': `${roleId}:i-0abc`,
      'aws:PrincipalTag/team': 'growth',
      'aws:PrincipalTag/note': 'a+b 100% ünï',
    });
    // A role session has no aws:username: its absence is a fact, not an unknown.
    expect(p.knownKeys).toEqual(expect.arrayContaining(['aws:username', 'aws:PrincipalTag/*', 'aws:userid']));
    expect(p.notLoaded.join('\n')).toMatch(/session policies.*sessionPolicy[\s\S]*service control policies/);
    // The loaded set decides with the loaded keys: the ABAC statement allows, by the role's tag.
    expect(evaluate({ ...p.policySet, action: 'mobiletargeting:GetApp', resource: 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/a1', context: p.context }).decision).toBe('Allow');
  });

  it("without sessionTags, a role session's aws:PrincipalTag/* is unknown, not the role's tags: session tags could override them", async () => {
    const p = await loadPrincipal(over(BACKEND_KEYS));
    expect(Object.keys(p.context).filter((k) => k.startsWith('aws:PrincipalTag/'))).toEqual([]);
    expect(p.knownKeys).not.toContain('aws:PrincipalTag/*');
    expect(p.notLoaded.join('\n')).toMatch(/session tags .* unknown: pass the session's tags as sessionTags/);
  });

  it('session tags given override the role tags of the same key', async () => {
    const p = await loadPrincipal(over(BACKEND_KEYS, { sessionTags: { team: 'billing' } }));
    expect(p.context['aws:PrincipalTag/team']).toBe('billing');
  });

  it('loads a role named by ARN without asking STS; with no session, aws:userid is unknown and said so', async () => {
    const p = await loadPrincipal(over(BACKEND_KEYS, { principalArn: ROLE_ARN }));
    expect(actionsCalled()).not.toContain('GetCallerIdentity');
    expect(p.principalArn).toBe(ROLE_ARN);
    expect(p.context['aws:userid']).toBeUndefined();
    expect(p.knownKeys).not.toContain('aws:userid');
    expect(p.notLoaded.join('\n')).toContain('aws:userid (role-id:session-name): no session is named');
  });
});

describe('loadPrincipal: other principal kinds', () => {
  it('an IAM user: its own documents, then each group\'s inline and attached ones; aws:username and aws:userid', async () => {
    const p = await loadPrincipal(over(ANA_KEYS));
    expect(p.principalArn).toBe(USER_ARN);
    expect(p.principalType).toBe('User');
    expect(p.sources.map((s) => s.label)).toEqual([
      'inline policy own of user ana', 'inline policy devs-inline of group devs', `managed policy ${READONLY_ARN} (v2)`, 'inline policy ops-inline of group ops',
    ]);
    expect(p.sources[1]!.attachedTo).toBe(`arn:aws:iam::${ACCOUNT}:group/devs`);
    expect(p.context).toMatchObject({ 'aws:username': 'ana', 'aws:userid': server.mock.state.users.get('ana')!.id, 'aws:PrincipalType': 'User', 'aws:PrincipalTag/team': 'ops' });
    expect(new Set(actionsCalled())).toEqual(new Set([
      'GetCallerIdentity', 'GetUser', 'ListUserPolicies', 'GetUserPolicy', 'ListAttachedUserPolicies', 'ListUserTags', 'ListGroupsForUser',
      'ListGroupPolicies', 'GetGroupPolicy', 'ListAttachedGroupPolicies', 'GetPolicy', 'GetPolicyVersion',
    ]));
  });

  it('the root user: nothing IAM holds applies, so no policy is loaded and the outcome says so', async () => {
    const p = await loadPrincipal(over(ROOT_KEYS));
    expect([p.principalType, p.principalArn, p.policySet.policies.length]).toEqual(['Account', `arn:aws:iam::${ACCOUNT}:root`, 0]);
    expect(p.context).toEqual({ 'aws:PrincipalArn': `arn:aws:iam::${ACCOUNT}:root`, 'aws:PrincipalAccount': ACCOUNT, 'aws:PrincipalType': 'Account', 'aws:PrincipalIsAWSService': 'false', 'aws:userid': ACCOUNT });
    expect(p.notLoaded[0]).toContain('the root user is not governed by identity policies');
    expect(actionsCalled()).toEqual(['GetCallerIdentity']);
  });

  it('a federated user: the ARN names neither the calling user nor the session policy, so nothing is loaded and tags are unknown', async () => {
    const p = await loadPrincipal(over(FEDERATED_KEYS));
    expect(p.principalType).toBe('FederatedUser');
    expect(p.context['aws:userid']).toBe(`${ACCOUNT}:partner`);
    expect(p.knownKeys).not.toContain('aws:PrincipalTag/*');
    expect(p.notLoaded[0]).toContain('GetFederationToken');
  });
});

describe('loadPrincipal: faults', () => {
  it('a principal that cannot read itself: PrincipalLoadError naming the refused action and the self-read policy', async () => {
    const e = await loadPrincipal(over(BLIND_KEYS)).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(PrincipalLoadError);
    const err = e as PrincipalLoadError;
    expect([err.action, err.code]).toEqual(['iam:GetRole', 'AccessDenied']);
    expect(err.message).toContain(`cannot load the principal ${SESSION_ARN} from IAM: iam:GetRole was refused (AccessDenied): User: ${SESSION_ARN} is not authorized to perform: iam:GetRole`);
    expect(err.message).toContain(JSON.stringify(PRINCIPAL_SELF_READ_POLICY));
  });

  it('a policy document that does not parse fails the load closed, naming the document', async () => {
    server.mock.state.roles.get('backend')!.inline.set('broken', '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"mobiletargeting:*"}]}');
    try {
      const e = (await loadPrincipal(over(BACKEND_KEYS)).catch((x: unknown) => x)) as PrincipalLoadError;
      expect(e.code).toBe('MalformedPolicy');
      expect(e.message).toContain('inline policy broken of role backend does not parse, so the guard denies every call');
      expect(e.message).toContain('Statement[0]');
    } finally {
      server.mock.state.roles.get('backend')!.inline.delete('broken');
    }
  });

  it('throttling is retried by the SDK; beyond its attempts the error names Throttling and the action', async () => {
    server.mock.injectFault({ action: 'GetRolePolicy', error: 'Throttling', times: 2 });
    const p = await loadPrincipal(over(BACKEND_KEYS, { maxAttempts: 3 }));
    expect(p.policySet.policies).toHaveLength(3);
    expect(server.mock.requests.filter((r) => r.error === 'Throttling')).toHaveLength(2);
    server.mock.injectFault({ action: 'ListRoleTags', error: 'Throttling', times: 2 });
    const e = (await loadPrincipal(over(BACKEND_KEYS, { maxAttempts: 2 })).catch((x: unknown) => x)) as PrincipalLoadError;
    expect([e.action, e.code]).toEqual(['iam:ListRoleTags', 'Throttling']);
  }, 20_000);

  it('a policy version that vanishes between GetPolicy and GetPolicyVersion is read again; twice is an error naming it', async () => {
    server.mock.injectFault({ action: 'GetPolicyVersion', error: 'NoSuchEntity' });
    const p = await loadPrincipal(over(BACKEND_KEYS, { principalArn: ROLE_ARN }));
    expect(p.sources.find((s) => s.arn === READONLY_ARN)?.versionId).toBe('v2');
    const policy = server.mock.state.policies.get(READONLY_ARN)!;
    policy.versions.delete('v2');
    try {
      const e = (await loadPrincipal(over(BACKEND_KEYS, { principalArn: ROLE_ARN })).catch((x: unknown) => x)) as PrincipalLoadError;
      expect([e.action, e.code]).toEqual(['iam:GetPolicyVersion', 'NoSuchEntity']);
      expect(e.message).toContain(`the default version v2 of ${READONLY_ARN} vanished while it was read (twice)`);
    } finally {
      policy.versions.set('v2', { document: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'mobiletargeting:List*', Resource: '*' }] }), createDate: '2026-01-01T00:00:00Z' });
    }
  });

  it('refuses bad options naming the field', async () => {
    await expect(loadPrincipal({ region: 'mars-1' })).rejects.toThrow('loadPrincipal: options.region: expected an AWS Region name, got "mars-1"');
    await expect(loadPrincipal({ region: 'us-east-1', principalArn: 'arn:aws:s3:::bucket' })).rejects.toThrow('options.principalArn: expected a role, user, assumed-role, root or federated-user ARN');
  });
});

describe('loadPrincipal: a principal with hundreds of attached policies', () => {
  it('pages and reads all of them with bounded concurrency', async () => {
    const arns = Array.from({ length: 201 }, (_, i) => `arn:aws:iam::${ACCOUNT}:policy/p${i}`);
    const big = await startIamMockServer({
      accountId: ACCOUNT,
      policies: arns.map((arn, i) => ({ arn, versions: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: `mobiletargeting:Get${i}`, Resource: '*' }] }] })),
      roles: [{ name: 'wide', attachedPolicies: arns }],
      callers: [{ accessKeyId: 'AKIDWIDE', arn: `arn:aws:sts::${ACCOUNT}:assumed-role/wide/s` }],
    });
    try {
      const p = await loadPrincipal({ region: 'us-east-1', credentials: { accessKeyId: 'AKIDWIDE', secretAccessKey: 'x' }, iamEndpoint: big.url, stsEndpoint: big.url });
      expect(p.policySet.policies).toHaveLength(201);
      expect(p.sources.map((s) => s.arn)).toEqual(arns);
      // IAM's default page is 100 items: three pages.
      expect(big.mock.requests.filter((r) => r.action === 'ListAttachedRolePolicies')).toHaveLength(3);
    } finally {
      await big.close();
    }
  });
});

describe('loadPrincipal through msw at the public endpoints', () => {
  const iam = newIam();
  const msw = setupServer();
  beforeAll(async () => { msw.use(...iam.handlers); msw.listen({ onUnhandledRequest: 'error' }); });
  afterAll(() => msw.close());

  it('calls STS Regionally and IAM globally, as the SDK resolves them', async () => {
    const p = await loadPrincipal({ region: 'eu-west-1', credentials: BACKEND_KEYS });
    expect(p.principalArn).toBe(ROLE_ARN);
    expect(iam.requests.map((r) => r.service)).toContain('sts');
  });
});
