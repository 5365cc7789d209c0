/** What each lint rule looks for, in one sentence: the rule list of SARIF output and of `lint --help`. */
export const RULE_SUMMARIES: Readonly<Record<string, string>> = {
  grammar: 'The policy is not valid IAM policy grammar; the client would deny every call.',
  'unknown-action': 'A mobiletargeting action IAM does not know: it grants (or excludes) nothing.',
  'legacy-action': 'A legacy action name from the seed documentation that IAM does not know.',
  'wildcard-matches-nothing': 'An action wildcard that matches no Pinpoint action.',
  'action-case': 'An action spelled in a different case than AWS spells it (it still works).',
  'resource-type-mismatch': 'A Resource pattern that can never match the resource type of the actions it is paired with.',
  'action-resource-mismatch': 'An action that no Resource pattern of its statement can reach.',
  'short-resource-pattern': 'A Resource pattern with fewer than six ARN fields: only a * spanning colons matches, so an Allow with it grants nothing.',
  'variable-not-substituted': 'A policy variable in an operator that does not substitute it: compared as written, it matches nothing.',
  'arn-placeholder': 'An ARN field that still holds a documentation placeholder such as account-id.',
  'allow-not-action': 'Allow with NotAction grants every other action of every AWS service.',
  'allow-not-resource': 'Allow with NotResource grants the actions on every other resource.',
  'duplicate-statement': 'A statement that repeats another one.',
  'shadowed-statement': 'A statement whose every request another statement already covers.',
  'allow-always-denied': 'An Allow that an unconditional Deny cancels entirely.',
  'end-of-support': 'The policy grants actions on Amazon Pinpoint features whose support ended on 2026-10-30.',
};
