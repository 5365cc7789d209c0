/**
 * pinpoint-guard/testing/msw: `pinpoint-guard/testing` for msw users. The same exports, with `mock.handlers` typed as
 * msw's `HttpHandler[]` so `setupServer(...mock.handlers)` type-checks. Needs the optional peer dependency msw (v2);
 * `pinpoint-guard/testing` itself names no msw type, so an app without msw compiles against it.
 */
import type { HttpHandler } from 'msw';

declare module '../msw-types.js' {
  interface MswTypes {
    readonly handler: HttpHandler;
  }
}

export * from '../index.js';
