import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchArn, matchWildcard } from '../../../src/policy/index.js';
import { tokenizeWildcard } from '../../../src/policy/wildcard.js';
import { ANY, arnPattern, globPattern, regions, type Pattern } from '../../../src/tooling/diff/language.js';

/** Whether the automaton of one pattern accepts the text: the one region whose witness... read directly instead. */
function accepts(p: Pattern, text: string): boolean {
  const literal: Pattern = { elements: [...text].map((c) => ({ kind: 'char', c })), fold: false };
  return regions([literal], [p]).some((r) => r.matches.includes(0));
}

const piece = fc.constantFrom('arn', ':', 'aws', 'a', 'b', '*', '?', '/', 'apps', 'x:y', '');
const text = fc.array(piece, { maxLength: 10 }).map((parts) => parts.join(''));

describe('patterns as languages read as the engine matches', () => {
  it('an ARN pattern accepts exactly what matchArn matches, in each of the engine\'s two readings', () => {
    fc.assert(fc.property(text, text, fc.boolean(), (pattern, value, spanning) => {
      expect(accepts(arnPattern(tokenizeWildcard(pattern), spanning), value), `${pattern} vs ${value} (spanning: ${spanning})`).toBe(matchArn(pattern, value, { spanning }));
    }), { numRuns: 1000 });
  });

  it.each([
    ['arn*', 'arn:', true, true], ['arn*', 'arn:', false, false],
    ['?*', 'x:y', true, true], ['?*', 'x:y', false, false],
    ['arn:aws:mobiletargeting:us-east-1:*', 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/a1', true, true],
    ['arn:aws:mobiletargeting:us-east-1:*', 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/a1', false, false],
  ] as const)('%s vs %s (spanning: %s): %s, as the engine reads it', (pattern, value, spanning, want) => {
    expect(matchArn(pattern, value, { spanning })).toBe(want);
    expect(accepts(arnPattern(tokenizeWildcard(pattern), spanning), value)).toBe(want);
  });

  it('a string glob accepts exactly what matchWildcard matches', () => {
    fc.assert(fc.property(text, text, (pattern, value) => {
      expect(accepts(globPattern(tokenizeWildcard(pattern)), value)).toBe(matchWildcard(pattern, value));
    }), { numRuns: 400 });
  });

  it('regions: one witness per combination of patterns that some string reaches', () => {
    const any: Pattern = { elements: [{ kind: 'star', cls: ANY }], fold: false };
    const cut = regions([any], ['a*', '*b', 'ab'].map((p) => globPattern(tokenizeWildcard(p))));
    expect(cut.map((r) => r.matches.join(',')).sort()).toEqual(['', '0', '0,1', '0,1,2', '1']);
    for (const r of cut) expect(['a*', '*b', 'ab'].map((p, i) => matchWildcard(p, r.witness) === r.matches.includes(i))).toEqual([true, true, true]);
  });
});
