import { describe, expect, it } from 'vitest';
import { compileCondition, evaluateCondition, explainCondition, lookupOperator } from '../../src/policy/conditions/index.js';
import { parseCidr, ipInCidr } from '../../src/policy/conditions/ip.js';
import { parseDate } from '../../src/policy/conditions/date.js';
import { contextView } from '../../src/policy/context.js';
import type { RequestContext } from '../../src/policy/index.js';

/** [operator, policy values, request value (undefined = key absent), want] */
type Row = readonly [string, string | readonly string[], string | readonly string[] | undefined, boolean];

function holds(operator: string, values: string | readonly string[], value: RequestContext[string], version: '2012-10-17' | '2008-10-17' = '2012-10-17', extra: RequestContext = {}): boolean | 'unknown' {
  const spec = lookupOperator(operator);
  if (typeof spec === 'string') throw new Error(spec);
  const cond = compileCondition(
    { operator, baseOperator: spec.op.name, ifExists: spec.ifExists, key: 'test:Key', values: typeof values === 'string' ? [values] : values },
    version,
    'Allow',
  );
  return evaluateCondition(cond, contextView({ ...extra, ...(value === undefined ? {} : { 'test:key': value }) }));
}

const families: Record<string, readonly Row[]> = {
  string: [
    ['StringEquals', 'a', 'a', true],
    ['StringEquals', 'a', 'A', false],
    ['StringEquals', ['a', 'b'], 'b', true],
    ['StringEquals', 'a*', 'abc', false],
    ['StringEquals', 'a', undefined, false],
    ['StringNotEquals', 'a', 'b', true],
    ['StringNotEquals', ['a', 'b'], 'b', false],
    ['StringNotEquals', 'a', undefined, true],
    ['StringEqualsIgnoreCase', 'ABC', 'abc', true],
    ['StringNotEqualsIgnoreCase', 'ABC', 'abc', false],
    ['StringNotEqualsIgnoreCase', 'ABC', 'abd', true],
    ['StringLike', 'a*c', 'abbbc', true],
    ['StringLike', 'a?c', 'abbc', false],
    ['StringLike', 'A*', 'abc', false],
    ['StringNotLike', 'a*', 'bcd', true],
    ['StringNotLike', ['x*', 'b*'], 'bcd', false],
    ['StringEqualsIfExists', 'a', undefined, true],
    ['StringEqualsIfExists', 'a', 'b', false],
  ],
  numeric: [
    ['NumericEquals', '10', '10.0', true],
    ['NumericEquals', '10', '1e1', true],
    ['NumericNotEquals', '10', '11', true],
    ['NumericLessThan', '10', '9', true],
    ['NumericLessThan', '10', '10', false],
    ['NumericLessThanEquals', '10', '10', true],
    ['NumericGreaterThan', '10', '10.5', true],
    ['NumericGreaterThanEquals', '10', '9.99', false],
    ['NumericLessThan', '10', 'abc', false],
    ['NumericLessThan', '10', '', false],
    ['NumericLessThan', '10', '0x1', false],
    ['NumericLessThanIfExists', '10', undefined, true],
    ['NumericNotEquals', '5', 'abc', true],
    ['NumericNotEquals', '5', ['6', 'abc'], true],
    ['NumericNotEqualsIfExists', '5', 'abc', true],
  ],
  date: [
    ['DateEquals', '2024-01-01T00:00:00Z', '1704067200', true],
    ['DateEquals', '2024-01-01T01:00:00+01:00', '2024-01-01T00:00:00Z', true],
    ['DateNotEquals', '2024-01-01T00:00:00Z', '2024-01-02T00:00:00Z', true],
    ['DateLessThan', '2024-01-01', '2023-12-31T23:59:59Z', true],
    ['DateLessThanEquals', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00.000Z', true],
    ['DateGreaterThan', '1704067200', '2024-01-01T00:00:01Z', true],
    ['DateGreaterThanEquals', '2024-01-01T00:00:00Z', '2023-01-01T00:00:00Z', false],
    ['DateGreaterThan', '2024-01-01T00:00:00Z', 'tomorrow', false],
    ['DateNotEquals', '2024-01-01T00:00:00Z', 'tomorrow', true],
  ],
  bool: [
    ['Bool', 'true', 'true', true],
    ['Bool', 'true', 'TRUE', true],
    ['Bool', 'true', 'false', false],
    ['Bool', 'false', 'no', false],
    ['BoolIfExists', 'false', undefined, true],
  ],
  binary: [
    ['BinaryEquals', 'QmluYXJ5', 'QmluYXJ5', true],
    ['BinaryEquals', 'QmluYXJ5', 'QmluYXJ6', false],
    ['BinaryEquals', 'QmluYXJ5', '***', false],
  ],
  ip: [
    ['IpAddress', '203.0.113.0/24', '203.0.113.255', true],
    ['IpAddress', '203.0.113.0/24', '203.0.112.255', false],
    ['IpAddress', '203.0.113.7', '203.0.113.7', true],
    ['IpAddress', '10.0.0.0/9', '10.127.255.255', true],
    ['IpAddress', '10.0.0.0/9', '10.128.0.0', false],
    ['IpAddress', '0.0.0.0/0', '8.8.8.8', true],
    ['IpAddress', '2001:db8::/32', '2001:db8:ffff::1', true],
    ['IpAddress', '2001:db8::/32', '2001:db9::1', false],
    ['IpAddress', '::1', '0:0:0:0:0:0:0:1', true],
    ['IpAddress', '203.0.113.0/24', '::ffff:203.0.113.9', true],
    ['IpAddress', '203.0.113.0/24', 'not-an-ip', false],
    ['IpAddress', '2001:db8::/32', '203.0.113.1', false],
    ['NotIpAddress', ['192.0.2.0/24', '203.0.113.0/24'], '198.51.100.1', true],
    ['NotIpAddress', ['192.0.2.0/24', '203.0.113.0/24'], '192.0.2.1', false],
    ['NotIpAddress', '192.0.2.0/24', 'not-an-ip', true],
    ['NotIpAddress', '192.0.2.0/24', '203.0.113.0/24', true],
  ],
  arn: [
    ['ArnLike', 'arn:aws:mobiletargeting:*:123456789012:apps/*', 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/abc', true],
    ['ArnEquals', 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/abc', 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/abc', true],
    ['ArnEquals', 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/*', 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/abc', true],
    ['ArnLike', 'arn:aws:mobiletargeting:*:apps/*:x', 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/abc', false],
    ['ArnNotEquals', 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/abc', 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/xyz', true],
    ['ArnNotLike', 'arn:aws:mobiletargeting:*:*:apps/*', 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/abc', false],
    ['ArnLike', 'arn:aws:mobiletargeting:*:*:*', 'mobiletargeting', false],
    ['ArnNotEquals', 'arn:aws:mobiletargeting:*:*:*', 'mobiletargeting', true],
    ['ArnNotLike', 'arn:aws:mobiletargeting:*:*:*', 'arn:aws:mobiletargeting', true],
  ],
  null: [
    ['Null', 'true', undefined, true],
    ['Null', 'true', 'x', false],
    ['Null', 'false', 'x', true],
    ['Null', 'false', undefined, false],
    ['Null', 'true', [], true],
  ],
  sets: [
    ['ForAllValues:StringEquals', ['a', 'b'], ['a', 'b'], true],
    ['ForAllValues:StringEquals', ['a', 'b'], ['a', 'c'], false],
    ['ForAllValues:StringEquals', ['a'], undefined, true],
    ['ForAllValues:StringEquals', ['a'], [], true],
    ['ForAllValues:StringNotEquals', ['a'], ['b', 'c'], true],
    ['ForAllValues:StringNotEquals', ['a'], ['b', 'a'], false],
    ['ForAnyValue:StringEquals', ['a'], ['b', 'a'], true],
    ['ForAnyValue:StringEquals', ['a'], ['b', 'c'], false],
    ['ForAnyValue:StringEquals', ['a'], undefined, false],
    ['ForAnyValue:StringNotEquals', ['a'], undefined, false],
    ['ForAnyValue:StringNotEquals', ['a'], ['a', 'b'], true],
    ['ForAnyValue:StringNotEquals', ['a'], ['a'], false],
    ['ForAnyValue:StringEqualsIfExists', ['a'], undefined, true],
    ['ForAnyValue:StringLike', ['aws:*'], ['team', 'aws:x'], true],
    ['forallvalues:stringequals', ['a'], ['a'], true],
    ['StringEquals', 'a', ['b', 'a'], true],
    ['StringNotEquals', 'a', ['b', 'a'], false],
    ['StringNotEquals', 'a', ['b', 'c'], true],
    ['ForAnyValue:NumericNotEquals', '5', ['6', 'abc'], true],
    ['ForAllValues:NotIpAddress', '192.0.2.0/24', ['203.0.113.1', 'nope'], true],
  ],
};

describe('condition operators', () => {
  for (const [family, rows] of Object.entries(families)) {
    describe(family, () => {
      it.each(rows)('%s %j with %j: %s', (operator, values, value, want) => {
        expect(holds(operator, values, value)).toBe(want);
      });
    });
  }

  it('matches condition key names case-insensitively', () => {
    const spec = lookupOperator('StringEquals');
    if (typeof spec === 'string') throw new Error(spec);
    const cond = compileCondition({ operator: 'StringEquals', baseOperator: 'StringEquals', ifExists: false, key: 'AWS:PrincipalTag/Team', values: ['ops'] }, '2012-10-17', 'Allow');
    expect(evaluateCondition(cond, contextView({ 'aws:principaltag/team': 'ops' }))).toBe(true);
  });

  it('substitutes policy variables in values, only under 2012-10-17', () => {
    expect(holds('StringEquals', '${aws:username}', 'bob', '2012-10-17', { 'aws:username': 'bob' })).toBe(true);
    expect(holds('StringEquals', '${aws:username}', 'bob', '2008-10-17', { 'aws:username': 'bob' })).toBe(false);
    expect(holds('StringEquals', '${aws:username}', '${aws:username}', '2008-10-17', { 'aws:username': 'bob' })).toBe(true);
    expect(holds('StringEquals', "${aws:username, 'anon'}", 'anon', '2012-10-17')).toBe(true);
    expect(holds('StringEquals', "${aws:username, 'it''s'}", "it's", '2012-10-17')).toBe(true);
    expect(holds('StringLike', 'a${*}', 'a*', '2012-10-17')).toBe(true);
    expect(holds('StringLike', 'a${*}', 'ab', '2012-10-17')).toBe(false);
    expect(holds('StringEquals', '${$}{x}', '${x}', '2012-10-17')).toBe(true);
    expect(holds('StringLike', '${?}', '?', '2012-10-17')).toBe(true);
    // A substituted value is literal: a username of "*" matches only "*".
    expect(holds('StringLike', 'apps/${aws:username}', 'apps/abc', '2012-10-17', { 'aws:username': '*' })).toBe(false);
    // Not substituted outside the string and ARN operators (reference_policies_variables): the text stays literal.
    expect(holds('NumericLessThan', '${aws:PrincipalTag/max}', '5', '2012-10-17', { 'aws:PrincipalTag/max': '10' })).toBe(false);
    expect(holds('NumericLessThan', '${aws:PrincipalTag/max}', '5', '2012-10-17', { 'aws:PrincipalTag/max': 'ten' })).toBe(false);
    // No value: there is no equal or like value, so a positive operator does not match and a negated one holds.
    expect(holds('StringEquals', '${aws:username}', 'bob', '2012-10-17')).toBe(false);
    expect(holds('StringEquals', ['${aws:username}', 'bob'], 'bob', '2012-10-17')).toBe(true);
    expect(holds('StringNotEquals', '${aws:username}', 'bob', '2012-10-17')).toBe(true);
    expect(holds('StringNotEquals', ['${aws:username}', 'alice'], 'bob', '2012-10-17')).toBe(true);
    expect(holds('StringNotEquals', ['${aws:username}', 'bob'], 'bob', '2012-10-17')).toBe(false);
    expect(holds('StringNotLike', 'apps/${aws:username}', 'apps/bob', '2012-10-17')).toBe(true);
    expect(holds('ForAllValues:StringNotEquals', '${aws:username}', ['bob'], '2012-10-17')).toBe(true);
    expect(holds('ForAnyValue:StringNotEquals', '${aws:username}', ['bob'], '2012-10-17')).toBe(true);
    expect(holds('NumericNotEquals', '${aws:PrincipalTag/max}', '5', '2012-10-17', { 'aws:PrincipalTag/max': 'ten' })).toBe(true);
    expect(holds('StringNotEquals', '${aws:username}', 'bob', '2012-10-17', { 'aws:username': 'alice' })).toBe(true);
  });

  it('explains failures with the key and value', () => {
    const spec = lookupOperator('StringEquals');
    if (typeof spec === 'string') throw new Error(spec);
    const cond = compileCondition({ operator: 'StringEquals', baseOperator: 'StringEquals', ifExists: false, key: 'aws:PrincipalTag/team', values: ['ops', 'sre'] }, '2012-10-17', 'Allow');
    expect(explainCondition(cond, contextView({ 'aws:PrincipalTag/team': 'dev' }))).toBe(
      'condition StringEquals on aws:PrincipalTag/team: request value "dev"; expected a value that equals any of "ops", "sre"',
    );
    expect(explainCondition(cond, contextView({}))).toBe(
      'condition StringEquals on aws:PrincipalTag/team: key aws:PrincipalTag/team is missing from the request context',
    );
  });

  it('parses CIDR blocks and dates strictly', () => {
    expect(parseCidr('10.0.0.0/33')).toBeUndefined();
    expect(parseCidr('256.0.0.0')).toBeUndefined();
    expect(parseCidr('2001:db8::/129')).toBeUndefined();
    expect(parseCidr('1::2::3')).toBeUndefined();
    expect(parseCidr('fe80::1/64')).toEqual({ bytes: expect.any(Uint8Array), prefix: 64 });
    expect(ipInCidr('fe80::abcd', parseCidr('fe80::/64') as NonNullable<ReturnType<typeof parseCidr>>)).toBe(true);
    expect(parseDate('March 7, 2024')).toBeUndefined();
    expect(parseDate('2024-03-07T10:00:00.123456Z')).toBe(Date.parse('2024-03-07T10:00:00.123Z'));
    expect(parseDate('0')).toBe(0);
  });

  it('reads a date-time without an offset as UTC, whatever the process time zone', () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC']) {
        process.env.TZ = tz;
        if (tz !== 'UTC') expect(new Date(Date.UTC(2030, 0, 1)).getTimezoneOffset(), tz).not.toBe(0); // the zone took effect
        expect(parseDate('2030-01-01T00:00:00'), tz).toBe(Date.UTC(2030, 0, 1));
        expect(parseDate('2030-01-01T12:30'), tz).toBe(Date.UTC(2030, 0, 1, 12, 30));
        expect(parseDate('2030-01-01T00:00:00.123456'), tz).toBe(Date.UTC(2030, 0, 1, 0, 0, 0, 123));
        expect(parseDate('2030-01-01'), tz).toBe(Date.UTC(2030, 0, 1));
        expect(parseDate('2030-01-01T00:00:00+01:00'), tz).toBe(Date.UTC(2029, 11, 31, 23));
        expect(parseDate('2030-01-01T00:00:00-0500'), tz).toBe(Date.UTC(2030, 0, 1, 5));
        expect(holds('DateLessThan', '2030-01-01T00:00:00', '2029-12-31T23:59:59Z'), tz).toBe(true);
        expect(holds('DateLessThan', '2030-01-01T00:00:00', '2030-01-01T00:00:00Z'), tz).toBe(false);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});
