/**
 * The guard's edges (issue 20), each failing closed — denied, conditional or refused as bad input, nothing sent — and
 * each the same through the client and checkPermission.
 */
import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { AccessDeniedError, UncertainDecisionError } from '../../src/errors/guard.js';
import { ValidationError } from '../../src/errors/validation.js';
import { checkPermission } from '../../src/tooling/check.js';
import type { RequestContext } from '../../src/policy/index.js';
import { ACCOUNT, CREDENTIALS, REGION, SESSION_TOKEN, makeClient, rejection, useWire } from '../client/support.js';

const wire = useWire();
const APP_ARN = `arn:aws:mobiletargeting:${REGION}:${ACCOUNT}:apps/a1`;
const allowAll = (extra: object[] = []) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'mobiletargeting:*', Resource: '*' }, ...extra] });
const check = (policy: object, operation: string, input: object, context?: RequestContext) =>
  checkPermission({ policies: [policy], region: REGION, accountId: ACCOUNT, operation, input, ...(context ? { context } : {}) });

describe('an ARN taken whole from the input must name this client\'s account and Region', () => {
  for (const [label, arn] of [['another account', 'arn:aws:mobiletargeting:us-east-1:999999999999:apps/a1'], ['another Region', 'arn:aws:mobiletargeting:eu-west-1:123456789012:apps/a1']] as const) {
    it(`TagResource on ${label}: the client and checkPermission refuse it as bad input naming ResourceArn; nothing is sent`, async () => {
      wire.pinpoint();
      const input = { ResourceArn: arn, TagsModel: { tags: { env: 'prod' } } };
      const e = await rejection(makeClient({ policy: allowAll() }).tagResource(input));
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).member).toBe('ResourceArn');
      expect(() => check(allowAll(), 'TagResource', input)).toThrow(ValidationError);
      expect(() => check(allowAll(), 'TagResource', input)).toThrow(/input\.ResourceArn: expected an ARN in this client's/);
      expect(wire.requests).toHaveLength(0);
    });
  }
});

