/**
 * Caller-supplied context values the guard takes as facts must be values AWS could see for their keys: an IP-address
 * key (aws:SourceIp) holds one IP address, never an empty string, an empty list or other text. Such a value would
 * otherwise count as absent or unmatched and skip a Deny conditioned on the key, so it is refused as bad input.
 */
import { createRequire } from 'node:module';
import type { RequestContext } from '../policy/index.js';
import { ValidationError } from '../errors/validation.js';
import { conditionKeys } from '../../generated/condition-keys.js';

/**
 * node:net's `isIP`, required at the first IP-address value checked: node:net and the stream modules it pulls in cost
 * ~3 ms of the root's cold import, and most callers never supply such a key. (`require`, not a dynamic import: the
 * check is synchronous; node:module is loaded by node itself.)
 */
let loadedIsIP: ((input: string) => number) | undefined;
const isIP = (input: string): number =>
  (loadedIsIP ??= (createRequire(import.meta.url)('node:net') as typeof import('node:net')).isIP)(input);

/** The IP-address keys of the condition key table, lower-cased (keys are case-insensitive). */
const IP_KEYS: ReadonlySet<string> = new Set(conditionKeys.filter((k) => k.type === 'IPAddress').map((k) => k.key.toLowerCase()));

/** Why `value` is not one AWS could see for `key`, or undefined when it could be. */
function valueProblem(key: string, value: RequestContext[string]): string | undefined {
  if (value === undefined) return undefined;
  if (!IP_KEYS.has(key.toLowerCase())) return undefined;
  const values = typeof value === 'string' ? [value] : value;
  if (values.length === 0) return 'one IP address (AWS always sees one), not an empty list';
  return values.every((v) => typeof v === 'string' && isIP(v) !== 0) ? undefined : 'an IP address such as 203.0.113.7 or 2001:db8::7';
}

/** @throws ValidationError naming the key when a supplied value is one AWS could never see for it. */
export function checkContextValues(operation: string, ...contexts: readonly (RequestContext | undefined)[]): void {
  for (const context of contexts) {
    if (context === undefined) continue;
    for (const key in context) {
      const value = context[key];
      const problem = valueProblem(key, value);
      if (problem) throw new ValidationError(operation, `context["${key}"]`, problem, JSON.stringify(value));
    }
  }
}
