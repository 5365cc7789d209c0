/**
 * Bounds on what `parsePolicy` accepts. They exist so that no input — however large, deep or
 * cyclic — can hang the process or exhaust the stack; the defaults are far above anything IAM
 * itself accepts (6,144 characters for a managed policy) so real policies never hit them.
 */
export interface PolicyLimits {
  /** Characters of JSON text, or total characters of keys and strings for an object input. */
  readonly maxDocumentLength: number;
  readonly maxStatements: number;
  /** Nesting depth of objects and arrays; a valid policy needs 6. */
  readonly maxDepth: number;
  /** Objects, arrays and scalars in the document. */
  readonly maxNodes: number;
  /** Entries of one Action/Resource/condition-value array. */
  readonly maxValuesPerElement: number;
  /** Problems reported before giving up on a hopeless document. */
  readonly maxProblems: number;
}

/** Safe defaults: no document can hang the parser or exhaust the stack. Override per call with `parsePolicy(doc, { limits })`. */
export const DEFAULT_POLICY_LIMITS: PolicyLimits = Object.freeze({
  maxDocumentLength: 2_000_000,
  maxStatements: 5_000,
  maxDepth: 32,
  maxNodes: 250_000,
  maxValuesPerElement: 1_000,
  maxProblems: 100,
});

export function resolveLimits(partial: Partial<PolicyLimits> | undefined): PolicyLimits {
  return partial === undefined ? DEFAULT_POLICY_LIMITS : { ...DEFAULT_POLICY_LIMITS, ...partial };
}
