/**
 * The type of `mock.handlers` without naming msw, so `pinpoint-guard/testing`'s declarations compile in an app that
 * does not install msw (msw is an optional peer dependency). `pinpoint-guard/testing/msw` fills {@link MswTypes} with
 * msw's `HttpHandler`; until something imports that entry, a handler is `unknown`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface MswTypes {}

/** msw's `HttpHandler` once `pinpoint-guard/testing/msw` is imported; `unknown` otherwise. */
export type MswHandler = MswTypes extends { readonly handler: infer H } ? H : unknown;
