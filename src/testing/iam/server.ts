/** The emulated IAM and STS over real HTTP: a node:http server on 127.0.0.1 (no msw). */
import { serveOnLoopback } from '../http.js';
import { createIamMock, requestEntityTooLarge, type IamMock, type IamMockOptions } from './mock.js';

export interface IamMockServerOptions extends IamMockOptions {
  /** The port on 127.0.0.1 (default 0: any free port). */
  readonly port?: number;
  /** Serve this existing mock instead of creating one. */
  readonly mock?: IamMock;
}

export interface IamMockServer {
  /** `http://127.0.0.1:<port>`: pass it as `iamEndpoint` and `stsEndpoint` (one server answers both). */
  readonly url: string;
  readonly mock: IamMock;
  close(): Promise<void>;
}

/**
 * Starts the emulated IAM and STS on 127.0.0.1.
 *
 * @example
 * const { url, close } = await startIamMockServer({ roles, callers });
 * const principal = await loadPrincipal({ region: 'us-east-1', credentials, iamEndpoint: url, stsEndpoint: url });
 */
export async function startIamMockServer(options: IamMockServerOptions = {}): Promise<IamMockServer> {
  const { port = 0, mock: given, ...mockOptions } = options;
  const mock = given ?? createIamMock(mockOptions);
  const server = await serveOnLoopback(port, ({ method, url, headers, body }) =>
    mock.handle({ method: method ?? 'POST', path: url.pathname, query: Object.fromEntries(url.searchParams), headers, body }), (e) => ({ status: 500, headers: { 'content-type': 'text/plain' }, body: `the IAM mock server failed: ${e.message}` }), {
    maxRequestBytes: options.maxRequestBytes,
    tooLarge: requestEntityTooLarge,
  });
  return { url: server.url, mock, close: server.close };
}
