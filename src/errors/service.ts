/** Errors Pinpoint returns, mapped from its JSON (`Message`, `RequestID`) to typed classes through one table. */
import type { ResponseMetadata } from '../client/types.js';
import { redactSecrets } from './redact.js';

/** What every service error is built from. */
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

/** 400: the request is malformed or a member is invalid. */
export class BadRequestException extends PinpointServiceError {
  constructor(init: ServiceErrorInit) { super(init, 'BadRequestException'); }
}
/** 403: AWS refused the request (signature, credentials or IAM, evaluated by AWS itself). */
export class ForbiddenException extends PinpointServiceError {
  constructor(init: ServiceErrorInit) { super(init, 'ForbiddenException'); }
}
/** 404: the app, segment, campaign or other resource does not exist. */
export class NotFoundException extends PinpointServiceError {
  constructor(init: ServiceErrorInit) { super(init, 'NotFoundException'); }
}
/** 405: the method is not allowed on that resource. */
export class MethodNotAllowedException extends PinpointServiceError {
  constructor(init: ServiceErrorInit) { super(init, 'MethodNotAllowedException'); }
}
/** 409: the request conflicts with the resource's current state. */
export class ConflictException extends PinpointServiceError {
  constructor(init: ServiceErrorInit) { super(init, 'ConflictException'); }
}
/** 413: the request body is too large. */
export class PayloadTooLargeException extends PinpointServiceError {
  constructor(init: ServiceErrorInit) { super(init, 'PayloadTooLargeException'); }
}
/** 429: throttled; retried with backoff. */
export class TooManyRequestsException extends PinpointServiceError {
  constructor(init: ServiceErrorInit) { super(init, 'TooManyRequestsException'); }
}
/** 500: a fault on Pinpoint's side; retried with backoff. */
export class InternalServerErrorException extends PinpointServiceError {
  constructor(init: ServiceErrorInit) { super(init, 'InternalServerErrorException'); }
}

/** Status code → the exception Pinpoint documents for it. */
const BY_STATUS: ReadonlyMap<number, typeof PinpointServiceError> = new Map([
  [400, BadRequestException], [403, ForbiddenException], [404, NotFoundException], [405, MethodNotAllowedException],
  [409, ConflictException], [413, PayloadTooLargeException], [429, TooManyRequestsException], [500, InternalServerErrorException],
]);

/** Exception name (as Pinpoint sends it in `x-amzn-ErrorType` or `__type`) → class. */
const BY_NAME: ReadonlyMap<string, typeof PinpointServiceError> = new Map([...BY_STATUS.values()].map((c) => [c.name, c]));

/** `NotFoundException:http://internal.amazon.com/...` or `com.amazonaws.pinpoint#NotFoundException` → `NotFoundException`. */
const exceptionName = (raw: unknown): string | undefined =>
  typeof raw === 'string' && raw ? raw.split(':')[0]!.split('#').pop() : undefined;

/**
 * Builds the typed error for an error response (its message cleaned of signing headers by pattern; the client has
 * already removed its own secrets from the body by value): by the exception name Pinpoint sends, else by status. A status with
 * no Pinpoint exception (a gateway's 502/503/504, say) gives the base class with the status kept, retryable when 5xx.
 */
export function serviceErrorFor(
  status: number, bodyText: string, metadata: Omit<ResponseMetadata, 'requestId'>, headers: Readonly<Record<string, string>>,
): PinpointServiceError {
  let message = `HTTP ${status}`;
  let requestId = headers['x-amzn-requestid'];
  let name = exceptionName(headers['x-amzn-errortype']);
  try {
    const body = JSON.parse(bodyText) as { Message?: unknown; message?: unknown; RequestID?: unknown; __type?: unknown };
    const m = body.Message ?? body.message;
    if (typeof m === 'string' && m) message = m;
    if (typeof body.RequestID === 'string') requestId = body.RequestID;
    name ??= exceptionName(body.__type);
  } catch {
    if (bodyText.trim()) message = `HTTP ${status}: ${bodyText.trim().slice(0, 200)}`;
  }
  const Class = (name ? BY_NAME.get(name) : undefined) ?? BY_STATUS.get(status) ?? PinpointServiceError;
  return new Class({ message: redactSecrets(message), status, requestId, metadata: { ...metadata, requestId } });
}
