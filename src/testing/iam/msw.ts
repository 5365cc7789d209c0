/** msw handlers for the emulated IAM and STS (the only file of the IAM emulation that imports msw). */
import { http, HttpResponse, type HttpHandler } from 'msw';
import type { MockRequest, MockResponse } from '../handle.js';

/**
 * IAM's and STS's public endpoints: `https://iam.amazonaws.com`, `https://sts.amazonaws.com`, the Regional
 * `https://sts.<region>.amazonaws.com`, and their China and GovCloud forms.
 */
export const IAM_STS_ORIGIN = /^https:\/\/(iam|sts)(\.[a-z]{2}(-[a-z]+)+-\d+)?\.amazonaws\.com(\.cn)?$/;

/** msw handlers serving requests whose origin matches `origin` (a pattern, or a base URL such as `iamEndpoint`). */
export function iamMswHandlers(origins: readonly (string | RegExp)[], handle: (request: MockRequest) => Promise<MockResponse>): readonly HttpHandler[] {
  const serves = (url: URL): boolean => origins.some((o) => (o instanceof RegExp ? o.test(url.origin) : new URL(o).origin === url.origin));
  return [
    http.all(
      ({ request }) => serves(new URL(request.url)),
      async ({ request }) => {
        const url = new URL(request.url);
        const headers: Record<string, string> = {};
        request.headers.forEach((value, name) => { headers[name] = value; });
        const query: Record<string, string> = Object.fromEntries(url.searchParams);
        const res = await handle({ method: request.method, path: url.pathname, query, headers, body: await request.text() });
        return new HttpResponse(res.body, { status: res.status, headers: res.headers });
      },
    ),
  ];
}
