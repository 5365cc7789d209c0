/** The emulated IAM and STS over real HTTP: a node:http server on 127.0.0.1 (no msw). */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createIamMock, type IamMock, type IamMockOptions } from './mock.js';

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

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
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
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const response = await mock.handle({ method: req.method ?? 'POST', path: url.pathname, query: Object.fromEntries(url.searchParams), headers: req.headers, body: await readBody(req) });
      res.writeHead(response.status, response.headers);
      res.end(response.body);
    })().catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`the IAM mock server failed: ${(e as Error).message}`);
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
