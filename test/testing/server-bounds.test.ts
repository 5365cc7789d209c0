/**
 * The kit's HTTP server stays up under hostile requests: a body past the cap is answered 413
 * PayloadTooLargeException (as AWS answers) without reading the rest, an upload cut off mid-body and a malformed
 * request are answered or dropped alone, and other clients keep being served throughout.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PayloadTooLargeException } from '../../src/index.js';
import { startPinpointMockServer, type PinpointMockServer } from '../../src/testing/index.js';
import { startIamMockServer } from '../../src/testing/iam/index.js';
import { DEFAULT_MAX_REQUEST_BYTES } from '../../src/testing/http.js';
import { newClient } from './support.js';

const KiB = 1024;
const MiB = 1024 * KiB;

interface Answer { readonly status: number; readonly headers: Record<string, unknown>; readonly body: string }

/** Sends `chunks` (as a chunked upload, or with a content-length) and collects the answer, or the connection error. */
function send(url: string, body: { readonly chunk: Buffer; readonly times: number; readonly declare?: boolean }): Promise<Answer | Error> {
  return new Promise((resolve) => {
    const total = body.chunk.length * body.times;
    const req = request(`${url}/v1/apps`, { method: 'POST', headers: { 'content-type': 'application/json', ...(body.declare ? { 'content-length': String(total) } : {}) } }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts).toString('utf8') }));
      res.on('error', resolve);
    });
    req.on('error', resolve);
    let sent = 0;
    const pump = (): void => {
      while (sent < body.times && !req.destroyed) {
        sent++;
        if (!req.write(body.chunk)) { req.once('drain', pump); return; }
      }
      if (!req.destroyed) req.end();
    };
    pump();
  });
}

let server: PinpointMockServer;
beforeAll(async () => { server = await startPinpointMockServer({ maxRequestBytes: 64 * KiB }); });
afterAll(() => server.close());

/** A client of the same server still works. */
async function stillServes(): Promise<void> {
  const app = await newClient({ endpoint: server.url }).createApp({ CreateApplicationRequest: { Name: 'still-here' } });
  expect(app.$metadata.httpStatusCode).toBe(201);
}

describe('request bodies are capped', () => {
  it('the default cap is 10 MiB', () => {
    expect(DEFAULT_MAX_REQUEST_BYTES).toBe(10 * MiB);
  });

  it('a body past the cap is 413 PayloadTooLargeException, as AWS answers, and the client sees that exception (not retried)', async () => {
    const client = newClient({ endpoint: server.url });
    const err = await client.createApp({ CreateApplicationRequest: { Name: 'x'.repeat(100 * KiB) } }).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(PayloadTooLargeException);
    expect(err).toMatchObject({ status: 413, message: "Request body is larger than the mock's limit of 65536 bytes (maxRequestBytes)", $metadata: { attempts: 1 } });
    await stillServes();
  });

  it('a declared Content-Length past the cap is refused before the body is read', async () => {
    const answer = await send(server.url, { chunk: Buffer.alloc(MiB, 0x20), times: 1, declare: true });
    expect(answer).toMatchObject({ status: 413, headers: { 'x-amzn-errortype': 'PayloadTooLargeException', connection: 'close' } });
    await stillServes();
  });

  it('an endless chunked upload (no Content-Length) is cut at the cap: 413 or a dropped connection, and the server stays up', async () => {
    const before = process.memoryUsage().rss;
    const answer = await send(server.url, { chunk: Buffer.alloc(MiB, 0x20), times: 512 });
    // The client sees the 413 if it reads before its write fails, else the reset; either way it did not upload 512 MiB.
    if (!(answer instanceof Error)) expect(answer.status).toBe(413);
    expect(process.memoryUsage().rss - before).toBeLessThan(256 * MiB);
    await stillServes();
  });

  it('an upload cut off mid-body, and a request that is not HTTP, leave the server serving others', async () => {
    await new Promise<void>((resolve) => {
      const req = request(`${server.url}/v1/apps`, { method: 'POST', headers: { 'content-length': '1000' } });
      req.on('error', () => resolve());
      req.write('{"Name":');
      setTimeout(() => { req.destroy(); resolve(); }, 20);
    });
    const { connect } = await import('node:net');
    const garbage = await new Promise<string>((resolve) => {
      const socket = connect(Number(new URL(server.url).port), '127.0.0.1', () => socket.write('\x16\x03\x01 not http at all\r\n\r\n'));
      const parts: Buffer[] = [];
      socket.on('data', (c: Buffer) => parts.push(c));
      socket.on('close', () => resolve(Buffer.concat(parts).toString('latin1')));
      socket.on('error', () => {});
    });
    expect(garbage).toMatch(/^HTTP\/1\.1 400 Bad Request/);
    await stillServes();
  });

  it('maxRequestBytes is checked', async () => {
    await expect(startPinpointMockServer({ maxRequestBytes: -1 })).rejects.toThrow('maxRequestBytes: expected a non-negative integer (bytes), got -1');
  });

  it('the IAM/STS emulation caps its bodies too, with an XML error', async () => {
    const iam = await startIamMockServer({ maxRequestBytes: KiB });
    try {
      const answer = await send(iam.url, { chunk: Buffer.alloc(4 * KiB, 0x61), times: 1, declare: true });
      expect(answer).toMatchObject({ status: 413 });
      expect((answer as Answer).body).toContain('<Code>RequestEntityTooLarge</Code>');
    } finally {
      await iam.close();
    }
  });
});
