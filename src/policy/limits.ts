/**
 * Bounds on what `parsePolicy` accepts. They exist so that no input — however large, deep or
 * cyclic — can hang the process or exhaust the stack, and they sit far above anything AWS issues,
 * so that every policy AWS accepts is accepted here too.
 *
 * AWS documents size quotas per policy type (IAM and STS quotas page): 6,144 characters for a
 * customer managed policy, 2,048 / 5,120 / 10,240 for all inline policies of a user / group / role,
 * 5,120 for an SCP, 2,048 for a session policy (packed). AWS managed policies are not bound by
 * them — the largest today exceeds 150,000 characters and lists 1,548 actions in one statement — and
 * the engine decides over whatever policy a principal has, so none of those quotas is applied here.
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
  // IAM has some 20,000 actions in all; a statement listing every one of them five times fits.
  maxValuesPerElement: 100_000,
  maxProblems: 100,
});

export function resolveLimits(partial: Partial<PolicyLimits> | undefined): PolicyLimits {
  return partial === undefined ? DEFAULT_POLICY_LIMITS : { ...DEFAULT_POLICY_LIMITS, ...partial };
}

