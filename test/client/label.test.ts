/**
 * Path ids are checked in one pass (bind.ts `labelChars`); this holds it to the checks it replaced — control
 * characters, then unpaired surrogates (the regular expressions below), then `/` — over random strings drawn from
 * the characters that matter.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkLabel } from '../../src/client/bind.js';

const CONTROL = /[\u0000-\u001f\u007f]/;
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

function reference(value: string): string | undefined {
  if (value === '') return 'a non-empty string';
  if (value === '.' || value === '..') return 'an id other than "." or ".." (they would move up the path)';
  if (CONTROL.test(value)) return 'a string without control characters';
  if (LONE_SURROGATE.test(value)) return 'well-formed Unicode (no unpaired surrogate)';
  if (value.includes('/')) return 'an id without "/"';
  return undefined;
}

function problem(value: string): string | undefined {
  try {
    checkLabel({ name: 'GetSegment' }, 'SegmentId', value);
    return undefined;
  } catch (e) {
    return (e as { expected?: string }).expected ?? (e as Error).message;
  }
}

describe('path id characters', () => {
  it('one pass finds what the three checks found, in their order', () => {
    const char = fc.constantFrom('a', '.', '/', '\u0000', '\u001f', '\u007f', '\u0080', '\uD83D', '\uDE00', 'é', '😀');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 8 }).map((a) => a.join('')), (value) => {
        const want = reference(value);
        const got = problem(value);
        if (want === undefined) expect(got).toBeUndefined();
        else expect(got).toBe(want);
      }),
      { numRuns: 5000 },
    );
  });
});
