import { describe, expect, it } from 'vitest';
import { pageOf } from '../../src/testing/paging.js';

const items = ['a', 'b', 'c', 'd', 'e'];

describe(pageOf.name, () => {
  it('walks every item once, page by page', () => {
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const page = pageOf(items, { 'page-size': '2', ...(token ? { token } : {}) });
      seen.push(...page.Item);
      token = page.NextToken;
    } while (token);
    expect(seen).toEqual(items);
  });

  const cases: readonly [string, Record<string, string>, unknown][] = [
    ['the default size holds everything: no NextToken', {}, { Item: items }],
    ['an exact fit: no NextToken', { 'page-size': '5' }, { Item: items }],
    ['more remain: a NextToken', { 'page-size': '4' }, { Item: ['a', 'b', 'c', 'd'], NextToken: expect.any(String) }],
  ];
  it.each(cases)('%s', (_, query, want) => {
    expect(pageOf(items, query)).toEqual(want);
  });

  it.each([['0'], ['-1'], ['1.5'], ['x'], ['1001']])('refuses page-size %s', (size) => {
    expect(() => pageOf(items, { 'page-size': size })).toThrow(/Invalid page-size/);
  });

  it('refuses a token it did not hand out', () => {
    expect(() => pageOf(items, { token: 'garbage' })).toThrow(/Invalid token/);
  });
});
