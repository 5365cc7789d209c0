/** Cancelling calls: an AbortSignal ends a call with AbortError (before, during, or between attempts); `timeout` bounds each attempt. */
import { delay, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { AbortError, TimeoutError } from '../../src/errors/transport.js';
import { makeClient, rejection, useWire } from './support.js';

const wire = useWire();

describe('AbortSignal', () => {
  it('an already aborted signal sends nothing', async () => {
    wire.pinpoint();
    const err = await rejection(makeClient().getApps({}, { signal: AbortSignal.abort() }));
    expect(err).toBeInstanceOf(AbortError);
    expect(err.name).toBe('AbortError');
    expect(wire.requests).toHaveLength(0);
  });

  it('aborting while the request is in flight ends the call at once with AbortError, and it is not retried', async () => {
    const controller = new AbortController();
    // Aborted once the request has reached the server: the HTTP stack is loaded on the first request, so a fixed delay
    // from the call could abort before anything is in flight.
    let abortedAt = Infinity;
    wire.pinpoint(async () => {
      setTimeout(() => { abortedAt = Date.now(); controller.abort(); }, 10);
      await delay(2_000);
      return HttpResponse.json({});
    });
    const call = makeClient({ retry: { maxAttempts: 5 } }).getApps({}, { signal: controller.signal });
    const err = await rejection(call);
    expect(err).toBeInstanceOf(AbortError);
    expect(Date.now() - abortedAt).toBeLessThan(1_000);
    expect(wire.requests).toHaveLength(1);
  });

  it('aborting during the backoff between attempts ends the call without another attempt', async () => {
    const controller = new AbortController();
    wire.pinpoint(() => { setTimeout(() => controller.abort(), 20); return HttpResponse.json({ Message: 'slow down' }, { status: 429 }); });
    const started = Date.now();
    const err = await rejection(makeClient({ retry: { maxAttempts: 3, baseDelayMs: 5_000, maxDelayMs: 5_000 } }).getApps({}, { signal: controller.signal }));
    expect(err).toBeInstanceOf(AbortError);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(wire.requests).toHaveLength(1);
  });

  it('a signal that is never aborted changes nothing', async () => {
    wire.pinpoint();
    const out = await makeClient().getApps({}, { signal: new AbortController().signal });
    expect(out).toMatchObject({ $metadata: { httpStatusCode: 200, attempts: 1 } });
  });
});

describe('timeout', () => {
  it('a per-call timeout ends a slow attempt with TimeoutError', async () => {
    wire.pinpoint(async () => { await delay(1_000); return HttpResponse.json({}); });
    const started = Date.now();
    const err = await rejection(makeClient({ retry: { maxAttempts: 1 } }).getApps({}, { timeout: 30 }));
    expect(err).toBeInstanceOf(TimeoutError);
    expect((err as TimeoutError).timeoutMs).toBe(30);
    expect(Date.now() - started).toBeLessThan(800);
  });

  it('the per-call timeout overrides the client\'s', async () => {
    wire.pinpoint(async () => { await delay(60); return HttpResponse.json({}); });
    await expect(makeClient({ timeout: 10, retry: { maxAttempts: 1 } }).getApps({}, { timeout: 2_000 })).resolves.toMatchObject({ $metadata: { attempts: 1 } });
    expect(await rejection(makeClient({ timeout: 2_000, retry: { maxAttempts: 1 } }).getApps({}, { timeout: 10 }))).toBeInstanceOf(TimeoutError);
  });

  it('a timeout is per attempt: a slow first attempt and a quick second one succeed', async () => {
    wire.pinpoint(async (_, n) => { if (n === 1) await delay(500); return HttpResponse.json({}); });
    await expect(makeClient({ retry: { baseDelayMs: 1 } }).getApps({}, { timeout: 40 })).resolves.toMatchObject({ $metadata: { attempts: 2 } });
  });
});
