/**
 * The default transport (node:http, src/client/transport.ts) against a real loopback server: encoded bodies are
 * decoded, a body is sent with its byte length, socket failures keep node's code, the timeout and the caller's signal
 * end an attempt whose body is still streaming, and a process whose environment names a proxy sends through it (axios's
 * adapter, as before the default changed).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PinpointClient } from '../../generated/client.js';
import { AbortError, NetworkError, TimeoutError } from '../../src/errors/transport.js';
import { environmentNamesProxy } from '../../src/client/transport.js';
import { ACCOUNT, ALLOW_ALL, CREDENTIALS, REGION, rejection } from './support.js';

let server: Server | undefined;
afterEach(async () => {
  vi.unstubAllEnvs();
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r) ?? r(undefined));
  server = undefined;
});

interface Received { readonly method: string; readonly url: string; readonly headers: IncomingMessage['headers']; readonly body: Buffer }

/** Serves `answer` on 127.0.0.1 once the request's body is read; what arrived is kept in order. */
async function serve(answer: (res: ServerResponse, req: Received) => void): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) };
      received.push(r);
      answer(res, r);
    });
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

const client = (endpoint: string, extra: { timeout?: number } = {}): PinpointClient =>
  new PinpointClient({
    region: REGION, accountId: ACCOUNT, credentials: CREDENTIALS, policy: ALLOW_ALL, lifecycle: 'off', endpoint,
    logger: { debug: () => {}, warn: () => {} }, retry: { maxAttempts: 1 }, ...extra,
  });

const SEGMENT = JSON.stringify({ Id: 'segment-1', ApplicationId: 'app-1', Name: 'café ☕' });

describe('the default transport', () => {
  it.each([
    ['gzip', gzipSync],
    ['x-gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync],
  ] as const)('decodes a %s body', async (encoding, encode) => {
    const encoded = encode(Buffer.from(SEGMENT));
    const { url } = await serve((res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': encoding, 'content-length': String(encoded.length) });
      res.end(encoded);
    });
    const out = await client(url).getSegment({ ApplicationId: 'app-1', SegmentId: 'segment-1' });
    expect(out.SegmentResponse).toEqual(JSON.parse(SEGMENT));
  });

  it('sends a body with its length in bytes, not characters, and no chunked encoding', async () => {
    const { url, received } = await serve((res) => {
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(SEGMENT);
    });
    await client(url).createSegment({ ApplicationId: 'app-1', WriteSegmentRequest: { Name: 'café ☕' } });
    const [req] = received;
    expect(req!.method).toBe('POST');
    expect(req!.headers['transfer-encoding']).toBeUndefined();
    expect(Number(req!.headers['content-length'])).toBe(req!.body.length);
    expect(JSON.parse(req!.body.toString('utf8'))).toEqual({ Name: 'café ☕' });
  });

  it('a refused connection is a NetworkError carrying node\'s code', async () => {
    const { url } = await serve(() => {});
    server!.closeAllConnections();
    await new Promise((r) => server!.close(r));
    server = undefined;
    const err = await rejection(client(url).getApp({ ApplicationId: 'app-1' }));
    expect(err).toBeInstanceOf(NetworkError);
    expect(err).toMatchObject({ code: 'ECONNREFUSED', attempts: 1 });
  });

  it('a connection reset mid-body is a NetworkError carrying ECONNRESET, at once', async () => {
    const { url } = await serve((res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"Id":', () => setTimeout(() => res.socket?.destroy(), 10));
    });
    const started = Date.now();
    const err = await rejection(client(url, { timeout: 10_000 }).getSegment({ ApplicationId: 'app-1', SegmentId: 'segment-1' }));
    expect(err).toBeInstanceOf(NetworkError);
    expect(err).toMatchObject({ code: 'ECONNRESET' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('a body that stalls mid-stream ends at the timeout with a TimeoutError', async () => {
    const { url } = await serve((res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"Id":');
    });
    const err = await rejection(client(url, { timeout: 150 }).getSegment({ ApplicationId: 'app-1', SegmentId: 'segment-1' }));
    expect(err).toBeInstanceOf(TimeoutError);
    expect(err.message).toBe('the request did not complete within 150 ms');
  });

  it("the caller's signal ends an attempt whose body is streaming with an AbortError", async () => {
    const controller = new AbortController();
    const { url } = await serve((res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"Id":', () => setTimeout(() => controller.abort(), 20));
    });
    const err = await rejection(client(url).getSegment({ ApplicationId: 'app-1', SegmentId: 'segment-1' }, { signal: controller.signal }));
    expect(err).toBeInstanceOf(AbortError);
  });

  it('names a proxy only when a proxy variable is set and not empty', () => {
    expect(environmentNamesProxy({})).toBe(false);
    expect(environmentNamesProxy({ HTTP_PROXY: '' })).toBe(false);
    for (const name of ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy']) {
      expect(environmentNamesProxy({ [name]: 'http://proxy.internal:3128' })).toBe(true);
    }
  });

  it('with HTTP_PROXY in the environment, a request goes through the proxy', async () => {
    // The "proxy" answers itself: what matters is that the request reached it in absolute form.
    const proxy = await serve((res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ Id: 'app-1', Name: 'via proxy' }));
    });
    vi.stubEnv('HTTP_PROXY', proxy.url);
    vi.resetModules(); // the default sender reads the environment on its first request
    const fresh = await import('../../generated/client.js');
    const viaProxy = new fresh.PinpointClient({
      region: REGION, accountId: ACCOUNT, credentials: CREDENTIALS, policy: ALLOW_ALL, lifecycle: 'off',
      endpoint: 'http://pinpoint.example.internal', allowInsecureEndpoint: true, logger: { debug: () => {}, warn: () => {} },
    });
    const out = await viaProxy.getApp({ ApplicationId: 'app-1' });
    expect(out.ApplicationResponse).toEqual({ Id: 'app-1', Name: 'via proxy' });
    expect(proxy.received.map((r) => r.url)).toEqual(['http://pinpoint.example.internal/v1/apps/app-1']);
  });
});
