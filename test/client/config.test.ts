/** Configuration that would make the client check one thing and send another is refused at construction. */
import { describe, expect, it, vi } from 'vitest';
import { http, HttpResponse } from 'msw';
import { PinpointClient } from '../../src/index.js';
import { ValidationError } from '../../src/errors/validation.js';
import { ALLOW_ALL, ACCOUNT, CREDENTIALS, SESSION_TOKEN, makeClient, rejection, useWire } from './support.js';
import type { DryRunResult } from '../../src/client/types.js';

const wire = useWire();
const base = { region: 'us-east-1', accountId: ACCOUNT, credentials: CREDENTIALS } as const;

describe('config.endpoint', () => {
  it.each([
    ['https://u:p@pinpoint.example/base', 'a URL without user or password'],
    ['https://pinpoint.example/base?x=1', 'a URL without a query or fragment'],
    ['https://pinpoint.example/base#frag', 'a URL without a query or fragment'],
    ['ftp://pinpoint.example/', 'an http or https URL'],
  ])('%s is refused: expected %s', (endpoint, expected) => {
    expect(() => new PinpointClient({ ...base, endpoint })).toThrow(`config.endpoint: expected ${expected}`);
  });
  it('does not echo credentials from a refused endpoint', () => {
    expect(() => new PinpointClient({ ...base, endpoint: 'https://user:hunter2@pinpoint.example/' })).toThrow(/^(?!.*hunter2)/s);
  });
  it('not an absolute URL', () => {
    expect(() => new PinpointClient({ ...base, endpoint: 'pinpoint.example' })).toThrow('config.endpoint: expected an absolute http(s) URL, got "pinpoint.example"');
  });
});

describe('cleartext endpoints', () => {
  it.each(['http://pinpoint.internal.test', 'http://10.0.0.8:8080/base', 'http://[fe80::1]/'])('%s (http to a host that is not loopback) is refused, with the reason', (endpoint) => {
    expect(() => new PinpointClient({ ...base, endpoint })).toThrow(/^config\.endpoint: ".*" is cleartext http to a host that is not loopback: the signed headers and the session token would cross the network .* set allowInsecureEndpoint: true/);
  });
  it.each(['http://127.0.0.1:4566', 'http://localhost:8080/', 'http://[::1]:9000', 'http://kit.localhost/', 'https://pinpoint.internal.test'])('%s is accepted', (endpoint) => {
    expect(() => new PinpointClient({ ...base, endpoint })).not.toThrow();
  });
  it('allowInsecureEndpoint: true accepts http to any host, and the request goes there', async () => {
    const seen: string[] = [];
    wire.server.use(http.all('http://pinpoint.internal.test/*', ({ request }) => { seen.push(request.url); return HttpResponse.json({ ApplicationsResponse: {} }); }));
    await makeClient({ endpoint: 'http://pinpoint.internal.test', allowInsecureEndpoint: true }).getApps({});
    expect(seen).toEqual(['http://pinpoint.internal.test/v1/apps']);
  });

  it.each(['iamEndpoint', 'stsEndpoint'] as const)('the principal loader\'s %s is held to the same rule', (field) => {
    expect(() => new PinpointClient({ ...base, principal: 'auto', [field]: 'http://iam.internal.test' })).toThrow(new RegExp(`^config\\.${field}: "http://iam\\.internal\\.test/" is cleartext http to a host that is not loopback`));
    expect(() => new PinpointClient({ ...base, principal: 'auto', [field]: 'http://iam.internal.test', allowInsecureEndpoint: true })).not.toThrow();
    expect(() => new PinpointClient({ ...base, principal: 'auto', [field]: 'http://127.0.0.1:9000' })).not.toThrow();
  });
});

describe('config.maxResponseBytes', () => {
  it.each([0, -1, 1.5, '1000', Number.NaN])('%s is refused', (maxResponseBytes) => {
    expect(() => new PinpointClient({ ...base, maxResponseBytes: maxResponseBytes as number })).toThrow(/^config\.maxResponseBytes: expected a positive integer \(bytes\), got /);
  });
});

