/**
 * Arn operators. IAM documents ArnEquals and ArnLike identically: each of the six fields is
 * compared separately and may hold `*` and `?`. A request value that is not an ARN never matches,
 * and makes the condition false for the `Not` operators too.
 */
import { compileArnPattern, isArnShaped, splitArnTokens, type ArnMatcher } from '../arn.js';
import { STAR } from '../wildcard.js';
import { withNegation, type ConditionOperator } from './operator.js';

/** Whether a request value is an ARN: `arn:` and six colon-separated fields (wildcards are plain text here). */
function isArn(value: string): boolean {
  return value.startsWith('arn:') && splitArnTokens([value]) !== null;
}

const arnMatch: Omit<ConditionOperator<ArnMatcher>, 'negated' | 'name'> = {
  verb: 'matches',
  says: 'matches',
  variables: true,
  expects: 'an ARN (arn:partition:service:region:account:resource) or "*"',
  requestValue: { noun: 'an ARN', valid: isArn },
  prepare: (v) =>
    isArnShaped(v.tokens) || (v.tokens.length > 0 && v.tokens.every((t) => t === STAR)) ? compileArnPattern(v.tokens) : undefined,
  test: (c, p) => c.startsWith('arn:') && p.match(c),
};

export const arnOperators: readonly ConditionOperator<never>[] = [
  ...withNegation({ ...arnMatch, name: 'ArnEquals' }, 'ArnNotEquals', 'does not match'),
  ...withNegation({ ...arnMatch, name: 'ArnLike' }, 'ArnNotLike', 'does not match'),
] as readonly ConditionOperator[] as readonly ConditionOperator<never>[];
