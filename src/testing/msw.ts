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

/** msw handlers that serve `endpoint` with `handle`; other requests fall through (to `onUnhandledRequest`). */
export function mswHandlers(endpoint: EndpointMatcher, handle: (request: MockRequest) => Promise<MockResponse>): readonly MswHandler[] {
  const { http, HttpResponse } = requireMsw();
  const handlers: HttpHandler[] = [
    http.all(
      ({ request }) => pathBelow(endpoint, new URL(request.url)) !== undefined,
      async ({ request }) => {
        const url = new URL(request.url);
        const res = await handle({
          method: request.method,
          path: pathBelow(endpoint, url) ?? url.pathname,
          query: query(url),
          headers: headersOf(request.headers),
          body: await request.text(),
        });
        return new HttpResponse(res.body === '' ? null : res.body, { status: res.status, headers: res.headers });
      },
    ),
  ];
  // The declared type names no msw type (see msw-types.ts); at run time these are msw's HttpHandlers.
  return handlers as readonly MswHandler[];
}
