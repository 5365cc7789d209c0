/** Null: `true` holds when the key is absent, `false` when it is present. Never compares values. */
import type { ConditionOperator } from './operator.js';

export const nullOperators: readonly ConditionOperator<never>[] = [
  {
    name: 'Null',
    verb: 'is absent',
    says: 'is absent',
    negated: false,
    presence: true,
    expects: '"true" or "false"',
    prepare: (v) => {
      const lower = v.text.toLowerCase();
      return lower === 'true' ? true : lower === 'false' ? false : undefined;
    },
    test: () => false,
  } satisfies ConditionOperator<boolean>,
] as readonly ConditionOperator[] as readonly ConditionOperator<never>[];
