/**
 * Errors the mock answers with, shaped as Pinpoint shapes them: a status code, `x-amzn-ErrorType` and the JSON body
 * `{ "Message": "...", "RequestID": "..." }`. Handlers throw {@link MockServiceError}; the mock turns it into a response.
 * A gateway in front of Pinpoint answers 502/503/504 itself, without Pinpoint's error type: {@link MockGatewayError}.
 */

/**
 * The Pinpoint exceptions and the status code of each: the same table as the client's (`src/errors/service.ts`), which
 * a test holds them to.
 */
export const EXCEPTION_STATUS = {
  BadRequestException: 400,
  ForbiddenException: 403,
  NotFoundException: 404,
  MethodNotAllowedException: 405,
  ConflictException: 409,
  PayloadTooLargeException: 413,
  TooManyRequestsException: 429,
  InternalServerErrorException: 500,
} as const;

/** A Pinpoint exception name. */
export type ExceptionName = keyof typeof EXCEPTION_STATUS;

/** A status code a gateway answers with itself, before (or instead of) Pinpoint. */
export type GatewayStatus = 502 | 503 | 504;

/** The reason phrase of each gateway status, for the body of its page. */
export const GATEWAY_REASON: Readonly<Record<GatewayStatus, string>> = { 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' };

/** Whether Pinpoint's gateway, not Pinpoint, answers with `status`. */
export const isGatewayStatus = (status: number): status is GatewayStatus => Object.hasOwn(GATEWAY_REASON, status);

/** Status code → exception name. */
const BY_STATUS: ReadonlyMap<number, ExceptionName> = new Map(
  (Object.entries(EXCEPTION_STATUS) as [ExceptionName, number][]).map(([name, status]) => [status, name]),
);

/** The Pinpoint exception for a status code, or `undefined` when Pinpoint has none (a gateway's 502/503/504). */
export function exceptionFor(status: number): ExceptionName | undefined {
  return BY_STATUS.get(status);
}

/** Thrown by a handler to answer with a Pinpoint error. */
export class MockServiceError extends Error {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** `status` defaults to the exception's own. */
  constructor(readonly exception: ExceptionName, message: string, init: { readonly status?: number; readonly headers?: Readonly<Record<string, string>> } = {}) {
    super(message);
    this.name = exception;
    this.status = init.status ?? EXCEPTION_STATUS[exception];
    this.headers = init.headers ?? {};
  }
}

/**
 * A gateway's own 502/503/504: answered with an HTML page, no `x-amzn-ErrorType` and no request id, so the client sees
 * what it sees in production (the base `PinpointServiceError`, retryable).
 */
export class MockGatewayError extends Error {
  readonly headers: Readonly<Record<string, string>>;
  constructor(readonly status: GatewayStatus, message: string = `${status} ${GATEWAY_REASON[status]}`, init: { readonly headers?: Readonly<Record<string, string>> } = {}) {
    super(message);
    this.name = 'MockGatewayError';
    this.headers = init.headers ?? {};
  }

  /** The page a load balancer answers with: `<h1>502 Bad Gateway</h1>` and the message. */
  get body(): string {
    const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const title = `${this.status} ${GATEWAY_REASON[this.status]}`;
    return `<html>\n<head><title>${title}</title></head>\n<body>\n<h1>${title}</h1>\n<p>${escape(this.message)}</p>\n</body>\n</html>\n`;
  }
}

/** `NotFoundException` (404) for an unknown id: `notFound('Segment', id)` → "Segment not found: <id>". */
export function notFound(kind: string, id: string): MockServiceError {
  return new MockServiceError('NotFoundException', `Resource not found: ${kind} ${JSON.stringify(id)} does not exist`);
}

/** `BadRequestException` (400) for invalid input. */
export function badRequest(message: string): MockServiceError {
  return new MockServiceError('BadRequestException', message);
}
