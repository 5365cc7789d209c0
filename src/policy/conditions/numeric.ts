/** Numeric operators. Values are decimal numbers written as strings or JSON numbers. */
import { orderedFamily } from './operator.js';

// A fixed grammar rather than Number(): Number('') is 0 and Number('0x10') is 16, neither of
// which IAM reads as a number.
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Parses a decimal number; undefined when the text is not one. */
export function parseNumber(text: string): number | undefined {
  if (!NUMBER.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

export const numericOperators = orderedFamily('Numeric', parseNumber, 'a number', {
  equals: 'equals', notEquals: 'does not equal', less: 'is less than', lessOrEqual: 'is at most', greater: 'is greater than', greaterOrEqual: 'is at least',
}, 'a number');
