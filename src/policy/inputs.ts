/**
 * Resolves a `PolicyInput` to a parsed policy, caching by document content: the same JSON text,
 * or the same object with the same content, is parsed once. A failed parse is cached too, so a
 * bad document in a hot path does not cost a parse per request.
 *
 * A caller's object may be mutated after it was first evaluated, so an object is parsed from a
 * private deep copy (a snapshot) and its cache entry holds that copy: each lookup walks the object
 * and reuses the parse only when the content still equals the snapshot. A document that changed
 * since it was parsed is parsed again, never evaluated from the stale parse. The parsed policy
 * holds its own frozen copies of every string and list, so mutating the object later cannot
 * change a `ParsedPolicy`, nor a compiled set built from one.
 */
import { PolicyParseError } from './errors.js';
import { DEFAULT_POLICY_LIMITS } from './limits.js';
import { isParsedPolicy, parsePolicy } from './parse.js';
import type { ParsedPolicy, PolicyInput } from './types.js';

/** The parse of an object together with the private copy of the content it was parsed from. */
interface ObjectEntry {
  readonly snapshot: Json;
  readonly result: ParsedPolicy | PolicyParseError;
  /**
   * Every object and array in the input was frozen, holding data properties only: its content
   * cannot change (a Proxy of a frozen target must report the same values too), so a lookup
   * needs no walk.
   */
  readonly frozen: boolean;
}

const byObject = new WeakMap<object, ObjectEntry>();
const byText = new Map<string, ParsedPolicy | PolicyParseError>();
const TEXT_CACHE_LIMIT = 1_000;

function parseOnce(input: PolicyInput): ParsedPolicy | PolicyParseError {
  try {
    // Only what parsePolicy returned counts as parsed (a brand, see isParsedPolicy); any other
    // object, even one shaped like a ParsedPolicy, is read as an IAM document and checked as one.
    return parsePolicy(input);
  } catch (e) {
    return e instanceof PolicyParseError ? e : new PolicyParseError([{ path: '(document)', message: String(e) }]);
  }
}

type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

/**
 * A private deep copy of an object input, or undefined when it is not plain, finite JSON within
 * the default depth and node limits (parsePolicy then reports why, from the original). Keys are
 * defined, not assigned, so an own `__proto__` key stays a key. `frozen` says whether the input
 * was deeply frozen (see ObjectEntry).
 */
function snapshot(input: object): { copy: Json; frozen: boolean } | undefined {
  let nodes = 0;
  let frozen = true;
  const stillFrozen = (v: object) => {
    if (!frozen) return;
    if (!Object.isFrozen(v)) frozen = false;
    else for (const d of Object.values(Object.getOwnPropertyDescriptors(v))) if (!('value' in d)) frozen = false;
  };
  const copy = (v: unknown, depth: number): Json | undefined => {
    if (++nodes > DEFAULT_POLICY_LIMITS.maxNodes) return undefined;
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
    if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
    if (typeof v !== 'object' || depth > DEFAULT_POLICY_LIMITS.maxDepth) return undefined;
    stillFrozen(v);
    if (Array.isArray(v)) {
      const out: Json[] = [];
      for (let i = 0; i < v.length; i++) {
        const c = copy(v[i], depth + 1);
        if (c === undefined) return undefined;
        out.push(c);
      }
      return out;
    }
    const proto: unknown = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return undefined;
    const out: Record<string, Json> = {};
    for (const key of Object.keys(v)) {
      const c = copy((v as Record<string, unknown>)[key], depth + 1);
      if (c === undefined) return undefined;
      Object.defineProperty(out, key, { value: c, enumerable: true, writable: false, configurable: false });
    }
    return out;
  };
  try {
    const c = copy(input, 1);
    return c === undefined ? undefined : { copy: c, frozen };
  } catch {
    return undefined; // a throwing getter or Proxy trap: parsePolicy reports it
  }
}

/**
 * Whether `value` still has exactly the content of `snap`: the same keys in the same order and
 * the same scalars. A walk rather than `JSON.stringify`, because this runs on every evaluation of
 * a raw object and comparing interned strings by identity is several times cheaper.
 */
function unchanged(value: unknown, snap: Json): boolean {
  if (value === snap) return true;
  if (typeof value !== 'object' || value === null || typeof snap !== 'object' || snap === null) return false;
  if (Array.isArray(snap)) {
    if (!Array.isArray(value) || value.length !== snap.length) return false;
    for (let i = 0; i < snap.length; i++) if (!unchanged(value[i], snap[i] as Json)) return false;
    return true;
  }
  if (Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  const keys = Object.keys(value);
  const snapKeys = Object.keys(snap);
  if (keys.length !== snapKeys.length) return false;
  for (let i = 0; i < snapKeys.length; i++) {
    const key = snapKeys[i] as string;
    if (keys[i] !== key || !unchanged((value as Record<string, unknown>)[key], (snap as Record<string, Json>)[key] as Json)) return false;
  }
  return true;
}

function sameContent(input: object, entry: ObjectEntry): boolean {
  try {
    return unchanged(input, entry.snapshot);
  } catch {
    return false;
  }
}

/** The parsed form of an input. @throws PolicyParseError */
export function toParsedPolicy(input: PolicyInput): ParsedPolicy {
  if (isParsedPolicy(input)) return input;
  let result: ParsedPolicy | PolicyParseError | undefined;
  if (typeof input === 'string') {
    result = byText.get(input);
    if (result === undefined) {
      result = parseOnce(input);
      if (byText.size >= TEXT_CACHE_LIMIT) byText.clear();
      byText.set(input, result);
    }
  } else if (typeof input === 'object' && input !== null) {
    const entry = byObject.get(input);
    if (entry !== undefined && (entry.frozen || sameContent(input, entry))) result = entry.result;
    else {
      // Parse the snapshot, not the caller's object, so the result is exactly what the cache
      // entry compares against; what has no snapshot is parsed (and rejected) uncached.
      const snap = snapshot(input);
      if (snap === undefined) result = parseOnce(input);
      else {
        result = parseOnce(snap.copy as object);
        byObject.set(input, { snapshot: snap.copy, result, frozen: snap.frozen });
      }
    }
  } else result = parseOnce(input);
  if (result instanceof PolicyParseError) throw result;
  return result;
}
