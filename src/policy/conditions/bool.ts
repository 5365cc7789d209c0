/** Bool: `true`/`false`, compared without regard to case. */
import type { ConditionOperator } from './operator.js';

function parseBool(text: string): boolean | undefined {
  const lower = text.toLowerCase();
  return lower === 'true' ? true : lower === 'false' ? false : undefined;
}

export const boolOperators: readonly ConditionOperator<never>[] = [
  {
    name: 'Bool',
    verb: 'is',
    says: 'is',
    negated: false,
    // The condition-operator page marks policy variables as supported for Bool; the variables page excludes Boolean.
    variables: 'wider',
    expects: '"true" or "false"',
    requestValue: { noun: '"true" or "false"', valid: (c) => parseBool(c) !== undefined },
    prepare: (v) => parseBool(v.text),
    test: (c, p) => parseBool(c) === p,
  } satisfies ConditionOperator<boolean>,
] as readonly ConditionOperator[] as readonly ConditionOperator<never>[];
