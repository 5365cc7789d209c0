/**
 * The one node:http loopback server both emulations (Pinpoint, IAM/STS) are served over: it reads each request whole
 * (up to a cap), hands it to the emulation and writes the answer; a failure of the emulation itself is a 500 naming it.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the server read it. */
export interface LoopbackRequest {
  readonly method: string | undefined;
  readonly url: URL;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** What the emulation answers. */
export interface LoopbackResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** A listening server: its `http://127.0.0.1:<port>` URL and how to stop it. */
export interface LoopbackServer {
  readonly url: string;
  /** Stops listening, drops open connections and frees the port. */
  close(): Promise<void>;
}

/**
 * Default cap of a request body: 10 MiB, over anything a Pinpoint or IAM request holds. A larger body is refused with
 * 413 as it arrives, so one huge upload cannot exhaust the memory of the process that hosts the kit (a test runner).
 */
export const DEFAULT_MAX_REQUEST_BYTES = 10 * 1024 * 1024;

/** How the server bounds requests, and how the emulation phrases the refusals. */
export interface LoopbackOptions {
  /** Cap of a request body in bytes (default {@link DEFAULT_MAX_REQUEST_BYTES}). */
  readonly maxRequestBytes?: number;
  /** The answer to a body past the cap (AWS answers 413). */
  readonly tooLarge: (maxRequestBytes: number) => LoopbackResponse;
}

/** The cap of a request body from a kit's `maxRequestBytes` option: {@link DEFAULT_MAX_REQUEST_BYTES} when not given. @throws TypeError naming the option. */
export function requestCap(maxRequestBytes: number | undefined): number {
  const cap = maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  if (!Number.isSafeInteger(cap) || cap < 0) throw new TypeError(`maxRequestBytes: expected a non-negative integer (bytes), got ${JSON.stringify(maxRequestBytes)}`);
  return cap;
}

type Body = { readonly kind: 'body'; readonly text: string } | { readonly kind: 'too-large' };

/** The body, read up to `cap` bytes: past it (or when Content-Length says so) reading stops at once. */
function readBody(req: IncomingMessage, cap: number): Promise<Body> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > cap) { resolve({ kind: 'too-large' }); return; }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer): void => {
      size += c.length;
      if (size > cap) {
        req.off('data', onData);
        chunks.length = 0;
        resolve({ kind: 'too-large' });
        return;
      }
      chunks.push(c);
    };
    req.on('data', onData);
    req.on('end', () => {
      try {
        resolve({ kind: 'body', text: Buffer.concat(chunks).toString('utf8') });
      } catch (e) {
        reject(e as Error);
      }
    });
    req.on('error', reject);
  });
}

/** Writes an answer unless the connection is gone; `close` asks the client to drop it (a refused upload still streaming). */
function answer(res: ServerResponse, response: LoopbackResponse, close = false): void {
  if (res.destroyed || res.writableEnded) return;
  if (!res.headersSent) res.writeHead(response.status, close ? { ...response.headers, connection: 'close' } : response.headers);
  res.end(response.body);
}

/**
 * Serves `handle` on 127.0.0.1:`port` (0: any free port); `failure` phrases the 500 when `handle` throws. Nothing
 * escapes a listener: a body past the cap is a 413 (the rest of the upload is not read), a request that fails while
 * it is read is answered if it still can be, and an answer that cannot be written drops that connection alone; other
 * clients keep being served.
 */
export async function serveOnLoopback(
  port: number,
  handle: (request: LoopbackRequest) => Promise<LoopbackResponse>,
  failure: (e: Error) => LoopbackResponse,
  options: LoopbackOptions,
): Promise<LoopbackServer> {
  const cap = requestCap(options.maxRequestBytes);
  const server = createServer((req, res) => {
    req.on('error', () => {});
    res.on('error', () => {});
    void (async () => {
      const body = await readBody(req, cap);
      if (body.kind === 'too-large') {
        answer(res, options.tooLarge(cap), true);
        // The client may still be uploading: once the 413 is out, the connection is dropped rather than drained.
        res.once('finish', () => req.destroy());
        return;
      }
      const response = await handle({ method: req.method, url: new URL(req.url ?? '/', 'http://127.0.0.1'), headers: req.headers, body: body.text });
      answer(res, response);
    })().catch((e: unknown) => {
      try {
        answer(res, failure(e instanceof Error ? e : new Error(String(e))));
      } catch {
        res.destroy();
      }
    });
  });
  server.on('clientError', (_e, socket) => { if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n'); else socket.destroy(); });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => { server.off('error', reject); resolve(); });
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((resolve, reject) => {
      server.close((e) => (e ? reject(e) : resolve()));
      server.closeAllConnections();
    }),
  };
}
