/** Errors Pinpoint returns, mapped from its JSON (`Message`, `RequestID`) to typed classes through one table. */
import type { ResponseMetadata } from '../client/types.js';

export interface ServiceErrorInit {
  readonly message: string;
  readonly status: number;
  readonly requestId: string | undefined;
  readonly metadata: ResponseMetadata;
}

/** Any error response from Pinpoint. `name` is the Pinpoint exception name, as in the AWS SDK v3. */
export class PinpointServiceError extends Error {
  readonly status: number;
  readonly requestId: string | undefined;
  readonly $metadata: ResponseMetadata;
  readonly $fault: 'client' | 'server';
  /** Whether a retry may succeed (throttling and server faults). */
  readonly retryable: boolean;
  constructor(init: ServiceErrorInit, name = 'PinpointServiceError') {
    super(init.message);
    this.name = name;
    this.status = init.status;
    this.requestId = init.requestId;
    this.$metadata = init.metadata;
    this.$fault = init.status >= 500 ? 'server' : 'client';
    this.retryable = init.status >= 500 || init.status === 429;
  }
}

const define = (name: string) =>
  ({ [name]: class extends PinpointServiceError { constructor(init: ServiceErrorInit) { super(init, name); } } })[name]!;

export const BadRequestException = define('BadRequestException');
export const ForbiddenException = define('ForbiddenException');
export const NotFoundException = define('NotFoundException');
export const MethodNotAllowedException = define('MethodNotAllowedException');
export const ConflictException = define('ConflictException');
export const PayloadTooLargeException = define('PayloadTooLargeException');
export const TooManyRequestsException = define('TooManyRequestsException');
export const InternalServerErrorException = define('InternalServerErrorException');

/** Status code → the exception Pinpoint documents for it. */
const BY_STATUS: ReadonlyMap<number, typeof PinpointServiceError> = new Map([
  [400, BadRequestException], [403, ForbiddenException], [404, NotFoundException], [405, MethodNotAllowedException],
  [409, ConflictException], [413, PayloadTooLargeException], [429, TooManyRequestsException], [500, InternalServerErrorException],
]);

/** Builds the typed error for an error response; unknown statuses give the base class with the status kept. */
export function serviceErrorFor(status: number, bodyText: string, metadata: Omit<ResponseMetadata, 'requestId'>, headerRequestId: string | undefined): PinpointServiceError {
  let message = `HTTP ${status}`;
  let requestId = headerRequestId;
  try {
    const body = JSON.parse(bodyText) as { Message?: unknown; message?: unknown; RequestID?: unknown };
    const m = body.Message ?? body.message;
    if (typeof m === 'string' && m) message = m;
    if (typeof body.RequestID === 'string') requestId = body.RequestID;
  } catch {
    if (bodyText.trim()) message = `HTTP ${status}: ${bodyText.trim().slice(0, 200)}`;
  }
  const Class = BY_STATUS.get(status) ?? (status >= 500 ? InternalServerErrorException : PinpointServiceError);
  return new Class({ message, status, requestId, metadata: { ...metadata, requestId } });
}
