/** `createPinpointMock()`: an in-memory Amazon Pinpoint with msw handlers, its store and its request log. */
import type { MswHandler } from './msw-types.js';
import type { HandlerTable } from './context.js';
import { MemoryStore, type PinpointStoreView } from './store.js';
import { FaultQueue, type FaultSpec } from './faults.js';
import { handle, type MockRequest, type MockResponse, type RecordedRequest } from './handle.js';
import { mswHandlers, PINPOINT_ORIGIN, type EndpointMatcher } from './msw.js';
import { builtinHandlers } from './handlers/index.js';
import { completeJobs } from './handlers/jobs.js';
import { sentOtpCode } from './handlers/otp.js';
import { DEFAULT_PAGE_SIZE } from './paging.js';
import { environmentProblem } from './arn.js';
import { requestCap } from './http.js';

/** Options of {@link createPinpointMock}. */
export interface PinpointMockOptions {
  /**
   * The Region requests must be signed for (their SigV4 credential scope); any Region when omitted. ARNs name the
   * Region of the request's scope, in its partition (`aws`, `aws-cn`, `aws-us-gov`).
   */
  readonly region?: string;
  /** The account ARNs name: 12 digits (default `123456789012`). */
  readonly accountId?: string;
  /**
   * Which URLs the msw handlers serve: a base URL such as the client's `endpoint` (origin and path prefix), or a
   * pattern tested against the origin. Default: Pinpoint's public endpoints in every Region.
   */
  readonly endpoint?: EndpointMatcher;
  /** Check the SigV4 `authorization` header's form and credential scope (default `true`). */
  readonly checkAuthorization?: boolean;
  /** Page size of list operations when the request names none (default 20). */
  readonly pageSize?: number;
  /** Delay every response by this many milliseconds (default 0). */
  readonly latencyMs?: number;
  /** The clock dates come from (default: the real clock). */
  readonly now?: () => Date;
  /**
   * How many of the latest requests `mock.requests` keeps (default 10,000): the log of a mock serving a long run
   * stays bounded. `Infinity` keeps every one.
   */
  readonly maxRecordedRequests?: number;
  /** Handlers that replace built-in ones (keyed by operation name, as the generated operations table names them). */
  readonly handlers?: HandlerTable;
  /**
   * Cap of a request body in bytes, through `mock.handlers` (msw) and `startPinpointMockServer` alike (default 10
   * MiB); a larger one is answered 413 PayloadTooLargeException, as AWS answers, and is not read further.
   */
  readonly maxRequestBytes?: number;
}

/** The mock's answer to a request body past its cap, as AWS phrases a payload that is too large. */
export function payloadTooLarge(maxRequestBytes: number): MockResponse {
  return {
    status: 413,
    headers: { 'content-type': 'application/json', 'x-amzn-errortype': 'PayloadTooLargeException' },
    body: JSON.stringify({ Message: `Request body is larger than the mock's limit of ${maxRequestBytes} bytes (maxRequestBytes)` }),
  };
}

/** An in-memory Amazon Pinpoint. Each mock has its own state. */
export interface PinpointMock {
  /** msw request handlers: `setupServer(...mock.handlers)`. Needs the optional peer dependency msw; reading it without msw throws an error naming it. */
  readonly handlers: readonly MswHandler[];
  /** The state, read-only: `mock.store.apps`, `mock.store.messages`. */
  readonly store: PinpointStoreView;
  /** The requests answered so far, in order (faulted and refused ones included): the latest `maxRecordedRequests`. */
  readonly requests: readonly RecordedRequest[];
  /** Injected faults not yet used up. */
  readonly pendingFaults: readonly FaultSpec[];
  /** Serves one request; the msw handlers and `startPinpointMockServer` both call this. */
  handle(request: MockRequest): Promise<MockResponse>;
  /**
   * Makes the next `times` (default 1) matching requests fail with `status` and/or arrive `delayMs` late:
   * `mock.injectFault({ operation: 'GetSegment', status: 429, retryAfter: 0 })`.
   */
  injectFault(fault: FaultSpec): void;
  /**
   * The code the last SendOTPMessage "sent" to `destinationIdentity` (under `referenceId`, when given), as the
   * recipient's phone would show it: `client.verifyOTPMessage({ ..., Otp: mock.sentOtpCode('+12065550100') })`.
   * Throws when no code was sent there.
   */
  sentOtpCode(destinationIdentity: string, referenceId?: string): string;
  /** Advances every `CREATED` import and export job to `COMPLETED`; returns how many it advanced. */
  completeJobs(): number;
  /** Empties the store, the request log and the pending faults. */
  reset(): void;
}

