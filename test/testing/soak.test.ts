/**
 * A bounded soak of the kit, on loopback only and in about a minute:
 * - 100,000 guarded calls, every one with ids never used before (so no cache may keep them), through our client and
 *   the kit's request handler keep the heap, measured after a full collection, within a stated bound of where it
 *   stood after the first 10,000: nothing per call outlives the call (guard caches, signer, request log are bounded).
 * - 2,000 calls at once from the official SDK against the kit's HTTP server are all answered.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Agent } from 'node:http';
import axios, { type AxiosAdapter } from 'axios';
import { describe, expect, it } from 'vitest';
import { GetSegmentCommand, PinpointClient as SdkClient, NotFoundException as SdkNotFound } from '@aws-sdk/client-pinpoint';
import { PinpointClient } from '../../generated/client.js';
import { NotFoundException } from '../../src/index.js';
import { createPinpointMock, startPinpointMockServer, DEFAULT_MAX_RECORDED_REQUESTS } from '../../src/testing/index.js';
import { credentials } from './support.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Heap in use after full collections, in MiB. */
function heapAfterGc(): number {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

/** Growth allowed between 10,000 and 100,000 calls: a leak of even 100 bytes a call (8.6 MiB) shows beside it. */
const HEAP_GROWTH_BOUND_MIB = 8;

describe('soak', () => {
  it(`100,000 guarded calls with never-repeated ids keep the heap within ${HEAP_GROWTH_BOUND_MIB} MiB of its size after 10,000`, async () => {
    const mock = createPinpointMock();
    // The kit's own request handler as the transport: the whole client path (bind, guard, sign, decode, map errors)
    // and the whole kit path (auth check, routing, store, request log) run, with no socket per call.
    const adapter: AxiosAdapter = async (config) => {
      const url = new URL(config.url!);
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(config.headers.toJSON())) if (v !== undefined && v !== null) headers[k.toLowerCase()] = String(v);
      const res = await mock.handle({ method: config.method!.toUpperCase(), path: url.pathname, query: {}, headers, body: typeof config.data === 'string' ? config.data : '' });
      return { data: res.body, status: res.status, statusText: '', headers: res.headers, config, request: {} };
    };
    const client = new PinpointClient({
      region: 'us-east-1', accountId: '123456789012', credentials, lifecycle: 'off', axios: axios.create({ adapter }),
      policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['mobiletargeting:GetSegment', 'mobiletargeting:GetApp'], Resource: '*' }] },
    });
    const app = (await new PinpointClient({ region: 'us-east-1', accountId: '123456789012', credentials, lifecycle: 'off', axios: axios.create({ adapter }) })
      .createApp({ CreateApplicationRequest: { Name: 'soak' } })).ApplicationResponse.Id;

    const call = async (i: number): Promise<void> => {
      // Half the calls find nothing (404 mapped to NotFoundException), half succeed; every id is new.
      if (i % 2 === 0) {
        const err = await client.getSegment({ ApplicationId: app, SegmentId: `segment-${i}` }).catch((e: unknown) => e);
        if (!(err instanceof NotFoundException)) throw new Error(`call ${i}: expected NotFoundException, got ${String(err)}`);
      } else {
        const err = await client.getApp({ ApplicationId: `app-${i}` }).catch((e: unknown) => e);
        if (!(err instanceof NotFoundException)) throw new Error(`call ${i}: expected NotFoundException, got ${String(err)}`);
      }
    };
    const run = async (from: number, to: number): Promise<void> => {
      for (let i = from; i < to; i += 50) await Promise.all(Array.from({ length: Math.min(50, to - i) }, (_, k) => call(i + k)));
    };
    await run(0, 10_000);
    const warm = heapAfterGc();
    await run(10_000, 100_000);
    const after = heapAfterGc();
    expect(mock.requests.length).toBe(DEFAULT_MAX_RECORDED_REQUESTS);
    expect(mock.requests.at(-1)?.path).toBe('/v1/apps/app-99999');
    console.log(`soak: heap after GC ${warm.toFixed(1)} MiB after 10,000 calls, ${after.toFixed(1)} MiB after 100,000 (bound +${HEAP_GROWTH_BOUND_MIB} MiB)`);
    expect(after - warm).toBeLessThan(HEAP_GROWTH_BOUND_MIB);
  }, 180_000);

  it('2,000 concurrent calls from the official SDK against the HTTP kit are all answered', async () => {
    const server = await startPinpointMockServer();
    const sdk = new SdkClient({
      region: 'us-east-1', credentials, endpoint: server.url, maxAttempts: 1,
      // The SDK's Node handler, configured through its options object: keep-alive sockets, 200 at a time.
      requestHandler: { httpAgent: new Agent({ keepAlive: true, maxSockets: 200 }), requestTimeout: 60_000 },
    });
    try {
      const answers = await Promise.all(Array.from({ length: 2_000 }, (_, i) =>
        sdk.send(new GetSegmentCommand({ ApplicationId: `app-${i}`, SegmentId: `segment-${i}` })).then(() => 'answered', (e: unknown) => e)));
      const notFound = answers.filter((a) => a instanceof SdkNotFound);
      expect(answers.filter((a) => !(a instanceof SdkNotFound))).toEqual([]);
      expect(notFound).toHaveLength(2_000);
      expect(server.mock.requests.length).toBe(2_000);
    } finally {
      sdk.destroy();
      await server.close();
    }
  }, 120_000);
});
