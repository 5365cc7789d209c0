/** One problem found in a policy document, located by its JSON path. */
export interface PolicyProblem {
  /** JSON path such as `Statement[2].Condition.StringEquals`; `(document)` for the whole document. */
  readonly path: string;
  readonly message: string;
}

/**
 * Thrown by `parsePolicy` (and `compilePolicies` for raw documents) with every problem at once,
 * so an author fixes a policy in one round trip rather than one error per attempt.
 */
export class PolicyParseError extends Error {
  readonly problems: readonly PolicyProblem[];

  constructor(problems: readonly PolicyProblem[], label?: string) {
    const head = label === undefined ? 'Invalid policy' : `Invalid policy ${label}`;
    super(`${head}:\n${problems.map((p) => `${p.path}: ${p.message}`).join('\n')}`);
    this.name = 'PolicyParseError';
    this.problems = Object.freeze(problems.map((p) => Object.freeze({ ...p })));
  }
}
