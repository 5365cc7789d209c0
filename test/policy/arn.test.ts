import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { matchArn } from '../../src/policy/index.js';

const SEG = 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/abc/segments/s1';

describe(matchArn.name, () => {
  it.each([
    ['*', SEG, true],
    ['*', '*', true],
    [SEG, SEG, true],
    ['arn:aws:mobiletargeting:us-east-1:123456789012:apps/*', SEG, true],
    ['arn:aws:mobiletargeting:*:*:apps/abc/*', SEG, true],
    ['arn:aws:mobiletargeting:us-east-?:123456789012:apps/abc/segments/s1', SEG, true],
    ['arn:*:mobiletargeting:us-east-1:123456789012:apps/abc/segments/s1', SEG, true],
    ['arn:aws:mobiletargeting:us-east-1:123456789012:apps/ABC/*', SEG, false],
    ['arn:aws:mobiletargeting:us-east-1:123456789012:apps/abc', SEG, false],
    ['arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket/a/b:c', true],
    ['arn:aws:s3:::bucket/*', 'arn:aws:s3:::other/a', false],
    // reference_policies_elements_resource: "If the * wildcard is the last character of a resource ARN segment, it
    // can expand to match beyond the colon boundaries" — elsewhere in a field it does not.
    ['arn:aws:mobiletargeting:*:apps/abc', 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/abc', true],
    ['arn:aws:mobiletargeting:us*:123456789012:apps/abc', 'arn:aws:mobiletargeting:us:x:123456789012:apps/abc', true],
    ['arn:aws:logs:*:log-group:/x:*', 'arn:aws:logs:us-east-1:123456789012:log-group:/x:log-stream:s', true],
    ['arn:aws:logs:*:log-group:/x:*', 'arn:aws:logs:us-east-1:123456789012:log-groups:/x:log-stream:s', false],
    ['arn:aws:mobiletargeting:u*1:123456789012:apps/abc', 'arn:aws:mobiletargeting:us:east-1:123456789012:apps/abc', false],
    ['arn:aws:mobiletargeting:u*1:123456789012:apps/abc', 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/abc', true],
    // A `?` or inner `*` next to a trailing one: the general matcher.
    ['arn:aws:mobiletargeting:u?-*:apps/abc', 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/abc', true],
    ['arn:aws:mobiletargeting:u?-*:apps/abc', 'arn:aws:mobiletargeting:use-east-1:123456789012:apps/abc', false],
    ['arn:aws:mobiletargeting:u*t-*:1234*:apps/abc', 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/abc', true],
    ['arn:aws:mobiletargeting:u*t-*:1234*:apps/abc', 'arn:aws:mobiletargeting:us:east-1:123456789012:apps/abc', false],
    ['arn:aws:mobiletargeting:us-?ast-*:*:apps/?bc', 'arn:aws:mobiletargeting:us-east-1:123456789012:x:apps/abc', true],
    ['arn:aws:mobiletargeting:us-?ast-*:5*:x:y', 'arn:aws:mobiletargeting:us-east-1:123456789012:x:y', false],
    // In the resource field it spans ':' and '/'.
    ['arn:aws:logs:us-east-1:123456789012:log-group:*', 'arn:aws:logs:us-east-1:123456789012:log-group:a/b:c', true],
    ['arn:aws:mobiletargeting:us-east-1:123456789012:apps/*', '*', false],
    ['arn:aws:mobiletargeting:us-east-1:123456789012:apps/*', 'not-an-arn', false],
  ])('%s ~ %s: %s', (pattern, arn, want) => {
    expect(matchArn(pattern, arn)).toBe(want);
  });
});

describe('matchArn field by field ({ spanning: false }): the narrower reading an Allow needs', () => {
  it.each([
    [SEG, SEG, true],
    ['arn:aws:mobiletargeting:*:*:apps/abc/*', SEG, true],
    ['arn:aws:mobiletargeting:us-east-?:123456789012:apps/abc/segments/s1', SEG, true],
    // Matched only by a * spanning colons: not in this reading.
    ['arn:aws:mobiletargeting:*:apps/abc', 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/abc', false],
    ['arn:aws:logs:*:log-group:/x:*', 'arn:aws:logs:us-east-1:123456789012:log-group:/x:log-stream:s', false],
    ['arn:aws:mobiletargeting:us-east-1:*', SEG, false],
    ['arn:aws:someservice:*:111122223333:finance/*', 'arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/x', false],
    // The resource field still spans ':' and '/'.
    ['arn:aws:logs:us-east-1:123456789012:log-group:*', 'arn:aws:logs:us-east-1:123456789012:log-group:a/b:c', true],
  ])('%s ~ %s: %s', (pattern, arn, want) => {
    expect(matchArn(pattern, arn, { spanning: false })).toBe(want);
  });

  it('matches only where the spanning reading matches too (so an Allow is never wider than either reading)', () => {
    const field = fc.stringMatching(/^[a-z0-9*?-]{0,4}$/);
    const value = fc.stringMatching(/^[a-z0-9:-]{0,5}$/);
    fc.assert(
      fc.property(fc.array(field, { minLength: 2, maxLength: 7 }), fc.array(value, { minLength: 6, maxLength: 8 }), (fields, parts) => {
        const pattern = ['arn', ...fields].join(':');
        const arn = ['arn', ...parts].join(':');
        if (matchArn(pattern, arn, { spanning: false })) expect(matchArn(pattern, arn)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
