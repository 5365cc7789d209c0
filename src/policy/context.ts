/**
 * The request context as the engine reads it: keys case-insensitive (IAM condition keys are),
 * every value a list, and an empty list treated as an absent key — IAM treats a key whose value
 * set is empty as null, which is what `ForAllValues`/`ForAnyValue` and `Null` rely on.
 */
import type { RequestContext } from './types.js';

/** Lookup by lower-cased key. */
export interface ContextView {
  get(lowerKey: string): readonly string[] | undefined;
}

export const EMPTY_CONTEXT: ContextView = { get: () => undefined };

/**
 * Builds the lookup lazily: many decisions never read the context, and normalizing it is the
 * largest per-request cost after matching. When a key is given twice in different cases, the
 * later one wins.
 */
export function contextView(context: RequestContext | undefined): ContextView {
  if (context === undefined) return EMPTY_CONTEXT;
  let map: Map<string, readonly string[]> | undefined;
  return {
    get(lowerKey) {
      if (map === undefined) {
        map = new Map();
        for (const key of Object.keys(context)) {
          const value = context[key];
          if (value === undefined || value === null) continue;
          const list: readonly string[] = typeof value === 'string' ? [value] : Array.isArray(value) ? value.map(String) : [String(value)];
          if (list.length > 0) map.set(key.toLowerCase(), list);
          else map.delete(key.toLowerCase());
        }
      }
      return map.get(lowerKey);
    },
  };
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
