/**
 * The one node:http loopback server both emulations (Pinpoint, IAM/STS) are served over: it reads each request whole,
 * hands it to the emulation and writes the answer; a failure of the emulation itself is a 500 naming it.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
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

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Serves `handle` on 127.0.0.1:`port` (0: any free port); `failure` phrases the 500 when `handle` throws. */
export async function serveOnLoopback(
  port: number,
  handle: (request: LoopbackRequest) => Promise<LoopbackResponse>,
  failure: (e: Error) => LoopbackResponse,
): Promise<LoopbackServer> {
  const server = createServer((req, res) => {
    void (async () => {
      const response = await handle({ method: req.method, url: new URL(req.url ?? '/', 'http://127.0.0.1'), headers: req.headers, body: await readBody(req) });
      res.writeHead(response.status, response.headers);
      res.end(response.body);
    })().catch((e: unknown) => {
      const answer = failure(e as Error);
      if (!res.headersSent) res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
    });
  });
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
