import { describe, expect, it } from 'vitest';
import { InternalServerErrorException, PinpointServiceError, TooManyRequestsException, TimeoutError } from '../../src/index.js';
import { newClient, useMock } from './support.js';

const { mock, client } = useMock();
const auth = { authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/mobiletargeting/aws4_request, SignedHeaders=host, Signature=00' };

describe('injected faults, seen through the client retries', () => {
  it('a 429 then success: the call succeeds on attempt 2', async () => {
    mock.injectFault({ operation: 'GetApps', status: 429 });
    const res = await client.getApps({});
    expect(res.$metadata.attempts).toBe(2);
    expect(mock.requests.map((r) => [r.operation, r.status])).toEqual([['GetApps', 429], ['GetApps', 200]]);
    expect(mock.pendingFaults).toEqual([]);
  });

  it('500 three times: InternalServerErrorException after 3 attempts', async () => {
    mock.injectFault({ status: 500, times: 3 });
    const error = await client.getApps({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerErrorException);
    expect(error).toMatchObject({ status: 500, $metadata: { attempts: 3 } });
    expect(mock.requests).toHaveLength(3);
  });

  it('a 503 with Retry-After: the client waits as told', async () => {
    mock.injectFault({ status: 503, retryAfter: 0 });
    const res = await client.getApps({});
    expect(res.$metadata).toMatchObject({ attempts: 2, totalRetryDelay: 0 });
    const direct = createAndFault();
    expect((await direct).headers['retry-after']).toBe('2');
  });

  it.each([502, 503, 504] as const)('a gateway %i: no x-amzn-ErrorType, an HTML body; the client keeps the base class, retryable', async (status) => {
    mock.injectFault({ status });
    const raw = await mock.handle({ method: 'GET', path: '/v1/apps', headers: auth });
    expect(raw.status).toBe(status);
    expect(Object.keys(raw.headers).map((h) => h.toLowerCase())).not.toContain('x-amzn-errortype');
    expect(raw.headers['content-type']).toBe('text/html');
    expect(() => JSON.parse(raw.body) as unknown).toThrow();
    expect(mock.requests.at(-1)).toMatchObject({ status, error: undefined });

    mock.injectFault({ status });
    const error = await newClient({ retry: { maxAttempts: 1 } }).getApps({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PinpointServiceError);
    expect((error as Error).constructor).toBe(PinpointServiceError);
    expect(error).toMatchObject({ name: 'PinpointServiceError', status, retryable: true, $fault: 'server' });
  });

  it.each([
    [500, InternalServerErrorException, 'Internal server error'],
    [429, TooManyRequestsException, 'Too many requests'],
  ] as const)('a %i is Pinpoint\'s own: x-amzn-ErrorType and the JSON body', async (status, Exception, Message) => {
    mock.injectFault({ status });
    const raw = await mock.handle({ method: 'GET', path: '/v1/apps', headers: auth });
    expect(raw.headers['x-amzn-ErrorType']).toBe(Exception.name);
    expect(JSON.parse(raw.body)).toEqual({ Message, RequestID: raw.headers['x-amzn-RequestId'] });
    mock.injectFault({ status });
    const error = await newClient({ retry: { maxAttempts: 1 } }).getApps({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Exception);
    expect(error).toMatchObject({ name: Exception.name, status, message: Message });
  });

  it('a fault for one operation leaves the others alone', async () => {
    mock.injectFault({ operation: 'GetApp', status: 429, times: Infinity });
    const { ApplicationResponse: app } = await client.createApp({ CreateApplicationRequest: { Name: 'p' } });
    const error = await client.getApp({ ApplicationId: app.Id }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TooManyRequestsException);
    expect(mock.requests.filter((r) => r.operation === 'GetApp')).toHaveLength(3);
  });

  it('latency longer than the client timeout: TimeoutError, retried', async () => {
    mock.injectFault({ delayMs: 200 });
    const res = await newClient({ timeout: 50 }).getApps({});
    expect(res.$metadata.attempts).toBe(2);
    const failing = newClient({ timeout: 50, retry: { maxAttempts: 1 } });
    mock.injectFault({ delayMs: 200 });
    await expect(failing.getApps({})).rejects.toBeInstanceOf(TimeoutError);
  });

  it('rejects a fault that does nothing', () => {
    expect(() => mock.injectFault({})).toThrow(/status, a delayMs or both/);
    expect(() => mock.injectFault({ status: 500, times: 0 })).toThrow(RangeError);
    expect(() => mock.injectFault({ status: 418 as 400 })).toThrow(/status 418 is neither a Pinpoint exception's \(400, .*\) nor a gateway's \(502, 503, 504\)/);
  });

  it.each([
    ['getApp', /injectFault: "getApp" is not a Pinpoint operation; did you mean "GetApp"\?/],
    ['GetSegmnet', /"GetSegmnet" is not a Pinpoint operation; did you mean "GetSegment"\?/],
    ['UpdateSegments', /"UpdateSegments" is not a Pinpoint operation; did you mean "UpdateSegment"\?/],
    ['mobiletargeting:GetApp', /"mobiletargeting:GetApp" is not a Pinpoint operation; did you mean "GetApp"\?/],
    ['Nothing', /"Nothing" is not a Pinpoint operation \(operation names are PascalCase/],
  ])('refuses the unknown operation %j, suggesting the catalog name when one is close', (operation, message) => {
    expect(() => mock.injectFault({ operation, status: 500 })).toThrow(TypeError);
    expect(() => mock.injectFault({ operation, status: 500 })).toThrow(message);
    expect(mock.pendingFaults).toEqual([]);
  });

  it('a fault applies to any operation of the catalog, the ones served since issue 14 included', async () => {
    mock.injectFault({ operation: 'VerifyOTPMessage', status: 500 });
    expect(mock.pendingFaults).toEqual([{ operation: 'VerifyOTPMessage', status: 500 }]);
    const raw = await mock.handle({ method: 'POST', path: '/v1/apps/x/verify-otp', headers: auth, body: '{}' });
    expect(raw.status).toBe(500);
    expect(mock.requests.at(-1)).toMatchObject({ operation: 'VerifyOTPMessage', error: 'InternalServerErrorException' });
  });

  /** A faulted request straight through `mock.handle` (no client), to see the raw response. */
  async function createAndFault(): Promise<{ headers: Readonly<Record<string, string>> }> {
    mock.injectFault({ status: 503, retryAfter: 2 });
    return mock.handle({ method: 'GET', path: '/v1/apps', headers: auth });
  }
});
