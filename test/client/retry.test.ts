/**
 * Retries: throttling, server faults and network failures are retried with exponential backoff and full jitter
 * (`Retry-After` wins when sent), up to `maxAttempts` (default 3); a deny, a validation error or any other 4xx never is.
 * `$metadata.attempts` and `totalRetryDelay` report what happened.
 */
import { delay, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resolveRetry, retryDelay } from '../../src/client/retry.js';
import { AccessDeniedError } from '../../src/errors/guard.js';
import { PinpointServiceError } from '../../src/errors/service.js';
import { NetworkError, TimeoutError } from '../../src/errors/transport.js';
import { ValidationError } from '../../src/errors/validation.js';
import { makeClient, rejection, useWire } from './support.js';

const wire = useWire();
const fail = (status: number, headers: Record<string, string> = {}) => HttpResponse.json({ Message: `status ${status}`, RequestID: 'r' }, { status, headers });
const ok = () => HttpResponse.json({ Item: [] }, { headers: { 'x-amzn-RequestId': 'rid-ok' } });

afterEach(() => { vi.restoreAllMocks(); vi.useRealTimers(); });

describe('what is retried', () => {
  it.each([
    ['429 throttling', () => fail(429)],
    ['500', () => fail(500)],
    ['502', () => new HttpResponse('bad gateway', { status: 502 })],
    ['503', () => fail(503)],
    ['a network failure', () => HttpResponse.error()],
  ])('%s, then success: the call succeeds on the second attempt', async (_, first) => {
    wire.pinpoint((__, n) => (n === 1 ? first() : ok()));
    const out = (await makeClient().getApps({})) as { $metadata: { attempts: number; httpStatusCode: number; requestId: string } };
    expect(wire.requests).toHaveLength(2);
    expect(out.$metadata).toMatchObject({ attempts: 2, httpStatusCode: 200, requestId: 'rid-ok' });
  });

  it('a timed-out attempt is retried', async () => {
    wire.pinpoint(async (__, n) => { if (n === 1) await delay(300); return ok(); });
    const out = (await makeClient().getApps({}, { timeout: 40 })) as { $metadata: { attempts: number } };
    expect(out.$metadata.attempts).toBe(2);
  });

  it.each([400, 403, 404, 405, 409, 413, 418])('HTTP %i is not retried', async (status) => {
    wire.pinpoint(() => fail(status));
    const err = await rejection(makeClient({ retry: { maxAttempts: 5, baseDelayMs: 1 } }).getApps({}));
    expect(err).toBeInstanceOf(PinpointServiceError);
    expect(wire.requests).toHaveLength(1);
    expect((err as PinpointServiceError).$metadata).toMatchObject({ attempts: 1, totalRetryDelay: 0 });
  });

  it('a deny or a validation error is never retried (nothing is sent at all)', async () => {
    wire.pinpoint(() => fail(500));
    const denied = makeClient({ policy: { Version: '2012-10-17', Statement: [] }, retry: { maxAttempts: 5 } });
    expect(await rejection(denied.getApps({}))).toBeInstanceOf(AccessDeniedError);
    expect(await rejection(makeClient({ retry: { maxAttempts: 5 } }).getApp({ ApplicationId: '..' }))).toBeInstanceOf(ValidationError);
    expect(wire.requests).toHaveLength(0);
  });
});

describe('how many attempts', () => {
  it('3 by default: the last error is thrown with attempts 3', async () => {
    wire.pinpoint(() => fail(500));
    const err = await rejection(makeClient().getApps({}));
    expect(err).toMatchObject({ name: 'InternalServerErrorException', $metadata: { attempts: 3 } });
    expect(wire.requests).toHaveLength(3);
  });

  it.each([1, 2, 5])('maxAttempts %i', async (maxAttempts) => {
    wire.pinpoint(() => fail(429));
    const err = await rejection(makeClient({ retry: { maxAttempts, baseDelayMs: 1 } }).getApps({}));
    expect(err).toMatchObject({ name: 'TooManyRequestsException', $metadata: { attempts: maxAttempts } });
    expect(wire.requests).toHaveLength(maxAttempts);
  });

  it('network failures stop after maxAttempts with a NetworkError that counts them', async () => {
    wire.pinpoint(() => HttpResponse.error());
    const err = await rejection(makeClient({ retry: { maxAttempts: 4, baseDelayMs: 1 } }).getApps({}));
    expect(err).toBeInstanceOf(NetworkError);
    expect(err).toMatchObject({ attempts: 4 });
    expect(wire.requests).toHaveLength(4);
  });

  it('every attempt is signed afresh and sends the same request', async () => {
    wire.pinpoint((_, n) => (n < 3 ? fail(503) : ok()));
    await makeClient().createApp({ CreateApplicationRequest: { Name: 'n' } });
    expect(new Set(wire.requests.map((r) => `${r.method} ${r.rawPath} ${r.body}`)).size).toBe(1);
    expect(wire.requests.every((r) => r.headers.authorization?.startsWith('AWS4-HMAC-SHA256 '))).toBe(true);
  });

  it.each([0, -1, 1.5, Number.NaN])('rejects maxAttempts %s at construction', (maxAttempts) => {
    expect(() => makeClient({ retry: { maxAttempts } })).toThrow(RangeError);
  });
});