/** Default of {@link PinpointMockOptions.maxRecordedRequests}. */
export const DEFAULT_MAX_RECORDED_REQUESTS = 10_000;

/**
 * Creates an in-memory Amazon Pinpoint serving every operation of the catalog: apps and settings, segments and campaigns
 * with versions, endpoints, events and attributes, channels, event streams, import/export jobs, messages, OTPs
 * (`sentOtpCode`), message templates with versions, tags, journeys with runs and metrics, recommenders, date-range KPIs,
 * in-app messages and phone number validation.
 *
 * @example
 * const mock = createPinpointMock();
 * const server = setupServer(...mock.handlers);
 */
export function createPinpointMock(options: PinpointMockOptions = {}): PinpointMock {
  const store = new MemoryStore();
  const faults = new FaultQueue();
  const requests: RecordedRequest[] = [];
  const now = options.now ?? (() => new Date());
  let requestCount = 0;
  const accountId = options.accountId ?? '123456789012';
  // Checked once here, by the builder every ARN of the mock goes through, rather than failing in each handler.
  const maxRecorded = options.maxRecordedRequests;
  if (maxRecorded !== undefined && !(maxRecorded === Infinity || (Number.isSafeInteger(maxRecorded) && maxRecorded >= 0))) {
    throw new RangeError(`createPinpointMock: maxRecordedRequests: expected a non-negative integer or Infinity, got ${JSON.stringify(maxRecorded)}`);
  }
  const maxRequestBytes = requestCap(options.maxRequestBytes);
  const problem = environmentProblem({ region: options.region ?? 'us-east-1', accountId });
  if (problem !== undefined) throw new RangeError(`createPinpointMock: ${problem}`);
  const deps = {
    store, faults, requests, now,
    handlers: { ...builtinHandlers, ...options.handlers },
    region: options.region,
    accountId,
    checkAuthorization: options.checkAuthorization ?? true,
    pageSize: options.pageSize ?? DEFAULT_PAGE_SIZE,
    latencyMs: options.latencyMs ?? 0,
    maxRecordedRequests: options.maxRecordedRequests ?? DEFAULT_MAX_RECORDED_REQUESTS,
    nextRequestId: () => `00000000-0000-4000-8000-${(++requestCount).toString(16).padStart(12, '0')}`,
  };
  const serve = (request: MockRequest): Promise<MockResponse> => handle(deps, request);
  let handlers: readonly MswHandler[] | undefined;
  return {
    // Made on first read, so a mock served only over HTTP never needs msw.
    get handlers() { return (handlers ??= mswHandlers(options.endpoint ?? PINPOINT_ORIGIN, serve, { maxRequestBytes, tooLarge: payloadTooLarge })); },
    store,
    requests,
    get pendingFaults() { return faults.pending; },
    handle: serve,
    injectFault: (fault) => faults.add(fault),
    sentOtpCode: (destinationIdentity, referenceId) => sentOtpCode(store, destinationIdentity, referenceId),
    completeJobs: () => completeJobs(store, now().toISOString()),
    reset: () => {
      store.clear();
      requests.length = 0;
      faults.clear();
    },
  };
}
