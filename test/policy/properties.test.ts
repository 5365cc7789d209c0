import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePolicies, evaluate, matchWildcard, parsePolicy, PolicyParseError, type RequestContext } from '../../src/policy/index.js';
import { contextView, unknownMatcherFor } from '../../src/policy/context.js';
import { decide, decideInGeneral } from '../../src/policy/decide.js';
import { buildTiers } from '../../src/policy/set.js';
import { holdsAt } from '../../src/policy/wildcard.js';

const ACCT = '123456789012';
const actions = ['mobiletargeting:GetSegment', 'mobiletargeting:Get*', 'mobiletargeting:*Segment', '*', 'mobiletargeting:DeleteApp', 's3:*', 'MOBILETARGETING:getsegment'];
const resources = [
  '*',
  `arn:aws:mobiletargeting:us-east-1:${ACCT}:apps/abc/*`,
  `arn:aws:mobiletargeting:*:${ACCT}:apps/*`,
  `arn:aws:mobiletargeting:us-east-1:${ACCT}:apps/\${aws:username}/*`,
  `arn:aws:mobiletargeting:us-east-1:${ACCT}:apps/xyz`,
];
const conditions: readonly (Record<string, Record<string, string | string[]>> | undefined)[] = [
  undefined,
  { StringEquals: { 'aws:PrincipalTag/team': 'ops' } },
  { StringNotEquals: { 'aws:PrincipalTag/team': ['dev', 'ops'] } },
  { 'ForAllValues:StringLike': { 'aws:TagKeys': ['team', 'env*'] } },
  { 'ForAnyValue:StringEquals': { 'aws:TagKeys': 'team' } },
  { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'true' } },
  { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
  { Null: { 'aws:PrincipalTag/team': 'true' } },
];

const statement = (effect?: 'Allow' | 'Deny') =>
  fc.record({
    Effect: effect === undefined ? fc.constantFrom('Allow', 'Deny') : fc.constant(effect),
    act: fc.constantFrom(...actions),
    not: fc.boolean(),
    Resource: fc.constantFrom(...resources),
    cond: fc.constantFrom(...conditions),
  }).map(({ Effect, act, not, Resource, cond }) => ({
    Effect,
    [not ? 'NotAction' : 'Action']: act,
    Resource,
    ...(cond === undefined ? {} : { Condition: cond }),
  }));

const policy = fc.array(statement(), { minLength: 1, maxLength: 6 }).map((Statement) => ({ Version: '2012-10-17', Statement }));

const request = fc.record({
  action: fc.constantFrom('mobiletargeting:GetSegment', 'mobiletargeting:DeleteApp', 'mobiletargeting:UpdateSegment', 's3:GetObject'),
  resource: fc.constantFrom(`arn:aws:mobiletargeting:us-east-1:${ACCT}:apps/abc/segments/s1`, `arn:aws:mobiletargeting:us-east-1:${ACCT}:apps/xyz`, '*'),
  context: fc.record(
    {
      'aws:username': fc.constantFrom('abc', 'xyz'),
      'aws:PrincipalTag/team': fc.constantFrom('ops', 'dev'),
      'aws:TagKeys': fc.subarray(['team', 'env', 'cost']),
      'aws:MultiFactorAuthPresent': fc.constantFrom('true', 'false'),
      'aws:SourceIp': fc.constantFrom('203.0.113.5', '198.51.100.1'),
    },
    { requiredKeys: [] },
  ) as fc.Arbitrary<RequestContext>,
});

const set = fc.record({
  policies: fc.array(policy, { minLength: 0, maxLength: 3 }),
  permissionsBoundary: fc.option(policy, { nil: undefined }),
  sessionPolicy: fc.option(policy, { nil: undefined }),
});