describe('how long between attempts', () => {
  it('exponential backoff with full jitter: delay = random × min(maxDelay, base × 2^(attempt-1))', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    wire.pinpoint(() => fail(500));
    const err = await rejection(makeClient({ retry: { maxAttempts: 4, baseDelayMs: 8, maxDelayMs: 20_000 } }).getApps({}));
    // 0.5 × 8, 0.5 × 16, 0.5 × 32
    expect(err).toMatchObject({ $metadata: { attempts: 4, totalRetryDelay: 4 + 8 + 16 } });
  });

  it('the jitter is full: a random draw of 0 means no wait at all, and a draw near 1 almost the whole ceiling', async () => {
    const random = vi.spyOn(Math, 'random').mockReturnValue(0);
    wire.pinpoint((_, n) => (n % 3 === 0 ? ok() : fail(429)));
    const none = (await makeClient({ retry: { baseDelayMs: 10_000 } }).getApps({})) as { $metadata: { totalRetryDelay: number } };
    expect(none.$metadata).toMatchObject({ attempts: 3, totalRetryDelay: 0 });
    random.mockReturnValue(0.999);
    const most = (await makeClient({ retry: { baseDelayMs: 10 } }).getApps({})) as { $metadata: { totalRetryDelay: number } };
    expect(most.$metadata).toMatchObject({ attempts: 3, totalRetryDelay: 9 + 19 });
  });

  it('each delay is capped by maxDelayMs', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.999);
    wire.pinpoint(() => fail(500));
    const err = await rejection(makeClient({ retry: { maxAttempts: 3, baseDelayMs: 1_000_000, maxDelayMs: 10 } }).getApps({}));
    expect(err).toMatchObject({ $metadata: { totalRetryDelay: 9 + 9 } });
  });

  it('Retry-After: 0 means retry at once, whatever the backoff would have been', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.999);
    wire.pinpoint((_, n) => (n === 1 ? fail(429, { 'Retry-After': '0' }) : ok()));
    const out = (await makeClient({ retry: { baseDelayMs: 60_000 } }).getApps({})) as { $metadata: object };
    expect(out.$metadata).toMatchObject({ attempts: 2, totalRetryDelay: 0 });
  });

  it('Retry-After is in seconds: the next attempt waits exactly that long', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    wire.pinpoint((_, n) => (n === 1 ? fail(503, { 'Retry-After': '2' }) : ok()));
    const call = makeClient().getApps({}) as Promise<{ $metadata: object }>;
    await vi.waitFor(() => expect(wire.requests).toHaveLength(1), { interval: 1 });
    await vi.advanceTimersByTimeAsync(1_990);
    expect(wire.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(20);
    vi.useRealTimers();
    await expect(call).resolves.toMatchObject({ $metadata: { attempts: 2, totalRetryDelay: 2_000 } });
    expect(wire.requests).toHaveLength(2);
  });
});

describe(retryDelay.name, () => {
  const retry = resolveRetry({ baseDelayMs: 100, maxDelayMs: 1_000 });
  it.each([
    { attempt: 1, random: 0.5, retryAfter: undefined, want: 50 },
    { attempt: 2, random: 0.5, retryAfter: undefined, want: 100 },
    { attempt: 3, random: 0.5, retryAfter: undefined, want: 200 },
    { attempt: 10, random: 0.5, retryAfter: undefined, want: 500 },
    { attempt: 1, random: 0.5, retryAfter: 700, want: 700 },
    { attempt: 1, random: 0.5, retryAfter: 5_000, want: 1_000 },
  ])('attempt $attempt, random $random, Retry-After $retryAfter ms → $want ms', ({ attempt, random, retryAfter, want }) => {
    expect(retryDelay(attempt, retry, retryAfter, () => random)).toBe(want);
  });

  it('uses 3 attempts, 100 ms base and 20 s cap by default', () => {
    expect(resolveRetry(undefined)).toEqual({ maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 20_000 });
  });
});

it('a TimeoutError on the last attempt is what the caller sees', async () => {
  wire.pinpoint(async () => { await delay(300); return ok(); });
  const err = await rejection(makeClient({ retry: { maxAttempts: 2, baseDelayMs: 1 } }).getApps({}, { timeout: 20 }));
  expect(err).toBeInstanceOf(TimeoutError);
  expect(wire.requests).toHaveLength(2);
});
