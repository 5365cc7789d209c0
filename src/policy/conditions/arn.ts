/**
 * Arn operators. IAM documents ArnEquals and ArnLike identically: "Each of the six
 * colon-delimited components of the ARN is checked separately and each can include multi-character
 * match wildcards (*) or single-character match wildcards (?)". The Resource page lets a `*` that
 * ends a field expand beyond the colon boundaries; whether that holds in a condition the pages do
 * not say, so both readings are compiled (`prepare` spanning, `prepareNarrow` field by field) and
 * the safe one is used per statement. A request value that is not an ARN never matches, and makes
 * the condition false for the `Not` operators too.
 */
import { compileArnPattern, isArnShaped, splitArnTokens, type ArnMatcher } from '../arn.js';
import { STAR } from '../wildcard.js';
import { withNegation, type ConditionOperator, type PolicyValue } from './operator.js';

/** Whether a request value is an ARN: `arn:` and six colon-separated fields (wildcards are plain text here). */
function isArn(value: string): boolean {
  return value.startsWith('arn:') && splitArnTokens([value]) !== null;
}

const isArnValue = (v: PolicyValue): boolean => isArnShaped(v.tokens) || (v.tokens.length > 0 && v.tokens.every((t) => t === STAR));

const arnMatch: Omit<ConditionOperator<ArnMatcher>, 'negated' | 'name'> = {
  verb: 'matches',
  says: 'matches',
  variables: true,
  expects: 'an ARN (arn:partition:service:region:account:resource) or "*"',
  requestValue: { noun: 'an ARN', valid: isArn },
  prepare: (v) => (isArnValue(v) ? compileArnPattern(v.tokens) : undefined),
  prepareNarrow: (v) => (isArnValue(v) ? compileArnPattern(v.tokens, { spanning: false }) : undefined),
  test: (c, p) => c.startsWith('arn:') && p.match(c),
};

export const arnOperators: readonly ConditionOperator<never>[] = [
  ...withNegation({ ...arnMatch, name: 'ArnEquals' }, 'ArnNotEquals', 'does not match'),
  ...withNegation({ ...arnMatch, name: 'ArnLike' }, 'ArnNotLike', 'does not match'),
] as readonly ConditionOperator[] as readonly ConditionOperator<never>[];
