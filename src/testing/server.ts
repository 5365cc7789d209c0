/** The same in-memory Pinpoint over real HTTP: a node:http server on 127.0.0.1 that feeds every request to `handle`. */
import { serveOnLoopback } from './http.js';
import { createPinpointMock, payloadTooLarge, type PinpointMock, type PinpointMockOptions } from './mock.js';

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
  const server = await serveOnLoopback(port, ({ method, url, headers, body }) => {
    const query: Record<string, string[]> = {};
    for (const [k, v] of url.searchParams) (query[k] ??= []).push(v);
    return mock.handle({ method: method ?? 'GET', path: url.pathname, query, headers, body });
  }, (e) => ({ status: 500, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ Message: `the mock server failed: ${e.message}` }) }), {
    maxRequestBytes: options.maxRequestBytes,
    tooLarge: payloadTooLarge,
  });
  return { url: server.url, mock, close: server.close };
}