describe('config.region', () => {
  it.each(['us-iso-east-1', 'us-isob-east-1', 'useast1', ''])('%s is refused', (region) => {
    expect(() => new PinpointClient({ ...base, region })).toThrow(/^config\.region: expected an AWS Region name where Amazon Pinpoint is offered/);
  });
  it.each([['cn-north-1', 'https://pinpoint.cn-north-1.amazonaws.com.cn/v1/apps/a', 'arn:aws-cn:'], ['us-gov-west-1', 'https://pinpoint.us-gov-west-1.amazonaws.com/v1/apps/a', 'arn:aws-us-gov:']])(
    '%s: endpoint and partition follow the region', async (region, url, prefix) => {
      const dry = (await new PinpointClient({ ...base, region, mode: 'dry-run', policy: ALLOW_ALL }).getApp({ ApplicationId: 'a' })) as DryRunResult;
      expect(dry.request.url).toBe(url);
      expect(dry.resource.startsWith(prefix)).toBe(true);
    },
  );
});

describe('mode off with policies', () => {
  it('warns that nothing will be checked', () => {
    const warn = vi.fn();
    new PinpointClient({ ...base, policy: ALLOW_ALL, mode: 'off', logger: { warn, debug: () => {} } });
    expect(warn).toHaveBeenCalledWith("pinpoint-guard: policies are configured but mode is 'off': no call will be checked");
  });
});

describe('TagResource ResourceArn', () => {
  it.each([
    [`arn:aws:mobiletargeting:eu-west-1:${ACCOUNT}:apps/a1`, `expected an ARN in this client's region "us-east-1", got region "eu-west-1"`],
    ['arn:aws:mobiletargeting:us-east-1:999999999999:apps/a1', `expected an ARN in this client's account "${ACCOUNT}", got account "999999999999"`],
    [`arn:aws:mobiletargeting:us-east-1:${ACCOUNT}:apps/*`, 'expected one app, campaign, segment, journey, template or recommender, without wildcards, got "apps/*"'],
    [`arn:aws-cn:mobiletargeting:us-east-1:${ACCOUNT}:apps/a1`, `expected an ARN in this client's partition "aws", got partition "aws-cn"`],
  ])('%s is a ValidationError and is not sent', async (arn, message) => {
    wire.pinpoint();
    const err = await rejection(makeClient({ policy: ALLOW_ALL }).tagResource({ ResourceArn: arn, TagsModel: { tags: { a: 'b' } } }));
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.message).toBe(`TagResource: input.ResourceArn: ${message}`);
    expect(wire.requests).toHaveLength(0);
  });
});

describe('error messages carry no secrets', () => {
  it('a signature-mismatch message echoing the canonical request is redacted', async () => {
    const echoed = `The request signature we calculated does not match the signature you provided. The Canonical String for this request should have been\n'GET\n/v1/apps/a\n\nhost:pinpoint.us-east-1.amazonaws.com\nx-amz-date:20261127T000000Z\nx-amz-security-token:${SESSION_TOKEN}\n' Credential=${CREDENTIALS.accessKeyId}/20261127/us-east-1/mobiletargeting/aws4_request Signature=${'ab'.repeat(32)}`;
    wire.pinpoint(() => HttpResponse.json({ Message: echoed }, { status: 403 }));
    const err = await rejection(makeClient({ policy: ALLOW_ALL, credentials: { ...CREDENTIALS, sessionToken: SESSION_TOKEN } }).getApp({ ApplicationId: 'a' }));
    expect(err.message).toContain('x-amz-security-token:<redacted>');
    for (const secret of [SESSION_TOKEN, CREDENTIALS.accessKeyId, 'ab'.repeat(32)]) expect(err.message).not.toContain(secret);
  });
});

describe('request context', () => {
  it('a caller key named __proto__ stays a key (it can satisfy nothing it should not)', async () => {
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringEquals: { 'aws:username': 'ana' } } }] };
    const context = JSON.parse('{"__proto__": {"aws:username": "ana"}}') as Record<string, string>;
    const dry = (await makeClient({ policy, mode: 'dry-run', context }).getApp({ ApplicationId: 'a' })) as DryRunResult;
    // aws:username stays unsupplied, so unknown (a caller key): not allowed, and the decision names it.
    expect(dry.decision).toMatchObject({ decision: 'Conditional', dependsOn: ['aws:username'] });
  });
  it('per-call keys replace configured ones in any letter case', async () => {
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*', Condition: { StringEquals: { 'aws:username': 'mallory' } } }, { Effect: 'Allow', Action: '*', Resource: '*' }] };
    const client = makeClient({ policy, mode: 'dry-run', context: { 'aws:username': 'mallory' } });
    const dry = (await client.getApp({ ApplicationId: 'a' }, { context: { 'AWS:UserName': 'ana' } })) as DryRunResult;
    expect(dry.decision.decision).toBe('Allow');
  });
});
