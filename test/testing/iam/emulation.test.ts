import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIamMockServer, createIamMock, type IamMockServer } from '../../../src/testing/iam/index.js';
import { iamOptions, SESSION_ARN, ROLE_ARN } from '../../principal/support.js';

/** A hand-made Query request, as any client of IAM sends it: a form-encoded POST signed with an access key. */
async function post(url: string, params: Record<string, string>, accessKeyId = 'AKIDBACKEND'): Promise<{ status: number; body: string }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
      authorization: `AWS4-HMAC-SHA256 Credential=${accessKeyId}/20261129/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=00`,
    },
    body: new URLSearchParams(params).toString(),
  });
  return { status: res.status, body: await res.text() };
}

const IAM = { Version: '2010-05-08' };
const requestIdOf = (body: string): string => /<RequestId>([^<]+)<\/RequestId>/.exec(body)![1]!;

describe('the emulated IAM and STS over HTTP', () => {
  let server: IamMockServer;
  beforeAll(async () => { server = await startIamMockServer({ ...iamOptions(), pageSize: 1 }); });
  afterAll(() => server.close());

  it('answers STS GetCallerIdentity with the caller of the access key, in STS XML', async () => {
    const { status, body } = await post(server.url, { Action: 'GetCallerIdentity', Version: '2011-06-15' });
    expect(status).toBe(200);
    const roleId = server.mock.state.roles.get('backend')!.id;
    expect(roleId).toMatch(/^AROA[A-Z2-7]{17}$/);
    expect(body).toBe(
      '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>'
      + `<Arn>${SESSION_ARN}</Arn><UserId>${roleId}:i-0abc</UserId><Account>123456789012</Account>`
      + `</GetCallerIdentityResult><ResponseMetadata><RequestId>${requestIdOf(body)}</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
    );
  });

  it('answers GetRole with the role, its boundary and tags', async () => {
    const { body } = await post(server.url, { ...IAM, Action: 'GetRole', RoleName: 'backend' });
    expect(body).toMatch(/^<GetRoleResponse xmlns="https:\/\/iam\.amazonaws\.com\/doc\/2010-05-08\/"><GetRoleResult><Role>/);
    expect(body).toContain(`<Path>/service/</Path><RoleName>backend</RoleName><RoleId>AROA`);
    expect(body).toContain(`<Arn>${ROLE_ARN}</Arn>`);
    expect(body).toContain('<PermissionsBoundary><PermissionsBoundaryType>Policy</PermissionsBoundaryType><PermissionsBoundaryArn>arn:aws:iam::123456789012:policy/pinpoint-boundary</PermissionsBoundaryArn></PermissionsBoundary>');
    expect(body).toContain('<Tags><member><Key>team</Key><Value>growth</Value></member><member><Key>note</Key><Value>a+b 100% ünï</Value></member></Tags>');
  });

  it('pages lists with MaxItems, IsTruncated and an opaque Marker', async () => {
    const first = await post(server.url, { ...IAM, Action: 'ListRolePolicies', RoleName: 'backend' });
    expect(first.body).toContain('<ListRolePoliciesResult><PolicyNames><member>abac</member></PolicyNames><IsTruncated>true</IsTruncated><Marker>');
    const marker = /<Marker>([^<]+)<\/Marker>/.exec(first.body)![1]!;
    const second = await post(server.url, { ...IAM, Action: 'ListRolePolicies', RoleName: 'backend', Marker: marker });
    expect(second.body).toContain('<PolicyNames><member>no-delete</member></PolicyNames><IsTruncated>false</IsTruncated></ListRolePoliciesResult>');
    const bad = await post(server.url, { ...IAM, Action: 'ListRolePolicies', RoleName: 'backend', Marker: 'bm9wZQ==' });
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('<Code>InvalidInput</Code>');
  });

  it('returns policy documents URL-encoded, as IAM does', async () => {
    const { body } = await post(server.url, { ...IAM, Action: 'GetRolePolicy', RoleName: 'backend', PolicyName: 'no-delete' });
    const encoded = /<PolicyDocument>([^<]+)<\/PolicyDocument>/.exec(body)![1]!;
    expect(encoded).toMatch(/^%7B%22Version%22%3A%222012-10-17%22/);
    expect(decodeURIComponent(encoded)).toContain('"a+b 100% ünï"');
    const version = await post(server.url, { ...IAM, Action: 'GetPolicyVersion', PolicyArn: 'arn:aws:iam::aws:policy/AmazonPinpointReadOnly', VersionId: 'v2' });
    expect(version.body).toContain('<VersionId>v2</VersionId><IsDefaultVersion>true</IsDefaultVersion>');
  });

  it("answers IAM's errors in IAM's XML error body: NoSuchEntity, AccessDenied, Throttling, ValidationError, InvalidClientTokenId", async () => {
    const missing = await post(server.url, { ...IAM, Action: 'GetRole', RoleName: 'nobody' });
    expect(missing.status).toBe(404);
    expect(missing.body).toBe(
      '<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type><Code>NoSuchEntity</Code>'
      + `<Message>The role with name nobody cannot be found.</Message></Error><RequestId>${requestIdOf(missing.body)}</RequestId></ErrorResponse>`,
    );
    const denied = await post(server.url, { ...IAM, Action: 'GetRolePolicy', RoleName: 'backend', PolicyName: 'abac' }, 'AKIDBLIND');
    expect(denied.status).toBe(403);
    expect(denied.body).toContain(`<Code>AccessDenied</Code><Message>User: ${SESSION_ARN} is not authorized to perform: iam:GetRolePolicy on resource: role backend because no identity-based policy allows the iam:GetRolePolicy action</Message>`);
    server.mock.injectFault({ action: 'GetRole', error: 'Throttling' });
    const throttled = await post(server.url, { ...IAM, Action: 'GetRole', RoleName: 'backend' });
    expect([throttled.status, /<Code>(\w+)</.exec(throttled.body)?.[1], /<Message>([^<]+)</.exec(throttled.body)?.[1]]).toEqual([400, 'Throttling', 'Rate exceeded']);
    expect((await post(server.url, { ...IAM, Action: 'GetRole', RoleName: 'backend' })).status).toBe(200);
    const invalid = await post(server.url, { ...IAM, Action: 'GetRole' });
    expect(invalid.body).toContain("<Code>ValidationError</Code><Message>1 validation error detected: Value null at 'roleName' failed to satisfy constraint: Member must not be null</Message>");
    const stranger = await post(server.url, { ...IAM, Action: 'GetRole', RoleName: 'backend' }, 'AKIDSTRANGER');
    expect([stranger.status, /<Code>(\w+)</.exec(stranger.body)?.[1]]).toEqual([403, 'InvalidClientTokenId']);
    const sts = await post(server.url, { Action: 'GetCallerIdentity', Version: '2011-06-15' }, 'AKIDSTRANGER');
    expect(sts.body).toMatch(/^<ErrorResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/">/);
    const unknown = await post(server.url, { ...IAM, Action: 'CreateRole', RoleName: 'x' });
    expect(unknown.body).toContain('<Code>InvalidAction</Code>');
  });

  it('records every request with its action, caller and outcome', () => {
    const last = server.mock.requests.at(-1)!;
    expect(last).toMatchObject({ service: undefined, action: 'CreateRole', status: 400, error: 'InvalidAction' });
    expect(server.mock.requests.some((r) => r.action === 'GetRolePolicy' && r.caller === SESSION_ARN && r.error === 'AccessDenied')).toBe(true);
  });

  it('simulates only from answers the test configures, and pages the results', async () => {
    const ask = { ...IAM, Action: 'SimulatePrincipalPolicy', PolicySourceArn: ROLE_ARN, 'ActionNames.member.1': 'mobiletargeting:GetApp', 'ActionNames.member.2': 'mobiletargeting:DeleteApp', 'ResourceArns.member.1': 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/a1', 'ContextEntries.member.1.ContextKeyName': 'aws:PrincipalTag/team', 'ContextEntries.member.1.ContextKeyValues.member.1': 'growth', 'ContextEntries.member.1.ContextKeyType': 'string' };
    const unanswered = await post(server.url, ask);
    expect(unanswered.body).toContain('the emulated simulator has no answer configured for mobiletargeting:GetApp on arn:aws:mobiletargeting:us-east-1:123456789012:apps/a1');
    const seen: unknown[] = [];
    server.mock.simulator = (q) => { seen.push(q.context); return q.action.endsWith('GetApp') ? 'allowed' : 'explicitDeny'; };
    const first = await post(server.url, ask);
    expect(first.body).toContain('<EvaluationResults><member><EvalActionName>mobiletargeting:GetApp</EvalActionName><EvalResourceName>arn:aws:mobiletargeting:us-east-1:123456789012:apps/a1</EvalResourceName><EvalDecision>allowed</EvalDecision>');
    expect(first.body).toContain('<IsTruncated>true</IsTruncated>');
    expect(seen[0]).toEqual({ 'aws:PrincipalTag/team': ['growth'] });
    const marker = /<Marker>([^<]+)<\/Marker>/.exec(first.body)![1]!;
    const second = await post(server.url, { ...ask, Marker: marker });
    expect(second.body).toContain('<EvalActionName>mobiletargeting:DeleteApp</EvalActionName><EvalResourceName>arn:aws:mobiletargeting:us-east-1:123456789012:apps/a1</EvalResourceName><EvalDecision>explicitDeny</EvalDecision>');
    server.mock.simulator = undefined;
  });
});

describe('createIamMock configuration', () => {
  it('refuses an attachment, boundary or group that is not configured, naming it', () => {
    expect(() => createIamMock({ roles: [{ name: 'r', attachedPolicies: ['arn:aws:iam::aws:policy/Nope'] }] })).toThrow('role r: the managed policy arn:aws:iam::aws:policy/Nope is not in policies');
    expect(() => createIamMock({ users: [{ name: 'u', groups: ['g'] }] })).toThrow('user u: the group g is not in groups');
    expect(() => createIamMock({ policies: [{ arn: 'arn:aws:iam::123456789012:policy/p', versions: [{}], defaultVersion: 2 }] })).toThrow('defaultVersion must be between 1 and 1');
    expect(() => createIamMock({ accountId: '12' })).toThrow('accountId must be 12 digits');
  });
});
