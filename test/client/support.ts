/**
 * Shared fixtures of the client tests: a strict msw server (unhandled requests are errors, handlers reset after each
 * test), a recorder of what reached the network, and a client factory with the defaults most tests want.
 */
import { http, HttpResponse } from 'msw';
import { setupServer, type SetupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { PinpointClient } from '../../generated/client.js';
import type { ClientConfig, GuardMode } from '../../src/client/types.js';

export const REGION = 'us-east-1';
export const ACCOUNT = '123456789012';
export const PINPOINT = `https://pinpoint.${REGION}.amazonaws.com`;
export const STS = `https://sts.${REGION}.amazonaws.com/`;
export const CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' } as const;
export const SESSION_TOKEN = 'IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN';

export const ALLOW_ALL = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'mobiletargeting:*', Resource: '*' }] } as const;

/** A request as msw saw it: the raw URL pieces, lower-cased headers and the body text. */
export interface Seen {
  readonly method: string;
  readonly url: URL;
  /** The path exactly as sent, percent-encoding kept. */
  readonly rawPath: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

async function seen(request: Request): Promise<Seen> {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((v, k) => { headers[k.toLowerCase()] = v; });
  return { method: request.method, url, rawPath: url.pathname, headers, body: await request.text() };
}

export interface Wire {
  readonly server: SetupServer;
  /** Every request that reached msw in the current test, in order. */
  readonly requests: Seen[];
  /**
   * Answers every Pinpoint request with `respond` (default: 200 `{}`), recording it first. Returns nothing; look at
   * `requests`.
   */
  pinpoint(respond?: (req: Seen, n: number) => Response | Promise<Response>): void;
}

/** Starts a strict msw server for the calling test file. */
export function useWire(): Wire {
  const server = setupServer();
  const requests: Seen[] = [];
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => { server.resetHandlers(); requests.length = 0; });
  afterAll(() => server.close());
  return {
    server,
    requests,
    pinpoint(respond = () => HttpResponse.json({})) {
      server.use(
        http.all(`${PINPOINT}/*`, async ({ request }) => {
          const s = await seen(request);
          requests.push(s);
          return respond(s, requests.length);
        }),
      );
    },
  };
}

/** Records requests to any URL (for STS and other hosts). */
export function recordingHandler(url: string, requests: Seen[], respond: (req: Seen) => Response | Promise<Response>) {
  return http.all(url, async ({ request }) => {
    const s = await seen(request);
    requests.push(s);
    return respond(s);
  });
}

/** A client with static credentials, a fixed account, an allow-all policy, lifecycle notices off, a silent logger and a 1 ms retry base, unless overridden. */
export function makeClient<M extends GuardMode = 'enforce'>(overrides: Partial<ClientConfig<M>> = {}): PinpointClient<M> {
  return new PinpointClient<M>({
    region: REGION,
    accountId: ACCOUNT,
    credentials: CREDENTIALS,
    policy: ALLOW_ALL,
    lifecycle: 'off',
    logger: { debug: () => {}, warn: () => {} },
    retry: { baseDelayMs: 1 },
    ...overrides,
  } as ClientConfig<M>);
}

/** Calls a generated method by operation name (`GetSegment` → `getSegment`). */
export function callByName(client: PinpointClient<GuardMode>, operation: string, input: unknown, options?: object): Promise<unknown> {
  const method = operation[0]!.toLowerCase() + operation.slice(1);
  const fn = (client as unknown as Record<string, (i: unknown, o?: object) => Promise<unknown>>)[method];
  if (typeof fn !== 'function') throw new Error(`PinpointClient has no method ${method}`);
  return fn.call(client, input, options);
}

/** Settles a promise into its error (or fails when it resolves). */
export async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}
