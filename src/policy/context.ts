/**
 * The request context as the engine reads it: keys case-insensitive (IAM condition keys are),
 * the case variants of a key merged into one, every value a list, and an empty list treated as an
 * absent key — IAM treats a key whose value set is empty as null, which is what
 * `ForAllValues`/`ForAnyValue` and `Null` rely on.
 */
import type { RequestContext, UnknownKeys } from './types.js';

/** Lookup by lower-cased key. */
export interface ContextView {
  get(lowerKey: string): readonly string[] | undefined;
  /** Whether the key's value cannot be seen: named unknown and not carried by the context. */
  unknown(lowerKey: string): boolean;
}

/** Which keys are unknown, compiled from an `UnknownKeys` list. */
export interface UnknownMatcher {
  /** Whether the lower-cased key is named, exactly or by a `prefix/*` entry. */
  matches(lowerKey: string): boolean;
  readonly empty: boolean;
}

class KeyMatcher implements UnknownMatcher {
  private readonly exact: ReadonlySet<string>;
  private readonly prefixes: readonly string[];
  readonly empty: boolean;
  constructor(keys: UnknownKeys) {
    const exact = new Set<string>();
    const prefixes: string[] = [];
    for (const k of keys) {
      if (typeof k !== 'string' || k.length === 0) continue;
      const lower = k.toLowerCase();
      if (lower.endsWith('/*')) prefixes.push(lower.slice(0, -1));
      else exact.add(lower);
    }
    this.exact = exact;
    this.prefixes = prefixes;
    this.empty = exact.size === 0 && prefixes.length === 0;
  }
  matches(lowerKey: string): boolean {
    if (this.exact.has(lowerKey)) return true;
    for (const p of this.prefixes) if (lowerKey.startsWith(p)) return true;
    return false;
  }
}

export const NO_UNKNOWNS: UnknownMatcher = new KeyMatcher([]);
const matchers = new WeakMap<UnknownKeys, UnknownMatcher>();

/**
 * The matcher for a list, compiled once per array: the guard passes one frozen array per client,
 * so every call after the first costs one WeakMap lookup. A list changed in place after its first
 * use is not seen (pass a new array instead).
 */
export function unknownMatcherFor(keys: UnknownKeys | undefined): UnknownMatcher {
  if (keys === undefined || !Array.isArray(keys) || keys.length === 0) return NO_UNKNOWNS;
  // The same array call after call (one client's): answered without the WeakMap.
  if (keys === lastKeys) return lastMatcher;
  let m = matchers.get(keys);
  if (m === undefined) {
    m = new KeyMatcher(keys);
    matchers.set(keys, m);
  }
  lastKeys = keys;
  lastMatcher = m;
  return m;
}
let lastKeys: UnknownKeys | undefined;
let lastMatcher: UnknownMatcher = NO_UNKNOWNS;

class EmptyContext implements ContextView {
  constructor(private readonly unknowns: UnknownMatcher) {}
  get(): undefined {
    return undefined;
  }
  unknown(lowerKey: string): boolean {
    return this.unknowns.matches(lowerKey);
  }
}

export const EMPTY_CONTEXT: ContextView = new EmptyContext(NO_UNKNOWNS);

/**
 * Builds the lookup lazily: many decisions never read the context, and normalizing it is the
 * largest per-request cost after matching. A class, not a closure, because one is made per
 * request.
 */
class LazyContext implements ContextView {
  private map: Map<string, readonly string[]> | undefined;
  constructor(
    private readonly context: RequestContext,
    private readonly unknowns: UnknownMatcher,
  ) {}

  get(lowerKey: string): readonly string[] | undefined {
    const values = (this.map ??= normalize(this.context)).get(lowerKey);
    return values === undefined || values.length === 0 ? undefined : values;
  }

  /** A key the caller supplied — even as an empty list — is known. */
  unknown(lowerKey: string): boolean {
    return !this.unknowns.empty && this.unknowns.matches(lowerKey) && !(this.map ??= normalize(this.context)).has(lowerKey);
  }

  /** Copies the caller's object now, if not done yet; from then on the view never reads it. */
  settle(): void {
    this.map ??= normalize(this.context);
  }
}

/**
 * Keys that differ only in case name one IAM key, so their values are merged into one
 * multivalued entry (the union, in order of appearance) rather than one overwriting the other:
 * which spelling came last must not decide whether a Deny on either value applies. A merged key
 * with two different values is multivalued, so a policy variable cannot be substituted from it.
 */
function normalize(context: RequestContext): Map<string, readonly string[]> {
  const map = new Map<string, readonly string[]>();
  for (const key of Object.keys(context)) {
    const value = context[key];
    if (value === undefined || value === null) continue;
    const list: readonly string[] = typeof value === 'string' ? [value] : Array.isArray(value) ? value.map(String) : [String(value)];
    const lower = key.toLowerCase();
    const earlier = map.get(lower);
    // An empty list is kept: it reads as absent, but the key was supplied, so it is not unknown.
    map.set(lower, earlier === undefined ? list : [...new Set([...earlier, ...list])]);
  }
  return map;
}

const emptyViews = new WeakMap<UnknownMatcher, ContextView>();

export function contextView(context: RequestContext | undefined, unknowns: UnknownMatcher = NO_UNKNOWNS): ContextView {
  if (context !== undefined) return new LazyContext(context, unknowns);
  if (unknowns === NO_UNKNOWNS) return EMPTY_CONTEXT;
  let view = emptyViews.get(unknowns);
  if (view === undefined) emptyViews.set(unknowns, (view = new EmptyContext(unknowns)));
  return view;
}

/**
 * `view`, made independent of the caller's context object, which may be changed after the
 * decision: for reads that happen later (a lazily written explanation). Normalizing copies every
 * value into lists of the view's own.
 */
export function settledContext(view: ContextView): ContextView {
  if (view instanceof LazyContext) view.settle();
  return view;
}

/** A canonical string of the values of `keys`, for decision cache keys. */
export function contextFingerprint(view: ContextView, lowerKeys: readonly string[]): string {
  let s = '';
  for (const key of lowerKeys) {
    const values = view.get(key);
    // JSON keeps a single value apart from a list that happens to look like one.
    s += values === undefined ? (view.unknown(key) ? '?' : '-') : values.length === 1 ? JSON.stringify(values[0]) : JSON.stringify(values);
    s += ',';
  }
  return s;
}
