import { describe, expect, it } from 'vitest';
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
    // A wildcard in a fixed field never crosses its colons, although a whole-string glob would.
    ['arn:aws:mobiletargeting:*:apps/abc', 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/abc', false],
    ['arn:aws:mobiletargeting:us*:123456789012:apps/abc', 'arn:aws:mobiletargeting:us:x:123456789012:apps/abc', false],
    // In the resource field it spans ':' and '/'.
    ['arn:aws:logs:us-east-1:123456789012:log-group:*', 'arn:aws:logs:us-east-1:123456789012:log-group:a/b:c', true],
    ['arn:aws:mobiletargeting:us-east-1:123456789012:apps/*', '*', false],
    ['arn:aws:mobiletargeting:us-east-1:123456789012:apps/*', 'not-an-arn', false],
  ])('%s ~ %s: %s', (pattern, arn, want) => {
    expect(matchArn(pattern, arn)).toBe(want);
  });
});
