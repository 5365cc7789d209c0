/**
 * Three-valued evaluation (issue 12, item 1), checked as properties over random policy sets:
 * - soundness: a decision made with some keys unknown is never contradicted once those keys get
 *   values (or turn out absent) — an Allow stays Allow, an ExplicitDeny stays ExplicitDeny, and an
 *   ImplicitDeny stays a deny (explicit when a Deny over the unknown keys then applies);
 * - no unknown keys, no change: an empty unknown set, or unknown keys that are all supplied,
 *   decide exactly as evaluation without the option.
 * Plus the API: names are case-insensitive, `prefix/*` entries, the matcher kept per array.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePolicies, evaluate, type Decision, type RequestContext } from '../../src/policy/index.js';

const ACCT = '123456789012';
const SEG = `arn:aws:mobiletargeting:us-east-1:${ACCT}:apps/abc/segments/s1`;

/**
 * The keys the generated policies read; any of them may be made unknown. Every operator family has its own key
 * (String, IP, Null and set operators, and Numeric, Date, Bool, ARN and Binary too): a family that treated an unknown
 * key as absent would answer for values it cannot see, and the soundness property would catch it.
 */
const KEYS = [
  'aws:SourceIp', 'aws:ResourceTag/team', 'aws:PrincipalTag/team', 'aws:TagKeys', 'aws:SourceVpc',
  'aws:MultiFactorAuthAge', 'aws:TokenIssueTime', 'aws:MultiFactorAuthPresent', 'aws:SourceArn', 'custom:blob',
] as const;
type Key = (typeof KEYS)[number];

const FINANCE = 'arn:aws:someservice:us-east-1:111122223333:finance/x';
/** An ARN that matches `…:*:111122223333:finance/*` only if the Region's * spans colons. */
const SPANNING = 'arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/x';

const VALUES: Readonly<Record<Key, fc.Arbitrary<string | string[]>>> = {
  'aws:SourceIp': fc.constantFrom('10.1.2.3', '203.0.113.5', 'not-an-ip', ''),
  'aws:ResourceTag/team': fc.constantFrom('ops', 'dev', ''),
  'aws:PrincipalTag/team': fc.constantFrom('ops', 'dev', ''),
  'aws:TagKeys': fc.subarray(['team', 'env', '']),
  'aws:SourceVpc': fc.constantFrom('vpc-1', 'vpc-2'),
  'aws:MultiFactorAuthAge': fc.constantFrom('30', '3600', '86400', 'soon', ''),
  'aws:TokenIssueTime': fc.constantFrom('2026-01-01T00:00:00Z', '2027-06-01T00:00:00Z', '1767225600', 'yesterday'),
  'aws:MultiFactorAuthPresent': fc.constantFrom('true', 'false', 'TRUE', 'yes'),
  'aws:SourceArn': fc.constantFrom(FINANCE, SPANNING, 'arn:aws:someservice:us-east-1:999999999999:store/x', 'not-an-arn'),
  'custom:blob': fc.constantFrom('QUJD', 'REVG', ''),
};

