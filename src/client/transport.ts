/**
 * The client's default transport: one request on node:http(s) and its global keep-alive agent, the body read as text,
 * decompressed and counted as it streams in.
 *
 * Why not axios by default: at concurrency 32 over loopback (bench:http) a request through axios costs ~210 CPU µs
 * where node:http costs ~60 — axios merges its config, normalises and sanitises every header, looks a proxy up in the
 * environment and builds its stream plumbing on every request — which was most of a guarded call's cost. What axios
 * adds beyond this file is not used by the client: redirects (the client follows none, as the AWS SDK follows none),
 * form data, progress, data: URLs. It stays where it earns its cost: a caller's `config.axios` instance (its adapter
 * and interceptors) and a process whose environment names a proxy (HTTP(S)_PROXY, NO_PROXY), which axios honours.
 *
 * node:http is called through its module object at send time, so that network-level mocks (msw) see the request.
 */
import http from 'node:http';
import https from 'node:https';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable, Transform } from 'node:stream';
import { BodyTooLargeError, type AttemptBounds, type RawResponse, type WireRequest } from './send.js';
import { AbortError, TimeoutError } from '../errors/transport.js';

/** A decoder per `content-encoding` undone here; a body in any other encoding is handed over as it came. */
const DECODERS: Readonly<Record<string, () => Transform>> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

/** Statuses whose answer carries no body, so none is decoded. */
const NO_BODY_STATUS: ReadonlySet<number> = new Set([204, 304]);

/** The variables axios's Node adapter reads to send through a proxy. */
const PROXY_VARIABLES = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy'] as const;

/** Whether the environment names a proxy: then axios, which knows proxies, sends instead. */
export function environmentNamesProxy(env: NodeJS.ProcessEnv = process.env): boolean {
  return PROXY_VARIABLES.some((name) => (env[name] ?? '') !== '');
}

/** Reads `stream` into text; past `cap` bytes it calls `tooLarge` and stops reading. */
function readText(stream: Readable, cap: number, tooLarge: () => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > cap) {
        stream.destroy();
        tooLarge();
        reject(new BodyTooLargeError(cap));
        return;
      }
      chunks.push(chunk);
    });
    stream.once('error', reject);
    stream.once('end', () => resolve(chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks, size).toString('utf8')));
  });
}

/** A decoded body no longer has the length or the encoding it was sent with. */
function decodedHeaders(headers: http.IncomingHttpHeaders): Record<string, unknown> {
  const { 'content-encoding': _encoding, 'content-length': _length, ...rest } = headers;
  return rest;
}

/**
 * One attempt: resolves with any status (the client reads it); rejects with node's error (its `code` kept), a
 * TimeoutError past the timeout, an AbortError on the caller's signal, a BodyTooLargeError past the cap. A timer and,
 * only when the caller passed a signal, one listener: no AbortController per request.
 */
export function sendOverNode(req: WireRequest, { timeoutMs, signal, maxBytes }: AttemptBounds): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const settle = (): boolean => {
      if (settled) return false;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      return true;
    };
    const fail = (e: unknown): void => {
      if (settle()) reject(e);
    };
    const url = new URL(req.url);
    const transport = url.protocol === 'https:' ? https : http;
    const headers: Record<string, string> = { ...req.headers };
    if (req.body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-length')) headers['content-length'] = String(Buffer.byteLength(req.body));
    const request = transport.request(url, { method: req.method, headers }, (res) => {
      const status = res.statusCode ?? 0;
      const decoder = req.method === 'HEAD' || NO_BODY_STATUS.has(status) ? undefined : DECODERS[(res.headers['content-encoding'] ?? '').trim().toLowerCase()];
      let body: Readable = res;
      if (decoder) {
        const inflate = decoder();
        res.once('error', (e) => inflate.destroy(e));
        body = res.pipe(inflate);
      }
      readText(body, maxBytes, () => request.destroy()).then((text) => {
        if (settle()) resolve({ status, headers: decoder ? decodedHeaders(res.headers) : res.headers, text });
      }, fail);
    });
    // The failure is settled first, so what the destroyed socket emits afterwards is not what the caller sees.
    const onAbort = (): void => {
      fail(new AbortError());
      request.destroy();
    };
    timer = setTimeout(() => {
      fail(new TimeoutError(timeoutMs));
      request.destroy();
    }, timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    request.once('error', fail);
    request.end(req.body);
  });
}
