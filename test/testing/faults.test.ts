import { describe, expect, it } from 'vitest';
import { InternalServerErrorException, TooManyRequestsException, TimeoutError } from '../../src/index.js';
import { newClient, useMock } from './support.js';

const { mock, client } = useMock();

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
  });

  /** A faulted request straight through `mock.handle` (no client), to see the raw response. */
  async function createAndFault(): Promise<{ headers: Readonly<Record<string, string>> }> {
    mock.injectFault({ status: 503, retryAfter: 2 });
    return mock.handle({ method: 'GET', path: '/v1/apps', headers: { authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/mobiletargeting/aws4_request, SignedHeaders=host, Signature=00' } });
  }
});
