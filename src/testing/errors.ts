/**
 * Errors the mock answers with, shaped as Pinpoint shapes them: a status code and the JSON body
 * `{ "Message": "...", "RequestID": "..." }`. Handlers throw {@link MockServiceError}; the mock turns it into a response.
 */

/** The Pinpoint exception names the mock can answer with, and the status code of each. */
export const EXCEPTION_STATUS = {
  BadRequestException: 400,
  ForbiddenException: 403,
  NotFoundException: 404,
  MethodNotAllowedException: 405,
  ConflictException: 409,
  PayloadTooLargeException: 413,
  TooManyRequestsException: 429,
  InternalServerErrorException: 500,
  ServiceUnavailableException: 503,
} as const;

/** A Pinpoint exception name. */
export type ExceptionName = keyof typeof EXCEPTION_STATUS;

/** Status code → exception name, for injected faults given by status. */
const BY_STATUS: ReadonlyMap<number, ExceptionName> = new Map(
  (Object.entries(EXCEPTION_STATUS) as [ExceptionName, number][]).map(([name, status]) => [status, name]),
);

/** The exception name Pinpoint uses for a status code (`InternalServerErrorException` for unknown 5xx, else `BadRequestException`). */
export function exceptionFor(status: number): ExceptionName {
  return BY_STATUS.get(status) ?? (status >= 500 ? 'InternalServerErrorException' : 'BadRequestException');
}

/** Thrown by a handler to answer with a Pinpoint error. */
export class MockServiceError extends Error {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** `status` defaults to the exception's own (an injected 502 is still an `InternalServerErrorException`). */
  constructor(readonly exception: ExceptionName, message: string, init: { readonly status?: number; readonly headers?: Readonly<Record<string, string>> } = {}) {
    super(message);
    this.name = exception;
    this.status = init.status ?? EXCEPTION_STATUS[exception];
    this.headers = init.headers ?? {};
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
