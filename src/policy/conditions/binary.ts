/** BinaryEquals: base64 values compared byte for byte. */
import type { ConditionOperator } from './operator.js';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function decode(text: string): Buffer | undefined {
  return BASE64.test(text) ? Buffer.from(text, 'base64') : undefined;
}

export const binaryOperators: readonly ConditionOperator<never>[] = [
  {
    name: 'BinaryEquals',
    verb: 'equals',
    says: 'equals',
    negated: false,
    expects: 'base64 text',
    requestValue: { noun: 'base64 text', valid: (c) => decode(c) !== undefined },
    prepare: (v) => decode(v.text),
    test: (c, p) => decode(c)?.equals(p) === true,
  } satisfies ConditionOperator<Buffer>,
] as readonly ConditionOperator[] as readonly ConditionOperator<never>[];
