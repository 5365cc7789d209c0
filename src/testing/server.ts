/** The same in-memory Pinpoint over real HTTP: a node:http server on 127.0.0.1 that feeds every request to `handle`. */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPinpointMock, type PinpointMock, type PinpointMockOptions } from './mock.js';

/** Options of {@link startPinpointMockServer}: the mock's own, plus the port. */
export interface PinpointMockServerOptions extends PinpointMockOptions {
  /** The port on 127.0.0.1 (default 0: any free port). */
  readonly port?: number;
  /** Serve this existing mock instead of creating one. */
  readonly mock?: PinpointMock;
}

/** A running mock server. */
export interface PinpointMockServer {
  /** `http://127.0.0.1:<port>`: pass it as the client's `endpoint`. */
  readonly url: string;
  readonly mock: PinpointMock;
  /** Stops listening, drops open connections and frees the port. */
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Starts an in-memory Pinpoint on 127.0.0.1 over node:http.
 *
 * @example
 * const { url, mock, close } = await startPinpointMockServer({ port: 0 });
 * const client = new PinpointClient({ region: 'us-east-1', endpoint: url, credentials });
 */
export async function startPinpointMockServer(options: PinpointMockServerOptions = {}): Promise<PinpointMockServer> {
  const { port = 0, mock: given, ...mockOptions } = options;
  const mock = given ?? createPinpointMock(mockOptions);
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const query: Record<string, string[]> = {};
      for (const [k, v] of url.searchParams) (query[k] ??= []).push(v);
      const response = await mock.handle({ method: req.method ?? 'GET', path: url.pathname, query, headers: req.headers, body: await readBody(req) });
      res.writeHead(response.status, response.headers);
      res.end(response.body);
    })().catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ Message: `the mock server failed: ${(e as Error).message}` }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => { server.off('error', reject); resolve(); });
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    mock,
    close: () => new Promise<void>((resolve, reject) => {
      server.close((e) => (e ? reject(e) : resolve()));
      server.closeAllConnections();
    }),
  };
}
