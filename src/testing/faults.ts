/** Injected faults and latency: a queue of one-shot (or n-shot) rules consumed by the requests they match. */
import { MockServiceError, exceptionFor } from './errors.js';

/** A status the mock can be told to answer with instead of serving the request. */
export type FaultStatus = 400 | 403 | 404 | 409 | 413 | 429 | 500 | 502 | 503 | 504;

/**
 * A fault to inject. With `status`, matching requests fail with that status (and Pinpoint's error body); with
 * `delayMs`, they are answered that much later; with both, they fail late.
 */
export interface FaultSpec {
  /** Only requests for this operation (e.g. `'GetSegment'`); every operation when omitted. */
  readonly operation?: string;
  readonly status?: FaultStatus;
  readonly delayMs?: number;
  /** How many matching requests the fault applies to (default 1; `Infinity` for all). */
  readonly times?: number;
  /** Seconds, sent as the `Retry-After` header. */
  readonly retryAfter?: number;
  /** The error `Message` (default: the exception name). */
  readonly message?: string;
}

interface ActiveFault { readonly spec: FaultSpec; remaining: number }

/** What a request meets: a delay and, maybe, an error to answer with. */
export interface FaultOutcome { readonly delayMs: number; readonly error: MockServiceError | undefined }

const MESSAGES: Readonly<Record<number, string>> = { 429: 'Too many requests', 500: 'Internal server error', 502: 'Bad gateway', 503: 'Service unavailable', 504: 'Gateway timeout' };

export class FaultQueue {
  readonly #faults: ActiveFault[] = [];

  add(spec: FaultSpec): void {
    const times = spec.times ?? 1;
    if (!(times >= 1)) throw new RangeError(`injectFault: times must be >= 1, got ${times}`);
    if (spec.status === undefined && spec.delayMs === undefined) throw new TypeError('injectFault: give a status, a delayMs or both');
    if (spec.delayMs !== undefined && !(spec.delayMs >= 0)) throw new RangeError(`injectFault: delayMs must be >= 0, got ${spec.delayMs}`);
    this.#faults.push({ spec, remaining: times });
  }

  /** Faults not yet used up. */
  get pending(): readonly FaultSpec[] {
    return this.#faults.map((f) => f.spec);
  }

  clear(): void {
    this.#faults.length = 0;
  }

  /** Consumes the first matching delay fault and the first matching status fault (they may be one and the same). */
  take(operation: string | undefined): FaultOutcome {
    const matches = (f: ActiveFault): boolean => f.spec.operation === undefined || f.spec.operation === operation;
    const failing = this.#faults.find((f) => matches(f) && f.spec.status !== undefined);
    const delaying = this.#faults.find((f) => matches(f) && f.spec.delayMs !== undefined);
    const used = new Set([failing, delaying].filter((f): f is ActiveFault => f !== undefined));
    for (const f of used) {
      f.remaining -= 1;
      if (f.remaining <= 0) this.#faults.splice(this.#faults.indexOf(f), 1);
    }
    const spec = failing?.spec;
    const error = spec?.status === undefined ? undefined : new MockServiceError(
      exceptionFor(spec.status),
      spec.message ?? MESSAGES[spec.status] ?? exceptionFor(spec.status),
      { status: spec.status, headers: spec.retryAfter !== undefined ? { 'retry-after': String(spec.retryAfter) } : {} },
    );
    return { delayMs: delaying?.spec.delayMs ?? 0, error };
  }
}
