/**
 * The msw adapter: one catch-all handler for the mock's endpoint that feeds requests to `handle`. msw is an optional
 * peer dependency, needed only for these handlers: it is imported here, once, and its absence is reported when the
 * handlers are asked for, so `startPinpointMockServer` (plain HTTP) works without it.
 */
import type { HttpHandler } from 'msw';
import type { MockRequest, MockResponse } from './handle.js';
import type { MswHandler } from './msw-types.js';

type Msw = typeof import('msw');

/** msw, or the reason it could not be loaded (only "not installed" is tolerated; any other failure is thrown). */
const msw: Msw | Error = await import('msw').catch((e: NodeJS.ErrnoException) => {
  if (e?.code === 'ERR_MODULE_NOT_FOUND' && /['"]msw['"]/.test(String(e.message))) return new Error(e.message);
  throw e;
});

/** msw's module. @throws Error naming the missing peer dependency and how to install it. */
function requireMsw(): Msw {
  if (msw instanceof Error) {
    throw new Error(
      "pinpoint-guard/testing: mock.handlers needs the optional peer dependency 'msw' (v2), which is not installed: " +
        'npm install --save-dev msw. startPinpointMockServer() serves the same mock over HTTP without it.',
    );
  }
  return msw;
}

/** Pinpoint's public endpoints in every Region: `https://pinpoint.<region>.amazonaws.com` (and `.com.cn`). */
export const PINPOINT_ORIGIN = /^https:\/\/pinpoint\.[a-z]{2}(-[a-z]+)+-\d+\.amazonaws\.com(\.cn)?$/;

/** Which requests the handlers serve: a base URL (its origin and path prefix) or a pattern tested against the origin. */
export type EndpointMatcher = string | RegExp;

/** The path below the endpoint, or `undefined` when the URL is not the endpoint's. */
export function pathBelow(endpoint: EndpointMatcher, url: URL): string | undefined {
  if (endpoint instanceof RegExp) return endpoint.test(url.origin) ? url.pathname : undefined;
  const base = new URL(endpoint);
  const prefix = base.pathname.replace(/\/$/, '');
  if (url.origin !== base.origin || !url.pathname.startsWith(`${prefix}/`)) return undefined;
  return url.pathname.slice(prefix.length);
}

function headersOf(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => { out[name] = value; });
  return out;
}

function query(url: URL): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of url.searchParams) (out[k] ??= []).push(v);
  return out;
}

/** How the handlers bound a request body, and the emulation's answer past the bound (AWS answers 413). */
export interface RequestBounds {
  readonly maxRequestBytes: number;
  readonly tooLarge: (maxRequestBytes: number) => MockResponse;
}

/**
 * The body's text, read up to `cap` bytes; undefined past it (or when Content-Length says so), and the rest is not
 * read: the sender's body may be in the same process, but the emulation does not parse or keep a copy of it.
 */
async function cappedText(request: Request, cap: number): Promise<string | undefined> {
  const declared = Number(request.headers.get('content-length') ?? undefined);
  if (Number.isFinite(declared) && declared > cap) return undefined;
  if (request.body === null) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > cap) {
      // Not awaited: the sender may be this process's own fetch, whose upload settles only once it is answered.
      reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** msw handlers that serve `endpoint` with `handle`; other requests fall through (to `onUnhandledRequest`). */
export function mswHandlers(endpoint: EndpointMatcher, handle: (request: MockRequest) => Promise<MockResponse>, bounds: RequestBounds): readonly MswHandler[] {
  const { http, HttpResponse } = requireMsw();
  const respond = (res: MockResponse): Response => new HttpResponse(res.body === '' ? null : res.body, { status: res.status, headers: res.headers });
  const handlers: HttpHandler[] = [
    http.all(
      ({ request }) => pathBelow(endpoint, new URL(request.url)) !== undefined,
      async ({ request }) => {
        const url = new URL(request.url);
        const body = await cappedText(request, bounds.maxRequestBytes);
        if (body === undefined) return respond(bounds.tooLarge(bounds.maxRequestBytes));
        return respond(await handle({
          method: request.method,
          path: pathBelow(endpoint, url) ?? url.pathname,
          query: query(url),
          headers: headersOf(request.headers),
          body,
        }));
      },
    ),
  ];
  // The declared type names no msw type (see msw-types.ts); at run time these are msw's HttpHandlers.
  return handlers as readonly MswHandler[];
}
