/** String operators: exact, case-insensitive and glob comparisons. */
import { compileGlob, type CompiledGlob } from '../wildcard.js';
import { withNegation, type ConditionOperator } from './operator.js';

const ANY_STRING = 'a string';

export const stringOperators: readonly ConditionOperator<never>[] = [
  ...withNegation<string>(
    { name: 'StringEquals', verb: 'equals', says: 'equals', variables: true, expects: ANY_STRING, prepare: (v) => v.text, test: (c, p) => c === p },
    'StringNotEquals',
    'does not equal',
  ),
  ...withNegation<string>(
    {
      name: 'StringEqualsIgnoreCase',
      verb: 'equals (ignoring case)',
      says: 'equals (ignoring case)',
      variables: true,
      expects: ANY_STRING,
      prepare: (v) => v.text.toLowerCase(),
      test: (c, p) => c.toLowerCase() === p,
    },
    'StringNotEqualsIgnoreCase',
    'does not equal (ignoring case)',
  ),
  ...withNegation<CompiledGlob>(
    {
      name: 'StringLike',
      verb: 'is like',
      says: 'matches',
      variables: true,
      expects: ANY_STRING,
      prepare: (v) => compileGlob(v.tokens),
      test: (c, p) => p.match(c),
    },
    'StringNotLike',
    'does not match',
  ),
] as readonly ConditionOperator[] as readonly ConditionOperator<never>[];
