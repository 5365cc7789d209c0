/**
 * Three-valued truth for evaluation with unknown keys: a part of a statement holds, does not
 * hold, or depends on keys whose values cannot be seen. Combined as Kleene logic, which is sound:
 * whatever the unknown values turn out to be, a `true` or `false` stays what it is.
 */

/** The value of a part that depends on unknown keys. */
export const UNKNOWN = 'unknown';
export type Truth = boolean | typeof UNKNOWN;

/** Kleene conjunction: false wins, then unknown. */
export function and(a: Truth, b: Truth): Truth {
  return a === false || b === false ? false : a === true && b === true ? true : UNKNOWN;
}

/** Kleene disjunction: true wins, then unknown. */
export function or(a: Truth, b: Truth): Truth {
  return a === true || b === true ? true : a === false && b === false ? false : UNKNOWN;
}

/** Kleene negation. */
export function not(a: Truth): Truth {
  return a === UNKNOWN ? UNKNOWN : !a;
}
