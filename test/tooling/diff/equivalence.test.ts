import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogActions } from '../../../src/tooling/catalog.js';
import { diffPolicies, type DiffSide } from '../../../src/tooling/diff/index.js';
import { matchWildcard } from '../../../src/policy/index.js';

const APP = 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/project1';
const doc = (...Statement: object[]) => ({ Version: '2012-10-17', Statement });
const side = (...policies: object[]): DiffSide => ({ policies });
/** Both directions answer "no new access": the two sides allow exactly the same requests. */
function expectEquivalent(a: DiffSide, b: DiffSide): void {
  for (const [before, after] of [[a, b], [b, a]] as const) {
    const d = diffPolicies({ before, after });
    expect(d.added, JSON.stringify(d.added.slice(0, 3))).toEqual([]);
    expect(d.verdict).toBe('no-new-access');
  }
}
const catalogMatching = (pattern: string) => catalogActions.map((a) => a.action).filter((a) => matchWildcard(pattern.toLowerCase(), a.toLowerCase()));

const statement = fc.record({
  Effect: fc.constantFrom('Allow', 'Allow', 'Deny'),
  Action: fc.array(fc.constantFrom('mobiletargeting:GetApp', 'mobiletargeting:Get*', 'mobiletargeting:*Segment', 'mobiletargeting:DeleteApp', 'mobiletargeting:TagResource'), { minLength: 1, maxLength: 3 }),
  Resource: fc.array(fc.constantFrom(APP, `${APP}/*`, 'arn:aws:mobiletargeting:*:123456789012:apps/*', 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/p?oject1*', '*'), { minLength: 1, maxLength: 3 }),
  Condition: fc.option(fc.constantFrom(
    { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
    { StringEqualsIgnoreCase: { 'aws:PrincipalTag/team': ['Dev', 'ops'] } },
    { NumericLessThanEquals: { 'aws:MultiFactorAuthAge': '3600' } },
    { DateLessThan: { 'aws:CurrentTime': '2027-01-01T00:00:00Z' } },
    { BoolIfExists: { 'aws:SecureTransport': 'true' } },
  ), { nil: undefined }),
}).map((s) => Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined)) as { Effect: string; Action: string[]; Resource: string[]; Condition?: object });

describe('equivalent rewritings answer "no new access" (exit 0)', () => {
  it('reordered statements, each split per action and resource, spread across two files', () => {
    fc.assert(
      fc.property(fc.array(statement, { minLength: 1, maxLength: 4 }), fc.infiniteStream(fc.boolean()), (statements, coin) => {
        const split = statements.flatMap((s) => s.Action.flatMap((Action) => s.Resource.map((Resource) => ({ ...s, Action, Resource })))).reverse();
        const first = split.filter(() => coin.next().value as boolean);
        const rest = split.filter((s) => !first.includes(s));
        expectEquivalent(side(doc(...statements)), side(...[first, rest].filter((l) => l.length > 0).map((l) => doc(...l))));
      }),
      { numRuns: 8 },
    );
  }, 300_000);

  it('a wildcard action and its expansion into the catalog actions it matches', () => {
    const wildcard = doc({ Effect: 'Allow', Action: 'mobiletargeting:Get*', Resource: `${APP}*` });
    const expanded = doc({ Effect: 'Allow', Action: catalogMatching('mobiletargeting:Get*'), Resource: `${APP}*` });
    expectEquivalent(side(wildcard), side(expanded));
  }, 60_000);

  it('a NotAction and the complementary list of catalog actions (the other services\' actions only noted)', () => {
    const notAction = doc({ Effect: 'Allow', NotAction: 'mobiletargeting:Delete*', Resource: '*' });
    const list = doc({ Effect: 'Allow', Action: catalogActions.map((a) => a.action).filter((a) => !catalogMatching('mobiletargeting:Delete*').includes(a)), Resource: '*' });
    expectEquivalent(side(notAction), side(list));
    const d = diffPolicies({ before: side(list), after: side(notAction) });
    expect(d.notes).toContainEqual(expect.objectContaining({ kind: 'other-service', message: expect.stringContaining('identity[0] Statement[0] also allows every action not listed in NotAction') }));
  }, 60_000);

  it('a CIDR block and its two halves; a value list and one statement per value', () => {
    expectEquivalent(
      side(doc({ Effect: 'Allow', Action: 'mobiletargeting:GetApp', Resource: APP, Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' }, StringEquals: { 'aws:PrincipalTag/team': ['dev', 'ops'] } } })),
      side(doc(
        { Effect: 'Allow', Action: 'mobiletargeting:GetApp', Resource: APP, Condition: { IpAddress: { 'aws:SourceIp': ['10.0.0.0/9', '10.128.0.0/9'] }, StringEquals: { 'aws:PrincipalTag/team': 'dev' } } },
        { Effect: 'Allow', Action: 'mobiletargeting:GetApp', Resource: APP, Condition: { IpAddress: { 'aws:SourceIp': ['10.0.0.0/9', '10.128.0.0/9'] }, StringEquals: { 'aws:PrincipalTag/team': 'ops' } } },
      )),
    );
  }, 60_000);
});

describe('what diff reports', () => {
  it('a widened resource: the action, the new pattern, an example ARN and the statement', () => {
    const d = diffPolicies({
      before: side(doc({ Effect: 'Allow', Action: 'mobiletargeting:GetApp', Resource: APP })),
      after: side(doc({ Sid: 'AllApps', Effect: 'Allow', Action: 'mobiletargeting:GetApp', Resource: 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/*' })),
    });
    expect(d.verdict).toBe('new-access');
    expect(d.added).toEqual([expect.objectContaining({
      action: 'mobiletargeting:GetApp', resources: ['arn:aws:mobiletargeting:us-east-1:123456789012:apps/*'], statements: [expect.objectContaining({ sid: 'AllApps' })],
    })]);
    expect(d.added[0]?.example).not.toBe(APP);
    expect(d.added[0]?.condition).toBeUndefined();
    expect(d.removed).toEqual([]);
  }, 60_000);

  it('a relaxed condition: the condition under which the new access holds, with an example context', () => {
    const d = diffPolicies({
      before: side(doc({ Effect: 'Allow', Action: 'mobiletargeting:GetApp', Resource: APP, Condition: { NumericLessThan: { 'aws:MultiFactorAuthAge': '600' } } })),
      after: side(doc({ Effect: 'Allow', Action: 'mobiletargeting:GetApp', Resource: APP, Condition: { NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } } })),
    });
    expect(d.verdict).toBe('new-access');
    expect(d.added.map((c) => c.condition)).toEqual(['not (aws:MultiFactorAuthAge is less than 600) and aws:MultiFactorAuthAge is less than 3600']);
    expect(Number(d.added[0]?.exampleContext?.['aws:MultiFactorAuthAge'])).toBeGreaterThanOrEqual(600);
  }, 60_000);

  it('a deny removed from the boundary of the after side is new access; one added takes access away', () => {
    const admin = doc({ Effect: 'Allow', Action: 'mobiletargeting:*', Resource: '*' });
    const boundary = doc({ Effect: 'Allow', Action: 'mobiletargeting:Get*', Resource: '*' });
    const d = diffPolicies({ before: { policies: [admin], permissionsBoundary: boundary }, after: { policies: [admin] } });
    expect(d.verdict).toBe('new-access');
    expect(d.added.some((c) => c.action === 'mobiletargeting:DeleteApp')).toBe(true);
    expect(d.added.some((c) => c.action === 'mobiletargeting:GetApp')).toBe(false);
    const back = diffPolicies({ before: { policies: [admin] }, after: { policies: [admin], serviceControlPolicies: [[boundary]] } });
    expect(back.verdict).toBe('no-new-access');
    expect(back.removed.some((c) => c.action === 'mobiletargeting:DeleteApp')).toBe(true);
  }, 60_000);

  it('cannot tell (verdict unknown) where a policy variable names the resource, naming the statement and why', () => {
    const d = diffPolicies({
      before: side(doc({ Effect: 'Allow', Action: 'mobiletargeting:GetApp', Resource: APP })),
      after: side(doc({ Sid: 'Own', Effect: 'Allow', Action: 'mobiletargeting:GetApp', Resource: 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/${aws:username}' })),
    });
    expect(d.verdict).toBe('unknown');
    expect(d.notes).toContainEqual(expect.objectContaining({ kind: 'cannot-tell', actions: ['mobiletargeting:GetApp'], message: expect.stringMatching(/^after identity\[0\] "Own": its resource .* holds a policy variable \(\$\{aws:username\}\)/) }));
  }, 60_000);

  it('a pattern that names no Pinpoint resource grants nothing', () => {
    const d = diffPolicies({
      before: side(doc({ Effect: 'Allow', Action: 'mobiletargeting:GetApp', Resource: APP })),
      after: side(doc({ Effect: 'Allow', Action: 'mobiletargeting:GetApp', Resource: [APP, 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/project1/segments/*', 'arn:aws:s3:::bucket/*'] })),
    });
    expect(d.verdict).toBe('no-new-access');
  }, 60_000);
});

describe('resource patterns in the reading the engine gives each statement', () => {
  const allowAll = { Effect: 'Allow', Action: 'mobiletargeting:GetApp', Resource: '*' };
  // A Deny reads a short pattern's trailing * as spanning colons: it denies GetApp on every ARN of the Region.
  const denyRegion = { Effect: 'Deny', Action: 'mobiletargeting:GetApp', Resource: 'arn:aws:mobiletargeting:us-east-1:*' };

  it('dropping a Deny whose short pattern covers a Region grants GetApp there', () => {
    const d = diffPolicies({ before: side(doc(allowAll, denyRegion)), after: side(doc(allowAll)) });
    expect(d.verdict).toBe('new-access');
    expect(d.added.map((c) => c.action)).toEqual(['mobiletargeting:GetApp']);
  });

  it('an Allow with the same short pattern grants nothing (field by field five fields match no ARN)', () => {
    const d = diffPolicies({ before: side(doc({ Effect: 'Allow', Action: 'mobiletargeting:GetApp', Resource: APP })), after: side(doc({ ...allowAll, Resource: 'arn:aws:mobiletargeting:us-east-1:*' })) });
    expect(d.verdict).toBe('no-new-access');
  });
});
