/**
 * The request context as the engine reads it: keys case-insensitive (IAM condition keys are),
 * the case variants of a key merged into one, every value a list, and an empty list treated as an
 * absent key — IAM treats a key whose value set is empty as null, which is what
 * `ForAllValues`/`ForAnyValue` and `Null` rely on.
 */
import type { RequestContext } from './types.js';

/** Lookup by lower-cased key. */
export interface ContextView {
  get(lowerKey: string): readonly string[] | undefined;
}

export const EMPTY_CONTEXT: ContextView = { get: () => undefined };

/**
 * Builds the lookup lazily: many decisions never read the context, and normalizing it is the
 * largest per-request cost after matching. A class, not a closure, because one is made per
 * request.
 */
class LazyContext implements ContextView {
  private map: Map<string, readonly string[]> | undefined;
  constructor(private readonly context: RequestContext) {}

  get(lowerKey: string): readonly string[] | undefined {
    return (this.map ??= normalize(this.context)).get(lowerKey);
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
    if (list.length === 0) continue;
    const lower = key.toLowerCase();
    const earlier = map.get(lower);
    map.set(lower, earlier === undefined ? list : [...new Set([...earlier, ...list])]);
  }
  return map;
}

export function contextView(context: RequestContext | undefined): ContextView {
  return context === undefined ? EMPTY_CONTEXT : new LazyContext(context);
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
    s += values === undefined ? '-' : values.length === 1 ? JSON.stringify(values[0]) : JSON.stringify(values);
    s += ',';
  }
  return s;
}
