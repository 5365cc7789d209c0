/** Pinpoint's end of support, surfaced at call time: warn once per operation and process, or refuse before sending. */
import type { OperationSpec } from '../client/spec.js';
import type { Logger } from '../client/types.js';
import { EndOfSupportError } from '../errors/guard.js';

const warned = new Set<string>();

export function checkLifecycle(spec: OperationSpec, policy: 'warn' | 'error' | 'off', logger: Logger): void {
  if (spec.lifecycle.status !== 'end-of-support' || policy === 'off') return;
  if (policy === 'error') throw new EndOfSupportError(spec.name, spec.lifecycle.reason);
  if (warned.has(spec.name)) return;
  warned.add(spec.name);
  logger.warn(`pinpoint-guard: ${spec.name} (${spec.action}) is past Amazon Pinpoint's end of support (2026-10-30): ${spec.lifecycle.reason}.`);
}

/** For tests: forget which operations have warned. */
export function resetLifecycleWarnings(): void {
  warned.clear();
}
