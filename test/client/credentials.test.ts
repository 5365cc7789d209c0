/**
 * Credentials: static keys, a provider function (cached, refreshed shortly before expiry, one refresh for concurrent
 * calls), and the environment as the fallback. What signs each request is read back from its authorization header.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cachedProvider, fromEnvironment } from '../../src/client/credentials.js';
import type { Credentials } from '../../src/client/types.js';
import { CredentialsError } from '../../src/errors/transport.js';
import { CREDENTIALS, makeClient, rejection, useWire } from './support.js';

const wire = useWire();
const keyIdsSent = (): string[] => wire.requests.map((r) => /Credential=([^/]+)\//.exec(r.headers.authorization ?? '')?.[1] ?? '(none)');
const MINUTE = 60_000;

afterEach(() => { vi.useRealTimers(); vi.unstubAllEnvs(); });

describe('a credential provider', () => {
  it('is called again when the credentials are within five minutes of expiry, and not before', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2024-06-01T12:00:00Z'));
    let calls = 0;
    const provider = vi.fn(async (): Promise<Credentials> => {
      calls++;
      return { ...CREDENTIALS, accessKeyId: `AKID${calls}`, expiration: new Date(Date.now() + 15 * MINUTE) };
    });
    wire.pinpoint();
    const client = makeClient({ credentials: provider });
    await client.getApps({});
    vi.setSystemTime(new Date('2024-06-01T12:09:00Z')); // 6 minutes left: still good
    await client.getApps({});
    vi.setSystemTime(new Date('2024-06-01T12:10:30Z')); // 4.5 minutes left: refresh
    await client.getApps({});
    await client.getApps({});
    expect(provider).toHaveBeenCalledTimes(2);
    expect(keyIdsSent()).toEqual(['AKID1', 'AKID1', 'AKID2', 'AKID2']);
  });

  it('without an expiration, is called once', async () => {
    const provider = vi.fn(async () => ({ ...CREDENTIALS }));
    wire.pinpoint();
    const client = makeClient({ credentials: provider });
    for (let i = 0; i < 3; i++) await client.getApps({});
    expect(provider).toHaveBeenCalledTimes(1);
  });

  it('concurrent calls share one refresh', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const provider = vi.fn(async () => { await gate; return { ...CREDENTIALS }; });
    wire.pinpoint();
    const client = makeClient({ credentials: provider });
    const calls = [client.getApps({}), client.getApp({ ApplicationId: 'a' }), client.getApp({ ApplicationId: 'b' })];
    release();
    await Promise.all(calls);
    expect(provider).toHaveBeenCalledTimes(1);
    expect(wire.requests).toHaveLength(3);
  });

  it('a failing provider gives CredentialsError and sends nothing; the next call tries again', async () => {
    const provider = vi.fn()
      .mockRejectedValueOnce(new Error('token file missing'))
      .mockResolvedValue({ ...CREDENTIALS });
    wire.pinpoint();
    const client = makeClient({ credentials: provider });
    const err = await rejection(client.getApps({}));
    expect(err).toBeInstanceOf(CredentialsError);
    expect(err.message).toContain('token file missing');
    expect(wire.requests).toHaveLength(0);
    await client.getApps({});
    expect(wire.requests).toHaveLength(1);
  });

  it('a provider returning no secret is a CredentialsError', async () => {
    wire.pinpoint();
    const err = await rejection(makeClient({ credentials: async () => ({ accessKeyId: 'AKID' }) as Credentials }).getApps({}));
    expect(err).toBeInstanceOf(CredentialsError);
    expect(wire.requests).toHaveLength(0);
  });
});

describe('static credentials', () => {
  it('are used as given', async () => {
    wire.pinpoint();
    await makeClient({ credentials: { accessKeyId: 'AKIDSTATIC', secretAccessKey: 's' } }).getApps({});
    expect(keyIdsSent()).toEqual(['AKIDSTATIC']);
  });

  it('without a secret are refused when the client is made', () => {
    expect(() => makeClient({ credentials: { accessKeyId: 'AKID', secretAccessKey: '' } })).toThrow(CredentialsError);
  });
});

describe(fromEnvironment.name, () => {
  it('reads AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN', async () => {
    await expect(fromEnvironment({ AWS_ACCESS_KEY_ID: 'AKIDENV', AWS_SECRET_ACCESS_KEY: 'sec', AWS_SESSION_TOKEN: 'tok' })()).resolves
      .toEqual({ accessKeyId: 'AKIDENV', secretAccessKey: 'sec', sessionToken: 'tok' });
    await expect(fromEnvironment({ AWS_ACCESS_KEY_ID: 'AKIDENV', AWS_SECRET_ACCESS_KEY: 'sec' })()).resolves
      .toEqual({ accessKeyId: 'AKIDENV', secretAccessKey: 'sec' });
  });

  it('fails with CredentialsError naming the variables when a key is missing', async () => {
    const err = await rejection(fromEnvironment({ AWS_ACCESS_KEY_ID: 'AKIDENV' })());
    expect(err).toBeInstanceOf(CredentialsError);
    expect(err.message).toContain('AWS_SECRET_ACCESS_KEY');
  });

  it('is the fallback when the client is given no credentials', async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDFROMENV');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'secret-from-env');
    vi.stubEnv('AWS_SESSION_TOKEN', 'token-from-env');
    wire.pinpoint();
    await makeClient({ credentials: undefined }).getApps({});
    expect(keyIdsSent()).toEqual(['AKIDFROMENV']);
    expect(wire.requests[0]!.headers['x-amz-security-token']).toBe('token-from-env');
  });

  it('works as a provider in the client config', async () => {
    wire.pinpoint();
    await makeClient({ credentials: fromEnvironment({ AWS_ACCESS_KEY_ID: 'AKIDPASSED', AWS_SECRET_ACCESS_KEY: 'x' }) }).getApps({});
    expect(keyIdsSent()).toEqual(['AKIDPASSED']);
  });
});

describe(cachedProvider.name, () => {
  it('refreshes exactly at the five-minute margin', async () => {
    let now = 0;
    let n = 0;
    const provider = cachedProvider(async () => ({ ...CREDENTIALS, accessKeyId: `K${++n}`, expiration: new Date(10 * MINUTE) }), () => now);
    now = 5 * MINUTE - 1;
    expect((await provider()).accessKeyId).toBe('K1');
    expect((await provider()).accessKeyId).toBe('K1');
    now = 5 * MINUTE;
    expect((await provider()).accessKeyId).toBe('K2');
  });
});