describe("resourceTags: 'fetch' — an answer that is not a tags map of strings denies, never reads as 'no tags'", () => {
  const denyProd = allowAll([{ Effect: 'Deny', Action: 'mobiletargeting:GetApp', Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/env': 'prod' } } }]);
  const answers: readonly [string, unknown, RegExp][] = [
    ['{}', {}, /"tags" is missing/],
    // An array is refused one step earlier, by the response check every operation's output goes through.
    ['[]', [], /ListTagsForResource: HTTP 200 with a body that is not the JSON object the operation returns \(expected a JSON object, got an array\)/],
    ['{"tags":null}', { tags: null }, /"tags" is null/],
    ['{"Tags":{…}}', { Tags: { env: 'prod' } }, /"tags" is missing/],
    ['{"tags":"env=prod"}', { tags: 'env=prod' }, /"tags" is the string "env=prod"/],
    ['{"tags":{"env":1}}', { tags: { env: 1 } }, /tag "env" is number, expected a string/],
  ];
  for (const [label, body, reason] of answers) {
    it(`${label}: GetApp is denied with the reason, and not sent`, async () => {
      wire.pinpoint((req) => HttpResponse.json((req.rawPath.startsWith('/v1/tags/') ? body : {}) as object));
      const client = makeClient({ policy: denyProd, resourceTags: 'fetch' });
      const e = await rejection(client.getApp({ ApplicationId: 'a1' }));
      expect(e).toBeInstanceOf(AccessDeniedError);
      expect((e as AccessDeniedError).reason).toMatch(/the tags of arn:aws:mobiletargeting:us-east-1:123456789012:apps\/a1 could not be read/);
      expect((e as AccessDeniedError).reason).toMatch(reason);
      expect(wire.requests.map((r) => r.rawPath)).toEqual([`/v1/tags/${encodeURIComponent(APP_ARN)}`]);
    });
  }

  it('a tags map of strings is read: the Deny on env=prod applies, and an untagged resource is sent', async () => {
    let tags: Record<string, string> = { env: 'prod' };
    wire.pinpoint((req) => HttpResponse.json(req.rawPath.startsWith('/v1/tags/') ? { tags } : {}));
    await expect(makeClient({ policy: denyProd, resourceTags: 'fetch' }).getApp({ ApplicationId: 'a1' })).rejects.toBeInstanceOf(AccessDeniedError);
    tags = {};
    await expect(makeClient({ policy: denyProd, resourceTags: 'fetch' }).getApp({ ApplicationId: 'a1' })).resolves.toBeDefined();
    expect(wire.requests.filter((r) => r.rawPath === '/v1/apps/a1')).toHaveLength(1);
  });
});

describe('a context value AWS could never see for its key is bad input naming the key', () => {
  const blocklist = allowAll([{ Effect: 'Deny', Action: '*', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }]);
  for (const value of ['', [], 'not-an-ip', '203.0.113.0/24', ['203.0.113.7', '']] as const) {
    it(`aws:SourceIp ${JSON.stringify(value)}: refused by the client (per call and configured) and checkPermission; nothing sent`, async () => {
      wire.pinpoint();
      const context = { 'aws:SourceIp': value } as RequestContext;
      const perCall = await rejection(makeClient({ policy: blocklist }).getApp({ ApplicationId: 'a1' }, { context }));
      expect(perCall).toBeInstanceOf(ValidationError);
      expect(perCall.message).toContain('context["aws:SourceIp"]');
      expect(perCall.message).toMatch(/expected (an|one) IP address/);
      const configured = await rejection(makeClient({ policy: blocklist, context: { 'AWS:SOURCEIP': value } as RequestContext }).getApp({ ApplicationId: 'a1' }));
      expect(configured).toBeInstanceOf(ValidationError);
      expect(() => check(blocklist, 'GetApp', { ApplicationId: 'a1' }, context)).toThrow(ValidationError);
      expect(wire.requests).toHaveLength(0);
    });
  }

  it('an address AWS could see is taken: inside the blocked range denies, outside sends', async () => {
    wire.pinpoint();
    await expect(makeClient({ policy: blocklist }).getApp({ ApplicationId: 'a1' }, { context: { 'aws:SourceIp': '203.0.113.7' } })).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(makeClient({ policy: blocklist }).getApp({ ApplicationId: 'a1' }, { context: { 'aws:SourceIp': '2001:db8::1' } })).resolves.toBeDefined();
    expect(wire.requests).toHaveLength(1);
  });
});

describe('session-derived keys are unknown unless the credentials are long-term keys', () => {
  const mfaOnly = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'mobiletargeting:*', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }] };
  const mfaGuardrail = allowAll([{ Effect: 'Deny', Action: '*', Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } }]);

  it('a credential provider function may return session keys: an MFA guardrail is Conditional, nothing sent', async () => {
    wire.pinpoint();
    const credentials = async () => ({ ...CREDENTIALS });
    const e = await rejection(makeClient({ policy: mfaGuardrail, credentials }).getApp({ ApplicationId: 'a1' }));
    expect(e).toBeInstanceOf(UncertainDecisionError);
    expect((e as UncertainDecisionError).dependsOn).toEqual(['aws:MultiFactorAuthPresent']);
    await expect(makeClient({ policy: mfaOnly, credentials }).getApp({ ApplicationId: 'a1' })).rejects.toBeInstanceOf(UncertainDecisionError);
    expect(wire.requests).toHaveLength(0);
  });

  it('static session credentials: the same; static long-term keys: the keys are known absent', async () => {
    wire.pinpoint();
    await expect(makeClient({ policy: mfaOnly, credentials: { ...CREDENTIALS, sessionToken: SESSION_TOKEN } }).getApp({ ApplicationId: 'a1' })).rejects.toBeInstanceOf(UncertainDecisionError);
    const e = await rejection(makeClient({ policy: mfaOnly, credentials: CREDENTIALS }).getApp({ ApplicationId: 'a1' }));
    expect(e).toBeInstanceOf(AccessDeniedError);
    expect((e as AccessDeniedError).decision).toBe('ImplicitDeny');
    expect(wire.requests).toHaveLength(0);
  });

  it('checkPermission holds no credentials: session-derived keys are unknown, never known-absent', () => {
    expect(check(mfaOnly, 'GetApp', { ApplicationId: 'a1' }).decision).toBe('Conditional');
    expect(check(mfaGuardrail, 'GetApp', { ApplicationId: 'a1' }).decision).toBe('Conditional');
    expect(check(mfaOnly, 'GetApp', { ApplicationId: 'a1' }, { 'aws:MultiFactorAuthPresent': 'true' }).decision).toBe('Allow');
  });
});

describe('an enum value that fills the ARN is spelled as the service spells it (TemplateType)', () => {
  const denyEmail = allowAll([{ Effect: 'Deny', Action: '*', Resource: `arn:aws:mobiletargeting:${REGION}:${ACCOUNT}:templates/*/EMAIL` }]);
  for (const type of ['email', 'Email', 'EMAIL ']) {
    it(`${JSON.stringify(type)}: refused by the client and checkPermission, naming the member and the values; nothing sent`, async () => {
      wire.pinpoint();
      const input = { TemplateName: 't1', TemplateType: type };
      const e = await rejection(makeClient({ policy: denyEmail }).listTemplateVersions(input));
      expect(e).toBeInstanceOf(ValidationError);
      expect(e.message).toBe(`ListTemplateVersions: input.TemplateType: expected one of EMAIL, INAPP, PUSH, SMS, VOICE (as the service spells them), got the string ${JSON.stringify(type)}`);
      expect(() => check(denyEmail, 'ListTemplateVersions', input)).toThrow(e.message);
      expect(wire.requests).toHaveLength(0);
    });
  }
  it('"EMAIL": the Deny on templates/*/EMAIL applies', async () => {
    wire.pinpoint();
    await expect(makeClient({ policy: denyEmail }).listTemplateVersions({ TemplateName: 't1', TemplateType: 'EMAIL' })).rejects.toBeInstanceOf(AccessDeniedError);
    expect(check(denyEmail, 'ListTemplateVersions', { TemplateName: 't1', TemplateType: 'EMAIL' }).decision).toBe('ExplicitDeny');
    expect(wire.requests).toHaveLength(0);
  });
});
