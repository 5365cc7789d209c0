/** Numeric operators. Values are decimal numbers written as strings or JSON numbers. */
import { withNegation, type ConditionOperator } from './operator.js';

// A fixed grammar rather than Number(): Number('') is 0 and Number('0x10') is 16, neither of
// which IAM reads as a number.
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Parses a decimal number; undefined when the text is not one. */
export function parseNumber(text: string): number | undefined {
  if (!NUMBER.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

const EXPECTS = 'a number';

function relation(name: string, verb: string, holds: (c: number, p: number) => boolean): ConditionOperator<number> {
  return {
    name,
    verb,
    negated: false,
    expects: EXPECTS,
    prepare: (v) => parseNumber(v.text),
    test: (c, p) => {
      const n = parseNumber(c);
      return n !== undefined && holds(n, p);
    },
  };
}

export const numericOperators: readonly ConditionOperator<never>[] = [
  ...withNegation(relation('NumericEquals', 'equals', (c, p) => c === p), 'NumericNotEquals'),
  relation('NumericLessThan', 'is less than', (c, p) => c < p),
  relation('NumericLessThanEquals', 'is at most', (c, p) => c <= p),
  relation('NumericGreaterThan', 'is greater than', (c, p) => c > p),
  relation('NumericGreaterThanEquals', 'is at least', (c, p) => c >= p),
] as readonly ConditionOperator[] as readonly ConditionOperator<never>[];
