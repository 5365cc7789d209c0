import { describe, expect, it } from 'vitest';
import axios from 'axios';
import { AccessDeniedError, ForbiddenException, PinpointClient } from '../../src/index.js';
import { createPinpointMock } from '../../src/testing/index.js';
import { credentials, newClient, useMock } from './support.js';

const { mock } = useMock();

/** A client whose outgoing authorization header is rewritten (or removed) after signing. */
function clientWithAuthorization(rewrite: (header: string) => string | undefined) {
  const http = axios.create();
  http.interceptors.request.use((config) => {
    const header = rewrite(String(config.headers.authorization ?? config.headers.Authorization ?? ''));
    config.headers.delete('authorization');
    if (header !== undefined) config.headers.set('authorization', header);
    return config;
  });
  return newClient({ axios: http });
}

describe('authorization', () => {
  it('accepts a request the client signed', async () => {
    await expect(newClient().getApps({})).resolves.toMatchObject({ $metadata: { httpStatusCode: 200 } });
  });

  it.each([
    ['a missing header', () => undefined, /Missing Authentication Token/],
    ['another service', (h: string) => h.replace('/mobiletargeting/', '/execute-api/'), /scoped to correct service: 'mobiletargeting', not "execute-api"/],
    ['a malformed header', () => 'Bearer token', /AWS4-HMAC-SHA256/],
  ] as const)('refuses %s with ForbiddenException', async (_, rewrite, message) => {
    const error = await clientWithAuthorization(rewrite).createApp({ CreateApplicationRequest: { Name: 'p' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForbiddenException);
    expect((error as Error).message).toMatch(message);
    expect(error).toMatchObject({ status: 403, $metadata: { attempts: 1 } });
    expect(mock.store.apps.size).toBe(0);
    expect(mock.requests.map((r) => [r.operation, r.error])).toEqual([['CreateApp', 'ForbiddenException']]);
  });

  it('refuses a request signed for another Region when the mock has one', async () => {
    const eu = createPinpointMock({ region: 'eu-west-1' });
    const signed = { authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/mobiletargeting/aws4_request, SignedHeaders=host, Signature=00' };
    const res = await eu.handle({ method: 'GET', path: '/v1/apps', headers: signed });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body)).toEqual({ Message: "Credential should be scoped to a valid region: expected 'eu-west-1', got 'us-east-1'", RequestID: res.headers['x-amzn-RequestId'] });
  });

  it('can be told not to check', async () => {
    const open = createPinpointMock({ checkAuthorization: false });
    expect((await open.handle({ method: 'GET', path: '/v1/apps' })).status).toBe(200);
  });

  it('keeps no secret in the request log: the signature and session token are redacted, the scope kept', async () => {
    const sent: { authorization: string; token: string }[] = [];
    const http = axios.create();
    http.interceptors.request.use((config) => {
      sent.push({ authorization: String(config.headers.authorization), token: String(config.headers['x-amz-security-token']) });
      return config;
    });
    const sessionToken = 'IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN';
    const client = newClient({ axios: http, credentials: { ...credentials, sessionToken } });
    await client.getApps({});
    await client.getApps({ PageSize: '1' });
    expect(sent.map((r) => r.token)).toEqual([sessionToken, sessionToken]);
    const log = JSON.stringify(mock.requests);
    const signatures = sent.map(({ authorization }) => /Signature=([0-9a-f]{64})$/.exec(authorization)?.[1] ?? '');
    expect(signatures).toEqual([expect.stringMatching(/^[0-9a-f]{64}$/), expect.stringMatching(/^[0-9a-f]{64}$/)]);
    for (const signature of signatures) expect(log).not.toContain(signature);
    expect(log).not.toContain(sessionToken);
    expect(log).not.toContain(credentials.secretAccessKey);
    expect(mock.requests[0]?.headers).toMatchObject({
      authorization: expect.stringMatching(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/mobiletargeting\/aws4_request, ?SignedHeaders=[^,]*x-amz-security-token[^,]*, ?Signature=<redacted>$/),
      'x-amz-security-token': '<redacted>',
    });
  });

  it.each([
    ['a SigV4 header: only the signature', { Authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/mobiletargeting/aws4_request, SignedHeaders=host;x-amz-date, Signature=' + 'ab'.repeat(32) },
      { authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/mobiletargeting/aws4_request, SignedHeaders=host;x-amz-date, Signature=<redacted>' }],
    ['a header of another form: all of it', { authorization: 'Bearer s3cr3t' }, { authorization: '<redacted>' }],
    ['the session token, whatever its case', { 'X-Amz-Security-Token': 's3cr3t' }, { 'x-amz-security-token': '<redacted>' }],
  ] as const)('redacts %s', async (_, headers, want) => {
    const open = createPinpointMock({ checkAuthorization: false });
    await open.handle({ method: 'GET', path: '/v1/apps', headers });
    expect(open.requests[0]?.headers).toEqual(want);
    expect(JSON.stringify(open.requests)).not.toMatch(/s3cr3t|abab/);
  });

  it('redacts the presigned-URL forms in the query, and keeps the rest', async () => {
    const open = createPinpointMock({ checkAuthorization: false });
    await open.handle({ method: 'GET', path: '/v1/apps', query: { 'X-Amz-Signature': 'abab', 'X-Amz-Security-Token': 's3cr3t', 'page-size': '1' } });
    expect(open.requests[0]?.query).toEqual({ 'X-Amz-Signature': '<redacted>', 'X-Amz-Security-Token': '<redacted>', 'page-size': '1' });
  });

  it('a call the guard denies never reaches the mock', async () => {
    const guarded = new PinpointClient({
      region: 'us-east-1', accountId: '123456789012', credentials, lifecycle: 'off',
      policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'mobiletargeting:Get*', Resource: '*' }] },
    });
    await expect(guarded.createApp({ CreateApplicationRequest: { Name: 'p' } })).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(guarded.getApps({})).resolves.toMatchObject({ $metadata: { httpStatusCode: 200 } });
    expect(mock.requests.map((r) => r.operation)).toEqual(['GetApps']);
  });
});
