/**
 * pinpoint-guard/testing: an in-memory Amazon Pinpoint for testing code that uses the client, without AWS.
 *
 * - {@link createPinpointMock}: msw request handlers (`setupServer(...mock.handlers)`) backed by an in-memory store.
 * - {@link startPinpointMockServer}: the same service over real HTTP on 127.0.0.1.
 *
 * Both serve every request through one function (`mock.handle`), routed by the generated operations table; all 122
 * operations of the catalog are served, with the state Pinpoint keeps.
 * `msw` (v2, an optional peer dependency) is needed for the handlers only.
 * These declarations name no msw type (`mock.handlers` is `unknown[]` until a file of the program imports `pinpoint-guard/testing/msw`), so an app without msw type-checks against
 * them; `pinpoint-guard/testing/msw` is the same entry with `mock.handlers` typed as msw's `HttpHandler[]`.
 */
export { createPinpointMock, DEFAULT_MAX_RECORDED_REQUESTS, type PinpointMock, type PinpointMockOptions } from './mock.js';
export { startPinpointMockServer, type PinpointMockServer, type PinpointMockServerOptions } from './server.js';
export type { MockRequest, MockResponse, RecordedRequest } from './handle.js';
export type { FaultSpec, FaultStatus } from './faults.js';
export type { HandlerContext, HandlerTable, OperationHandler } from './context.js';
export type {
  PinpointStoreView, StoredApp, StoredSegment, StoredCampaign, StoredChannel, StoredJourney, StoredTemplate, TemplateVersion, StoredOtp, StoredEvent,
  SentMessage, DeepReadonly,
} from './store.js';
export { MockServiceError, notFound, badRequest, EXCEPTION_STATUS, type ExceptionName } from './errors.js';
export { PINPOINT_ORIGIN, type EndpointMatcher } from './msw.js';
export { checkBody, REQUIRED_BEYOND_SHAPES } from './check-body.js';
export type { BodyRules, ShapeRule, ValueRule } from './shape-rules.js';
export { validatePhoneNumber } from './handlers/phone.js';
export { DEFAULT_PAGE_SIZE } from './paging.js';
export * from './iam/index.js';
