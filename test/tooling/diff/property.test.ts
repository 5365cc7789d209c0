import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffPolicies, type DiffSide } from '../../../src/tooling/diff/index.js';
import { addedRequests, covers, isReal } from './brute-force.js';

const ACCOUNT = '123456789012';

const actionPattern = fc.constantFrom(
  'mobiletargeting:GetApp', 'mobiletargeting:GetSegment', 'mobiletargeting:Get*', 'mobiletargeting:*', 'mobiletargeting:DeleteSegment',
  'mobiletargeting:CreateCampaign', 'mobiletargeting:TagResource', 'mobiletargeting:Get?pp', 'mobiletargeting:GetEmailTemplate',
  'mobiletargeting:PhoneNumberValidate', 'mobiletargeting:*Segment*', 'mobiletargeting:GetApps',
);

const resourcePattern = fc.oneof(
  fc.constant('*'),
  fc.tuple(
    fc.constantFrom('arn:aws:mobiletargeting:*', 'arn:aws:mobiletargeting:us-east-1', 'arn:*:mobiletargeting:eu-*', 'arn:aws:mobiletargeting:?s-east-1'),
    fc.constantFrom(`:${ACCOUNT}:`, ':*:', ':000000000000:'),
    fc.constantFrom('apps/', 'apps/app1', 'apps/app*', 'apps/a?p1', 'templates/', 'apps/*/segments/', '', 'phone/number/validate', 'apps/x*y'),
    fc.constantFrom('', '*', '/*', '/segments/*', '/segments/seg1', '/campaigns/*', '*/EMAIL', 'seg?'),
  ).map(([a, b, c, d]) => a + b + c + d),
);

/** Conditions from the families diff compares: IP, string (with IgnoreCase and Like), numeric, date, Bool, Null, set operators, IfExists. */
const condition = fc.constantFrom<Record<string, Record<string, string | string[]>>>(
  { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
  { NotIpAddress: { 'aws:SourceIp': ['10.1.0.0/16', '192.168.0.0/24'] } },
  { StringEquals: { 'aws:PrincipalTag/team': ['dev', 'ops'] } },
  { StringEqualsIgnoreCase: { 'aws:PrincipalTag/team': 'dev' } },
  { StringLike: { 'aws:PrincipalTag/team': 'd*' } },
  { StringNotEqualsIfExists: { 'aws:PrincipalTag/team': 'ops' } },
  { NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } },
  { DateGreaterThan: { 'aws:CurrentTime': '2026-01-01T00:00:00Z' } },
  { Bool: { 'aws:SecureTransport': 'true' } },
  { Null: { 'aws:PrincipalTag/team': 'true' } },
  { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['a', 'b'] } },
  { 'ForAllValues:StringLike': { 'aws:TagKeys': ['a*'] } },
);

const statement = fc.record({
  effect: fc.constantFrom('Allow', 'Allow', 'Allow', 'Deny'),
  notAction: fc.boolean(),
  actions: fc.array(actionPattern, { minLength: 1, maxLength: 3 }),
  notResource: fc.constantFrom(false, false, false, true),
  resources: fc.array(resourcePattern, { minLength: 1, maxLength: 3 }),
  conditions: fc.array(condition, { maxLength: 2 }),
}).map((s) => ({
  Effect: s.effect,
  [s.notAction && s.effect === 'Deny' ? 'NotAction' : 'Action']: s.actions,
  [s.notResource ? 'NotResource' : 'Resource']: s.resources,
  ...(s.conditions.length > 0 ? { Condition: Object.assign({}, ...s.conditions) as object } : {}),
}));

const policy = fc.array(statement, { minLength: 1, maxLength: 4 }).map((Statement) => ({ Version: '2012-10-17', Statement }));
const side = fc.array(policy, { minLength: 1, maxLength: 2 }).map((policies): DiffSide => ({ policies }));
/** A random id joins the fixed ones, so ARNs are not only the ids the patterns name. */
const ids = fc.string({ minLength: 1, maxLength: 4 }).filter((s) => !s.includes('/')).map((extra) => ['app1', 'seg1', 'x*y', extra]);

/** Request contexts drawn at random beside the fixed ones: any key may be absent. */
const context = fc.record({
  'aws:SourceIp': fc.oneof(fc.ipV4(), fc.constantFrom('10.255.255.255', '11.0.0.0', '::ffff:10.1.2.3', '2001:db8::1')),
  'aws:PrincipalTag/team': fc.oneof(fc.constantFrom('dev', 'Dev', 'ops', 'd', ''), fc.string({ maxLength: 3 })),
  'aws:MultiFactorAuthAge': fc.integer({ min: 0, max: 7200 }).map(String),
  'aws:CurrentTime': fc.date({ min: new Date('2025-06-01T00:00:00Z'), max: new Date('2026-06-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
  'aws:SecureTransport': fc.constantFrom('true', 'false', 'TRUE'),
  'aws:TagKeys': fc.subarray(['a', 'b', 'c', 'ab']),
}, { requiredKeys: [] });

describe('diffPolicies against brute force', () => {
  it('reports every request the brute force finds added, and every change it reports is real', () => {
    fc.assert(
      fc.property(side, side, ids, fc.array(context, { maxLength: 6 }), (before, after, idList, contexts) => {
        const d = diffPolicies({ before, after });
        for (const c of d.added) expect(isReal(before, after, c), `reported ${JSON.stringify(c)}`).toBe(true);
        for (const c of d.removed) expect(isReal(after, before, c), `reported removed ${JSON.stringify(c)}`).toBe(true);
        if (d.verdict === 'unknown') return;
        for (const r of addedRequests(before, after, idList, contexts)) {
          expect(d.added.some((c) => covers(c, r)), `brute force found ${JSON.stringify(r)}; diff reported ${JSON.stringify(d.added)}`).toBe(true);
        }
        if (d.added.length === 0) expect(d.verdict).toBe('no-new-access');
      }),
      { numRuns: 25 },
    );
  }, 600_000);
});
