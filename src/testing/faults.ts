/** Injected faults and latency: a queue of one-shot (or n-shot) rules consumed by the requests they match. */
import { operations } from '../../generated/operations.js';
import { nearest } from '../tooling/distance.js';
import { EXCEPTION_STATUS, GATEWAY_REASON, MockGatewayError, MockServiceError, exceptionFor, isGatewayStatus, type GatewayStatus } from './errors.js';

/** A status the mock can be told to answer with instead of serving the request: a Pinpoint exception's or a gateway's. */
export type FaultStatus = (typeof EXCEPTION_STATUS)[keyof typeof EXCEPTION_STATUS] | GatewayStatus;

/**
 * A fault to inject. With `status`, matching requests fail with that status: Pinpoint's exception and JSON error body
 * for 400-500, a gateway's HTML page without `x-amzn-ErrorType` for 502/503/504. With `delayMs`, they are answered that
 * much later; with both, they fail late.
 */
export interface FaultSpec {
  /** Only requests for this operation (e.g. `'GetSegment'`, as the generated `operations` table names it); every operation when omitted. */
  readonly operation?: string;
  readonly status?: FaultStatus;
  readonly delayMs?: number;
  /** How many matching requests the fault applies to (default 1; `Infinity` for all). */
  readonly times?: number;
  /** Seconds, sent as the `Retry-After` header. */
  readonly retryAfter?: number;
  /** The error `Message` (default: a short phrase such as `Too many requests`); a gateway fault puts it in its page. */
  readonly message?: string;
}

interface ActiveFault { readonly spec: FaultSpec; remaining: number }

/** What a request meets: a delay and, maybe, an error to answer with. */
export interface FaultOutcome { readonly delayMs: number; readonly error: MockServiceError | MockGatewayError | undefined }

const OPERATION_NAMES: readonly string[] = Object.keys(operations);

/** Refuses an operation name the catalog does not have: a fault for it would never apply. */
function checkOperation(operation: string | undefined): void {
  if (operation === undefined || Object.hasOwn(operations, operation)) return;
  // An IAM action (`mobiletargeting:GetApp`) names its operation after the prefix.
  const near = nearest(String(operation).replace(/^mobiletargeting:/i, ''), OPERATION_NAMES);
  throw new TypeError(`injectFault: ${JSON.stringify(operation)} is not a Pinpoint operation${near === undefined ? ' (operation names are PascalCase, as in the generated operations table: GetSegment)' : `; did you mean ${JSON.stringify(near)}?`}`);
}

const MESSAGES: Readonly<Record<number, string>> = { 429: 'Too many requests', 500: 'Internal server error' };

/** The error a status fault answers with: Pinpoint's exception for its status, else the gateway's own answer. */
function faultError(spec: FaultSpec & { readonly status: FaultStatus }): MockServiceError | MockGatewayError {
  const headers: Record<string, string> = spec.retryAfter !== undefined ? { 'retry-after': String(spec.retryAfter) } : {};
  if (isGatewayStatus(spec.status)) return new MockGatewayError(spec.status, spec.message, { headers });
  const exception = exceptionFor(spec.status)!;
  return new MockServiceError(exception, spec.message ?? MESSAGES[spec.status] ?? exception, { status: spec.status, headers });
}

export class FaultQueue {
  readonly #faults: ActiveFault[] = [];

  add(spec: FaultSpec): void {
    const times = spec.times ?? 1;
    if (!(times >= 1)) throw new RangeError(`injectFault: times must be >= 1, got ${times}`);
    if (spec.status === undefined && spec.delayMs === undefined) throw new TypeError('injectFault: give a status, a delayMs or both');
    checkOperation(spec.operation);
    if (spec.status !== undefined && !isGatewayStatus(spec.status) && exceptionFor(spec.status) === undefined) {
      throw new RangeError(`injectFault: status ${spec.status} is neither a Pinpoint exception's (${Object.values(EXCEPTION_STATUS).join(', ')}) nor a gateway's (${Object.keys(GATEWAY_REASON).join(', ')})`);
    }
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
    const error = spec?.status === undefined ? undefined : faultError({ ...spec, status: spec.status });
    return { delayMs: delaying?.spec.delayMs ?? 0, error };
  }
}
