/** Retry policy: which failures to retry and how long to wait (exponential backoff, full jitter, Retry-After honoured). */
import type { RetryConfig } from './types.js';
import { PinpointServiceError } from '../errors/service.js';
import { NetworkError, TimeoutError } from '../errors/transport.js';

export interface ResolvedRetry { readonly maxAttempts: number; readonly baseDelayMs: number; readonly maxDelayMs: number }

export function resolveRetry(config: RetryConfig | undefined): ResolvedRetry {
  const maxAttempts = config?.maxAttempts ?? 3;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new RangeError(`retry.maxAttempts: expected an integer >= 1, got ${maxAttempts}`);
  return { maxAttempts, baseDelayMs: config?.baseDelayMs ?? 100, maxDelayMs: config?.maxDelayMs ?? 20_000 };
}

/** Throttling, server faults and network failures are retried; a deny or any other 4xx never is. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof PinpointServiceError) return error.retryable;
  return error instanceof NetworkError || error instanceof TimeoutError;
}

/** Delay before attempt `attempt + 1` (attempt counts from 1): `Retry-After` when the server sent one, else full jitter. */
export function retryDelay(attempt: number, retry: ResolvedRetry, retryAfterMs: number | undefined, random: () => number = Math.random): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, retry.maxDelayMs);
  const ceiling = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

/** Parses `Retry-After` (seconds or an HTTP date) into milliseconds. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
