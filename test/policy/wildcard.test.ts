import { describe, expect, it } from 'vitest';
import { matchWildcard } from '../../src/policy/index.js';
import { compileGlob, ONE, STAR } from '../../src/policy/wildcard.js';

describe(matchWildcard.name, () => {
  it.each([
    ['*', '', true],
    ['*', 'anything/at:all', true],
    ['', '', true],
    ['', 'a', false],
    ['abc', 'abc', true],
    ['abc', 'abcd', false],
    ['a?c', 'abc', true],
    ['a?c', 'ac', false],
    ['a*', 'a', true],
    ['*c', 'abc', true],
    ['a*c', 'ac', true],
    ['a*c', 'abcbc', true],
    ['a*c', 'abcb', false],
    ['a*b*c', 'aXbYc', true],
    ['a*b*c', 'aXcYb', false],
    ['*a*a*', 'aa', true],
    ['*a*a*', 'a', false],
    ['??', 'ab', true],
    ['??', 'abc', false],
    ['*?', '', false],
    ['a*?b', 'axb', true],
    ['a*?b', 'ab', false],
    ['ab*ba', 'aba', false],
    ['*ab?d*', 'xxabcdyy', true],
    ['*ab?d*', 'xxabcabdyy', false],
    ['*ab?d*', 'xxabcab', false],
  ])('%j matches %j: %s', (pattern, value, want) => {
    expect(matchWildcard(pattern, value)).toBe(want);
  });

  it('is case-sensitive unless asked', () => {
    expect(matchWildcard('mobiletargeting:Get*', 'MobileTargeting:GETSEGMENT')).toBe(false);
    expect(matchWildcard('mobiletargeting:Get*', 'MobileTargeting:GETSEGMENT', { ignoreCase: true })).toBe(true);
  });

  it('keeps literal * and ? from tokens literal', () => {
    const glob = compileGlob(['apps/', '*', STAR]);
    expect(glob.match('apps/*x')).toBe(true);
    expect(glob.match('apps/x')).toBe(false);
    expect(compileGlob(['a', ONE, '?']).match('ab?')).toBe(true);
    expect(compileGlob(['a', ONE, '?']).match('abc')).toBe(false);
  });

  it('matches from an offset without slicing', () => {
    expect(compileGlob(['x', STAR]).match('abcx123', 3)).toBe(true);
    expect(compileGlob(['x']).match('abcx', 3)).toBe(true);
    expect(compileGlob(['x']).match('abcxy', 3)).toBe(false);
  });

  it('handles a pathological pattern against a long value without backtracking', () => {
    const pattern = `${'*a'.repeat(30)}*b`;
    const value = 'a'.repeat(10_000);
    expect(matchWildcard(pattern, value)).toBe(false);
    expect(matchWildcard(pattern, `${value}b`)).toBe(true);
  });
});
