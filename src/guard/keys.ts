/**
 * Who knows which condition key when the guard decides a call inside the app (the table is catalog/condition-keys.yaml,
 * emitted to generated/condition-keys.ts), and the unknown keys the engine is told about. A key nobody can see here is
 * unknown, never absent: a Deny conditioned on it must not be skipped, an Allow conditioned on it must not be assumed.
 */
import { conditionKeys } from '../../generated/condition-keys.js';

/**
 * - `guard`: set by the guard for every call (time, Region, TLS, the request's tags).
 * - `derived`: present only with temporary (role-session or federated) credentials, so known to be absent when the
 *   client signs with static long-term keys; unknown otherwise.
 * - `caller`: a property of the principal the caller supplies in `context` (or loads from IAM); unknown until then.
 * - `unknowable`: only AWS sees it (the network path, the resource's stored state, forwarding services); unknown
 *   unless the caller supplies it.
 */
export type KeyKnowledge = 'guard' | 'derived' | 'caller' | 'unknowable';

/** IAM data types of condition keys, as the Service Authorization Reference names them. */
export type ConditionKeyType = 'String' | 'ARN' | 'Bool' | 'Date' | 'Numeric' | 'IPAddress' | 'ArrayOfString';

/** One row of the table: a condition key AWS defines for Pinpoint requests, and who knows its value. */
export interface ConditionKeySpec {
  /** As AWS writes it (`aws:SourceIp`); a family of keys, one per tag, ends in `/*` (`aws:ResourceTag/*`). */
  readonly key: string;
  readonly type: ConditionKeyType;
  readonly known: KeyKnowledge;
  /** `global` (the IAM User Guide's global keys) and/or `mobiletargeting` (the Service Authorization Reference). */
  readonly definedBy: readonly ('global' | 'mobiletargeting')[];
  /** Why that is who knows it. */
  readonly how: string;
  /** The documentation that describes the key. */
  readonly source: string;
}

/**
 * Condition key names (case-insensitive) the guard cannot see; an entry ending in `/*` marks every key with that prefix.
 * A key present in the request context is known even when listed.
 */
export type UnknownKeys = readonly string[];

/** What the guard can tell of the credentials: derived keys are known to be absent only with long-term keys. */
export type CredentialKind = 'long-term' | 'temporary' | 'unknown';

/** The credential kind of a client's `credentials` config: only static keys can be told apart before a call. */
export function credentialKind(credentials: unknown): CredentialKind {
  if (credentials === null || typeof credentials !== 'object') return 'unknown';
  return (credentials as { sessionToken?: unknown }).sessionToken ? 'temporary' : 'long-term';
}

const KEYS_OF: Readonly<Record<KeyKnowledge, readonly string[]>> = {
  guard: [], derived: [], caller: [], unknowable: [],
};
for (const k of conditionKeys as readonly ConditionKeySpec[]) (KEYS_OF[k.known] as string[]).push(k.key);

/** The keys of one kind of knowledge, in table order. */
export const keysKnownBy = (known: KeyKnowledge): readonly string[] => KEYS_OF[known];

/** By credential kind, then whether the request is known: no key string is built per call. */
const memo = new Map<CredentialKind, Map<boolean, UnknownKeys>>();

/**
 * The unknown keys of a call: caller and unknowable keys; derived keys unless the credentials are long-term keys; and
 * the request-tag keys when the request itself is not known (a simulation by action and ARN). One frozen array per
 * combination, so the engine's memo by array identity holds across calls.
 */
export function unknownKeysFor(credentials: CredentialKind, requestKnown: boolean): UnknownKeys {
  let byRequest = memo.get(credentials);
  if (byRequest === undefined) memo.set(credentials, (byRequest = new Map()));
  let keys = byRequest.get(requestKnown);
  if (keys === undefined) {
    keys = Object.freeze([
      ...KEYS_OF.caller,
      ...KEYS_OF.unknowable,
      ...(credentials === 'long-term' ? [] : KEYS_OF.derived),
      ...(requestKnown ? [] : KEYS_OF.guard.filter((k) => /^aws:(requesttag\/\*|tagkeys)$/i.test(k))),
    ]);
    byRequest.set(requestKnown, keys);
  }
  return keys;
}

/** The table row of a key (`aws:ResourceTag/team` finds `aws:ResourceTag/*`), case-insensitively. */
export function conditionKeyOf(key: string): ConditionKeySpec | undefined {
  const lower = key.toLowerCase();
  return (conditionKeys as readonly ConditionKeySpec[]).find((k) => {
    const name = k.key.toLowerCase();
    return name.endsWith('/*') ? lower.startsWith(name.slice(0, -1)) : lower === name;
  });
}
