/** Pinpoint's end of support, surfaced at call time: warn once per operation and process, or refuse before sending. */
import type { OperationSpec } from '../client/spec.js';
import type { Logger } from '../client/types.js';
import { EndOfSupportError } from '../errors/guard.js';
import { endOfSupportClause } from './end-of-support.js';

const warned = new Set<string>();

/** `now` (default: the time of the warning, read only when one is given) is the clock the warning's tense follows (AWS's date passed, or not yet). */
export function checkLifecycle(spec: OperationSpec, policy: 'warn' | 'error' | 'off', logger: Logger, now?: Date): void {
  if (spec.lifecycle.status !== 'end-of-support' || policy === 'off') return;
  if (policy === 'error') throw new EndOfSupportError(spec.name, spec.lifecycle.reason);
  if (warned.has(spec.name)) return;
  warned.add(spec.name);
  logger.warn(`pinpoint-guard: ${spec.name} (${spec.action}) is an end-of-support operation (${endOfSupportClause(now ?? new Date())}): ${spec.lifecycle.reason}.`);
}

/** For tests: forget which operations have warned. */
export function resetLifecycleWarnings(): void {
  warned.clear();
}
