/**
 * The lint errors of the policies a report evaluates — an unknown or legacy action, a resource that can never match, a
 * policy that does not parse — for `check` and `matrix` to show above their answer: such a statement allows nothing,
 * and a matrix full of denies does not say why. End of support is left out: the reports show it per action.
 */
import { lintPolicy } from './index.js';
import type { LintFinding, LintOptions } from './types.js';

/** One finding in one policy of the set. */
export interface PolicyFinding {
  /** The policy's label: its file name on the command line. */
  readonly policy: string;
  readonly finding: LintFinding;
}

/** Error-level findings of each policy (raw JSON), other than end of support. */
export function policyErrors(policies: readonly { readonly label: string; readonly doc: string | object }[], options: LintOptions = {}): PolicyFinding[] {
  return policies.flatMap(({ label, doc }) =>
    lintPolicy(doc, options)
      .filter((f) => f.severity === 'error' && f.rule !== 'end-of-support')
      .map((finding) => ({ policy: label, finding })));
}
