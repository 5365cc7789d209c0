/**
 * Response bodies are bounded while they stream in: an endless answer, a gzip bomb and a 1 GB body end at the cap
 * (counted after decompression) with a ResponseTooLargeError naming the operation, the cap and how to raise it, and
 * none is downloaded again by a retry. Served by a real loopback server, so axios's own socket and zlib streams run.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { PinpointClient } from '../../generated/client.js';
import { DEFAULT_MAX_RESPONSE_BYTES } from '../../src/client/send.js';
import { ResponseTooLargeError } from '../../src/errors/transport.js';
import { ACCOUNT, ALLOW_ALL, CREDENTIALS, REGION, rejection } from './support.js';

const MiB = 1024 * 1024;

interface Served { readonly url: string; readonly requests: number; readonly bytesWritten: number; readonly closed: number }

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r) ?? r(undefined));
  server = undefined;
});

/** Serves `answer` on 127.0.0.1; counts requests, bytes the answer managed to write, and connections the client closed. */
async function serve(answer: (res: ServerResponse, stats: { bytesWritten: number }) => void): Promise<Served> {
  const stats = { url: '', requests: 0, bytesWritten: 0, closed: 0 };
  server = createServer((req, res) => {
    stats.requests++;
    req.resume();
    res.on('close', () => { stats.closed++; });
    answer(res, stats);
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  stats.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return stats;
}

/** Writes `chunk` for as long as the client reads (backpressure respected), up to `total` bytes. */
function stream(res: ServerResponse, stats: { bytesWritten: number }, chunk: Buffer, total = Infinity): void {
  const pump = (): void => {
    while (!res.destroyed && stats.bytesWritten < total) {
      stats.bytesWritten += chunk.length;
      if (!res.write(chunk)) { res.once('drain', pump); return; }
    }
    if (!res.destroyed) res.end();
  };
  pump();
}

const client = (endpoint: string, maxResponseBytes?: number): PinpointClient =>
  new PinpointClient({
    region: REGION, accountId: ACCOUNT, credentials: CREDENTIALS, policy: ALLOW_ALL, lifecycle: 'off', endpoint,
    logger: { debug: () => {}, warn: () => {} }, retry: { maxAttempts: 3, baseDelayMs: 1 },
    ...(maxResponseBytes !== undefined ? { maxResponseBytes } : {}),
  });

function expectTooLarge(err: Error, operation: string, cap: number): void {
  expect(err).toBeInstanceOf(ResponseTooLargeError);
  expect(err).toMatchObject({ name: 'ResponseTooLargeError', operation, maxResponseBytes: cap });
  expect(err.message).toBe(`${operation}: the response body exceeded maxResponseBytes (${cap} bytes, counted after decompression); the request was aborted and is not retried. If such a large answer is expected, raise maxResponseBytes in the client's config`);
}

describe('response bodies are capped while streaming', () => {
  it('the default cap is 10 MiB', () => {
    expect(DEFAULT_MAX_RESPONSE_BYTES).toBe(10 * MiB);
  });

  it('an endless 200 body is cut at the configured cap, the connection closed, and not retried', async () => {
    const s = await serve((res, stats) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"ApplicationsResponse":{"Item":[');
      stream(res, stats, Buffer.from('{"Id":"x"},'.repeat(6000)));
    });
    const err = await rejection(client(s.url, MiB).getApps({}));
    expectTooLarge(err, 'GetApps', MiB);
    expect(s.requests).toBe(1);
    await expect.poll(() => s.closed).toBe(1);
    // Socket buffers let some more through before the close is seen, but nothing near an endless body.
    expect(s.bytesWritten).toBeLessThan(32 * MiB);
  });

  it('a gzip bomb (64 KiB on the wire, 64 MiB inflated) is cut at the default cap, counted after decompression', async () => {
    const bomb = gzipSync(Buffer.alloc(64 * MiB, 0x20));
    expect(bomb.length).toBeLessThan(DEFAULT_MAX_RESPONSE_BYTES / 10);
    const s = await serve((res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': String(bomb.length) });
      res.end(bomb);
    });
    const err = await rejection(client(s.url).getApps({}));
    expectTooLarge(err, 'GetApps', DEFAULT_MAX_RESPONSE_BYTES);
    expect(s.requests).toBe(1);
  });

  it('a 1 GB error body (a 500, which is otherwise retried) is cut at the default cap and downloaded once', async () => {
    const s = await serve((res, stats) => {
      res.writeHead(500, { 'content-type': 'application/json', 'content-length': String(1024 * MiB) });
      stream(res, stats, Buffer.alloc(MiB, 0x20), 1024 * MiB);
    });
    const err = await rejection(client(s.url).getApps({}));
    expectTooLarge(err, 'GetApps', DEFAULT_MAX_RESPONSE_BYTES);
    expect(s.requests).toBe(1);
    await expect.poll(() => s.closed).toBe(1);
    expect(s.bytesWritten).toBeLessThan(64 * MiB);
  });

  it('a body at the cap is accepted', async () => {
    const body = JSON.stringify({ Name: 'x'.repeat(1000) });
    const s = await serve((res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(body); });
    const out = await client(s.url, Buffer.byteLength(body)).getApp({ ApplicationId: 'a' });
    expect(out.ApplicationResponse).toEqual({ Name: 'x'.repeat(1000) });
  });
});
