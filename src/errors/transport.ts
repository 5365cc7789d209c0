import type { ResponseMetadata } from '../client/types.js';
/** Failures below HTTP: no response arrived. */

/** No response arrived: the connection failed or was reset (retried with backoff). */
export class NetworkError extends Error {
  readonly code: string | undefined;
  readonly attempts: number;
  constructor(message: string, code: string | undefined, attempts: number) {
    super(message);
    this.name = 'NetworkError';
    this.code = code;
    this.attempts = attempts;
  }
}

/** An attempt took longer than its timeout (retried with backoff while attempts remain). */
export class TimeoutError extends Error {
  readonly timeoutMs: number;
  constructor(timeoutMs: number) {
    super(`the request did not complete within ${timeoutMs} ms`);
    this.name = 'TimeoutError';
    this.timeoutMs = timeoutMs;
  }
}

/** The caller's AbortSignal aborted the call (never retried). */
export class AbortError extends Error {
  constructor() {
    super('the call was aborted');
    this.name = 'AbortError';
  }
}

/** No credentials could be found or loaded. */
export class CredentialsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CredentialsError';
  }
}

/** A success status whose body is not the JSON object the operation returns (a proxy's HTML page, an array). Not retried. */
export class InvalidResponseError extends Error {
  readonly status: number;
  readonly requestId: string | undefined;
  readonly $metadata: ResponseMetadata;
  constructor(operation: string, metadata: ResponseMetadata, detail: string) {
    super(`${operation}: HTTP ${metadata.httpStatusCode} with a body that is not the JSON object the operation returns (${detail})`);
    this.name = 'InvalidResponseError';
    this.status = metadata.httpStatusCode;
    this.requestId = metadata.requestId;
    this.$metadata = metadata;
  }
}

/**
 * The response body grew past `maxResponseBytes` (counted after decompression, while it streams in): the request was
 * aborted at that point, and it is not retried, since the same answer would be downloaded again.
 */
export class ResponseTooLargeError extends Error {
  readonly operation: string;
  readonly maxResponseBytes: number;
  constructor(operation: string, maxResponseBytes: number) {
    super(`${operation}: the response body exceeded maxResponseBytes (${maxResponseBytes} bytes, counted after decompression); the request was aborted and is not retried. If such a large answer is expected, raise maxResponseBytes in the client's config`);
    this.name = 'ResponseTooLargeError';
    this.operation = operation;
    this.maxResponseBytes = maxResponseBytes;
  }
}