const conditions: readonly (Record<string, Record<string, string | string[]>> | undefined)[] = [
  undefined,
  { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
  { NotIpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '192.168.0.0/16'] } },
  { StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } },
  { StringNotEquals: { 'aws:PrincipalTag/team': '${aws:ResourceTag/team}' } },
  { StringEqualsIfExists: { 'aws:SourceVpc': 'vpc-1' } },
  { StringNotLikeIfExists: { 'aws:ResourceTag/team': 'o*' } },
  { Null: { 'aws:ResourceTag/team': 'true' } },
  { Null: { 'aws:SourceVpc': 'false' } },
  { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'env'] } },
  { 'ForAnyValue:StringNotEquals': { 'aws:TagKeys': 'team' } },
  { 'ForAnyValue:StringEquals': { 'aws:TagKeys': 'env' }, StringEquals: { 'aws:PrincipalTag/team': 'ops' } },
  { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' }, StringEquals: { 'aws:ResourceTag/team': ['ops', 'dev'] } },
  { NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } },
  { NumericGreaterThanIfExists: { 'aws:MultiFactorAuthAge': '3600' } },
  { NumericNotEquals: { 'aws:MultiFactorAuthAge': ['30', '86400'] } },
  { 'ForAnyValue:NumericLessThanEquals': { 'aws:MultiFactorAuthAge': '30' } },
  { NumericLessThan: { 'aws:MultiFactorAuthAge': '${aws:PrincipalTag/team}' } },
  { DateGreaterThan: { 'aws:TokenIssueTime': '2026-06-01T00:00:00Z' } },
  { DateLessThanEquals: { 'aws:TokenIssueTime': '2026-01-01T00:00:00Z' } },
  { DateNotEqualsIfExists: { 'aws:TokenIssueTime': '2026-01-01T00:00:00Z' } },
  { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
  { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
  { Bool: { 'aws:MultiFactorAuthPresent': '${aws:PrincipalTag/team}' } },
  { ArnLike: { 'aws:SourceArn': 'arn:aws:someservice:*:111122223333:finance/*' } },
  { ArnNotLike: { 'aws:SourceArn': 'arn:aws:someservice:*:111122223333:finance/*' } },
  { ArnEquals: { 'aws:SourceArn': ['arn:aws:someservice:us-east-1:*:store/*', '${aws:PrincipalTag/team}'] } },
  { 'ForAllValues:ArnNotEquals': { 'aws:SourceArn': FINANCE } },
  { BinaryEquals: { 'custom:blob': 'QUJD' } },
  { BinaryEqualsIfExists: { 'custom:blob': 'REVG' } },
  { Null: { 'aws:MultiFactorAuthAge': 'true' }, Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
];
const resources = ['*', `arn:aws:mobiletargeting:us-east-1:${ACCT}:apps/abc/*`, `arn:aws:mobiletargeting:*:${ACCT}:apps/\${aws:PrincipalTag/team}/*`, `arn:aws:mobiletargeting:us-east-1:${ACCT}:apps/\${aws:ResourceTag/team}/*`];

const statement = fc
  .record({
    Effect: fc.constantFrom('Allow', 'Allow', 'Deny'),
    Action: fc.constantFrom('mobiletargeting:GetSegment', 'mobiletargeting:*', '*'),
    not: fc.boolean(),
    Resource: fc.constantFrom(...resources),
    cond: fc.constantFrom(...conditions),
  })
  .map(({ Effect, Action, not, Resource, cond }) => ({
    Effect,
    Action,
    [not ? 'NotResource' : 'Resource']: Resource,
    ...(cond === undefined ? {} : { Condition: cond }),
  }));
const policy = fc.array(statement, { minLength: 1, maxLength: 5 }).map((Statement) => ({ Version: '2012-10-17', Statement }));
const set = fc.record({
  policies: fc.array(policy, { minLength: 1, maxLength: 2 }),
  permissionsBoundary: fc.option(policy, { nil: undefined }),
});
/** A full assignment: each key has a value or is absent. */
const assignment = fc.record(VALUES, { requiredKeys: [] }) as fc.Arbitrary<RequestContext>;
const unknownSet = fc.subarray([...KEYS], { minLength: 1 });

function without(context: RequestContext, keys: readonly string[]): RequestContext {
  return Object.fromEntries(Object.entries(context).filter(([k]) => !keys.includes(k)));
}

/** Whether a certain decision made with unknown keys agrees with the decision once their values are filled in. */
function agrees(partial: Decision, full: Decision): boolean {
  if (partial.decision === 'Conditional') return true;
  if (partial.decision === 'ImplicitDeny') return full.decision === 'ImplicitDeny' || full.decision === 'ExplicitDeny';
  return full.decision === partial.decision;
}

describe('evaluation with unknown keys', () => {
  it('is sound: every certain decision holds for every value of the unknown keys', () => {
    let conditional = 0;
    let certain = 0;
    fc.assert(
      fc.property(set, assignment, unknownSet, fc.array(assignment, { minLength: 1, maxLength: 4 }), (s, known, unknown, fills) => {
        const context = without(known, unknown);
        const partial = evaluate({ ...s, action: 'mobiletargeting:GetSegment', resource: SEG, context, unknownKeys: unknown });
        if (partial.decision === 'Conditional') {
          conditional++;
          expect(partial.dependsOn.length).toBeGreaterThan(0);
          for (const k of partial.dependsOn) expect(unknown.map((u) => u.toLowerCase())).toContain(k.toLowerCase());
          expect(partial.requirements.length).toBeGreaterThan(0);
          expect(partial.reason).toMatch(/^whether /);
        } else {
          certain++;
          expect(partial.dependsOn).toEqual([]);
          expect(partial.requirements).toEqual([]);
        }
        // The unknown keys take the generated values, or stay absent when the fill has none.
        for (const fill of fills) {
          const filled = { ...context, ...Object.fromEntries(Object.entries(fill).filter(([k]) => unknown.includes(k as Key))) };
          const full = evaluate({ ...s, action: 'mobiletargeting:GetSegment', resource: SEG, context: filled });
          expect(agrees(partial, full), `${partial.decision} with ${JSON.stringify(unknown)} unknown, ${full.decision} with ${JSON.stringify(filled)}: ${partial.reason}`).toBe(true);
        }
      }),
      { numRuns: 700 },
    );
    // Both kinds must have been exercised for the property to mean anything.
    expect(conditional).toBeGreaterThan(100);
    expect(certain).toBeGreaterThan(100);
  });

  it('with no unknown keys decides exactly as without the option, compiled or not', () => {
    fc.assert(
      fc.property(set, assignment, (s, context) => {
        const plain = evaluate({ ...s, action: 'mobiletargeting:GetSegment', resource: SEG, context });
        expect(evaluate({ ...s, action: 'mobiletargeting:GetSegment', resource: SEG, context, unknownKeys: [] })).toEqual(plain);
        // Listing keys the context supplies changes nothing: a supplied key is known.
        const supplied = Object.keys(context);
        expect(evaluate({ ...s, action: 'mobiletargeting:GetSegment', resource: SEG, context, unknownKeys: supplied })).toEqual(plain);
        const compiled = compilePolicies(s);
        expect(compiled.evaluate('mobiletargeting:GetSegment', SEG, context, { unknownKeys: supplied })).toEqual(plain);
        expect(compiled.evaluate('mobiletargeting:GetSegment', SEG, context)).toEqual(plain);
      }),
      { numRuns: 400 },
    );
  });

  it('keeps cached decisions apart per unknown set', () => {
    const p = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } }] };
    const compiled = compilePolicies({ policies: [p] });
    const unknown = Object.freeze(['aws:sourceip']);
    expect(compiled.evaluate('mobiletargeting:GetSegment', SEG, {}, { unknownKeys: unknown }).decision).toBe('Conditional');
    expect(compiled.evaluate('mobiletargeting:GetSegment', SEG, {}).decision).toBe('ImplicitDeny');
    expect(compiled.evaluate('mobiletargeting:GetSegment', SEG, {}, { unknownKeys: ['AWS:SOURCEIP'] }).decision).toBe('Conditional');
    expect(compiled.evaluate('mobiletargeting:GetSegment', SEG, { 'aws:SourceIp': '10.0.0.1' }, { unknownKeys: unknown }).decision).toBe('Allow');
    expect(compiled.evaluate('mobiletargeting:GetSegment', SEG, {}, { unknownKeys: ['aws:Source*'] }).decision).toBe('ImplicitDeny');
    expect(compiled.evaluate('mobiletargeting:GetSegment', SEG, {}, { unknownKeys: ['aws:*'] }).decision).toBe('ImplicitDeny');
    expect(compiled.evaluate('mobiletargeting:GetSegment', SEG, {}, { unknownKeys: ['aws:SourceIp/*'] }).decision).toBe('ImplicitDeny');
  });

  it('a Conditional decision names the requirement of each deciding statement, Allow and Deny', () => {
    const p = {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Tagged', Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/team': ['ops', 'dev'] } } },
        { Sid: 'Corp', Effect: 'Deny', Action: '*', Resource: '*', Condition: { NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' }, BoolIfExists: { 'aws:ViaAWSService': 'false' } } },
      ],
    };
    const d = evaluate({ policies: [p], action: 'mobiletargeting:GetSegment', resource: SEG, unknownKeys: ['aws:ResourceTag/*', 'aws:SourceIp'] });
    expect(d.decision).toBe('Conditional');
    expect(d.dependsOn).toEqual(['aws:ResourceTag/team', 'aws:SourceIp']);
    expect(d.requirements.map((r) => [r.statement.sid, r.effect, r.operator, r.text])).toEqual([
      ['Tagged', 'Allow', 'StringEquals', 'aws:ResourceTag/team equals one of ops, dev'],
      ['Corp', 'Deny', 'NotIpAddress', 'aws:SourceIp is not in 10.0.0.0/8'],
    ]);
    expect(d.reason).toBe(
      'whether mobiletargeting:GetSegment on ' + SEG + ' is allowed depends on aws:ResourceTag/team, aws:SourceIp, whose values are not known here: ' +
        'identity[0] "Tagged" allows it if aws:ResourceTag/team equals one of ops, dev; ' +
        'identity[0] "Corp" denies it if aws:SourceIp is not in 10.0.0.0/8',
    );
    const cached = compilePolicies({ policies: [p] });
    const unknownKeys = ['aws:SourceIp', 'aws:ResourceTag/*'];
    cached.evaluate('mobiletargeting:GetSegment', SEG, {}, { unknownKeys }); // kept from the second request on
    expect(Object.isFrozen(cached.evaluate('mobiletargeting:GetSegment', SEG, {}, { unknownKeys }))).toBe(true);
  });
});