describe('policy properties', () => {
  it('adding a Deny statement never turns a decision into Allow', () => {
    fc.assert(
      fc.property(set, request, statement('Deny'), fc.nat(), (s, req, deny, at) => {
        const before = evaluate({ ...s, ...req });
        const policies = s.policies.length === 0 ? [{ Version: '2012-10-17', Statement: [deny] }] : s.policies.map((p, i) => (i === at % s.policies.length ? { ...p, Statement: [...p.Statement, deny] } : p));
        const after = evaluate({ ...s, policies, ...req });
        if (after.decision === 'Allow') expect(before.decision).toBe('Allow');
        if (before.decision === 'ExplicitDeny') expect(after.decision).toBe('ExplicitDeny');
      }),
      { numRuns: 400 },
    );
  });

  it('removing an Allow statement never adds an Allow', () => {
    fc.assert(
      fc.property(set, request, fc.nat(), (s, req, at) => {
        const flat = s.policies.flatMap((p, pi) => p.Statement.map((st, si) => [pi, si, st] as const)).filter(([, , st]) => st.Effect === 'Allow');
        fc.pre(flat.length > 0);
        const [pi, si] = flat[at % flat.length] as (typeof flat)[number];
        const policies = s.policies
          .map((p, i) => (i === pi ? { ...p, Statement: p.Statement.filter((_, j) => j !== si) } : p))
          .filter((p) => p.Statement.length > 0);
        const before = evaluate({ ...s, ...req });
        const after = evaluate({ ...s, policies, ...req });
        if (after.decision === 'Allow') expect(before.decision).toBe('Allow');
      }),
      { numRuns: 400 },
    );
  });

  it('compiled evaluation (cached or not) agrees with evaluate', () => {
    fc.assert(
      fc.property(set, fc.array(request, { minLength: 1, maxLength: 5 }), (s, reqs) => {
        const cached = compilePolicies(s);
        const uncached = compilePolicies(s, { decisionCacheSize: 0 });
        // Three rounds: a resource is cached on its second request and served from the cache on the third.
        for (const r of [...reqs, ...reqs, ...reqs]) {
          const want = evaluate({ ...s, ...r });
          expect(cached.evaluate(r.action, r.resource, r.context)).toEqual(want);
          expect(uncached.evaluate(r.action, r.resource, r.context)).toEqual(want);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("decide's fast path for a plain Allow agrees with the general path, with and without unknown keys", () => {
    const unknowns = fc.constantFrom(undefined, ['aws:SourceIp'], ['aws:PrincipalTag/*', 'aws:username']);
    // Identity policies alone, Allow-heavy, most of the time: the fast path's case; the general sets the rest.
    const allowHeavy = fc.array(fc.oneof(statement('Allow'), statement('Allow'), statement()), { minLength: 1, maxLength: 6 }).map((Statement) => ({ Version: '2012-10-17', Statement }));
    const sets = fc.oneof({ arbitrary: fc.record({ policies: fc.array(allowHeavy, { minLength: 1, maxLength: 3 }) }), weight: 3 }, { arbitrary: set, weight: 1 });
    let fast = 0;
    fc.assert(
      fc.property(sets, request, unknowns, (s, r, unknownKeys) => {
        const tiers = buildTiers(s);
        const view = () => contextView(r.context, unknownMatcherFor(unknownKeys));
        const general = decideInGeneral(tiers, r.action, r.resource, view());
        const decided = decide(tiers, r.action, r.resource, view());
        expect({ ...decided, reason: decided.reason, nearMisses: decided.nearMisses }).toEqual({ ...general, reason: general.reason, nearMisses: general.nearMisses });
        if (tiers.length === 1 && decided.decision === 'Allow') fast++;
      }),
      { numRuns: 2000 },
    );
    // The property is only worth something if the fast path ran: single-tier Allows must be among the draws.
    expect(fast).toBeGreaterThan(50);
  });

  it('holdsAt answers as startsWith does', () => {
    const text = fc.array(fc.constantFrom('a', 'b', ':', 'é'), { maxLength: 8 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, text, fc.integer({ min: 0, max: 10 }), (value, t, pos) => {
        expect(holdsAt(value, t, pos)).toBe(value.startsWith(t, pos));
      }),
      { numRuns: 5000 },
    );
  });

  it('the wildcard matcher agrees with a reference matcher', () => {
    // Textbook dynamic programming over (pattern position, value position): obviously right, slow.
    const reference = (p: string, v: string): boolean => {
      let row = Array.from({ length: v.length + 1 }, (_, j) => j === 0);
      for (const c of p) {
        const next = new Array<boolean>(v.length + 1).fill(false);
        next[0] = c === '*' && (row[0] as boolean);
        for (let j = 1; j <= v.length; j++) {
          next[j] = c === '*' ? (row[j] as boolean) || (next[j - 1] as boolean) : (row[j - 1] as boolean) && (c === '?' || c === v[j - 1]);
        }
        row = next;
      }
      return row[v.length] as boolean;
    };
    const alphabet = fc.constantFrom('a', 'b', '/', ':');
    const pattern = fc.array(fc.oneof(alphabet, fc.constantFrom('*', '?')), { maxLength: 12 }).map((a) => a.join(''));
    const value = fc.array(alphabet, { maxLength: 16 }).map((a) => a.join(''));
    fc.assert(
      fc.property(pattern, value, (p, v) => {
        expect(matchWildcard(p, v)).toBe(reference(p, v));
      }),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 10 }), fc.string({ maxLength: 14 }), (p, v) => {
        expect(matchWildcard(p, v)).toBe(reference(p, v));
      }),
      { numRuns: 2000 },
    );
  });

  it('parsing never throws anything but PolicyParseError on random JSON', () => {
    const check = (doc: unknown) => {
      try {
        parsePolicy(doc);
      } catch (e) {
        expect(e).toBeInstanceOf(PolicyParseError);
      }
    };
    fc.assert(fc.property(fc.jsonValue(), (v) => check(v)), { numRuns: 1000 });
    fc.assert(fc.property(fc.json(), (t) => check(t)), { numRuns: 500 });
    fc.assert(fc.property(fc.string(), (t) => check(t)), { numRuns: 500 });
    // Documents that look almost right exercise the deeper validation paths.
    const small = fc.jsonValue({ maxDepth: 1 });
    const nearly = fc.record(
      {
        Version: fc.oneof(fc.constantFrom('2012-10-17', '2008-10-17'), small),
        Statement: fc.oneof(
          fc.array(
            fc.dictionary(
              fc.constantFrom('Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition', 'Principal', 'Other'),
              fc.oneof(small, fc.constantFrom('Allow', '*', 'a:b', 'arn:aws:s3:::b/*'), fc.dictionary(fc.constantFrom('StringEquals', 'ForAnyValue:IpAddress', 'Null', 'Bogus', 'DateLessThanIfExists'), fc.dictionary(fc.string(), small, { maxKeys: 3 }))),
            ),
          ),
          small,
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(fc.property(nearly, (d) => check(d)), { numRuns: 1000 });
  });
});
