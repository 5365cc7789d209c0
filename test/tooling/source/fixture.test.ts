import { beforeAll, describe, expect, it } from 'vitest';
import { compilePolicies, matchWildcard } from '../../../src/policy/index.js';
import { checkSourcePolicy, policyFromSource, type SourcePolicy, type SourcePolicyCheck } from '../../../src/tooling/source/index.js';
import { siteText } from '../../../src/tooling/source/types.js';
import { ARN, ENV, expectations, FIXTURE } from './expectations.js';

let result: SourcePolicy;
beforeAll(async () => {
  result = await policyFromSource({ project: FIXTURE, ...ENV });
}, 120_000);

const statementOf = (site: string) => result.statements.filter((s) => s.callSites.some((c) => siteText(c) === site));

describe('policyFromSource on the fixture backend', () => {
  it('places every marked call site in exactly one statement or in the unresolved list, and nothing else', () => {
    const placed = [...result.statements.flatMap((s) => s.callSites.map(siteText)), ...result.unresolved.map((u) => siteText(u.site))];
    expect(placed.sort()).toEqual(expectations().map((e) => e.site).sort());
    expect(expectations().length).toBeGreaterThan(20);
  });

  it('grants each resolved call its action on the resource its ids fix (or one covering it), wildcards where they are not fixed', () => {
    for (const e of expectations().filter((x) => x.action !== 'unresolved')) {
      const [statement, ...more] = statementOf(e.site);
      expect(more, e.site).toEqual([]);
      const doc = result.policy.Statement.find((s) => s.Sid === statement?.Sid);
      expect(doc?.Action, e.site).toContain(`mobiletargeting:${e.action}`);
      expect(doc?.Resource.some((r) => matchWildcard(r, `${ARN}${e.resource}`)), `${e.site}: ${doc?.Resource.join()}`).toBe(true);
    }
    // apps/app-main/segments/seg-welcome is covered by apps/app-main/segments/* (loadSegment's wildcard): not written.
    expect(result.policy.Statement.flatMap((s) => s.Resource)).not.toContain(`${ARN}apps/app-main/segments/seg-welcome`);
    for (const e of expectations().filter((x) => x.action === 'unresolved')) expect(statementOf(e.site), e.site).toEqual([]);
  });

  it('says why each id became a wildcard', () => {
    const why = (site: string) => result.wildcards.filter((w) => siteText(w.site) === site).map((w) => `${w.member}: ${w.reason}`);
    expect(why('src/segments.ts:9')).toEqual([expect.stringMatching(/^SegmentId: `segmentId` is a parameter of loadSegment \(segments\.ts:8\)/)]);
    expect(why('src/segments.ts:24')).toEqual([expect.stringMatching(/^SegmentId: template literal `seg-\$\{n\}` has a part that is not constant/)]);
    expect(why('src/subclass.ts:17')).toEqual([expect.stringMatching(/^JourneyId: `current` is a variable that can change/)]);
    expect(why('src/subclass.ts:11')).toEqual([
      expect.stringMatching(/^ApplicationId: ApplicationId comes from the input `input`/),
      expect.stringMatching(/^JourneyId: JourneyId comes from the input `input`/),
    ]);
    expect(why('src/segments.ts:5')).toEqual([]);
  });

  it('lists calls whose operation the types do not fix as unresolved, with the reason, never guessing', () => {
    const reasons = Object.fromEntries(result.unresolved.map((u) => [siteText(u.site), u.reason]));
    expect(reasons).toEqual({
      'src/dynamic.ts:5': expect.stringMatching(/deleteApp is called through a value of type any/),
      'src/dynamic.ts:7': expect.stringMatching(/computed method name `name`/),
      'src/dynamic.ts:10': expect.stringMatching(/ResourceArn is not known/),
      'src/dynamic.ts:14': expect.stringMatching(/one of deleteApp, getApp, chosen at run time/),
    });
    expect(result.policy.Statement.flatMap((s) => s.Action)).not.toContain('mobiletargeting:DeleteApp');
  });

  it('passes the self-check: every found call allowed, and anything else only through a wildcard it reports', () => {
    expect(result.check.allowsEveryCall).toBe(true);
    expect(result.check.deniedCalls).toEqual([]);
    const set = compilePolicies({ policies: [result.policy] });
    for (const c of result.calls) expect(set.evaluate(c.action, c.resource).decision, `${siteText(c.site)}`).toBe('Allow');
    for (const extra of result.check.extraGrants) {
      const granting = result.policy.Statement.filter((s) => s.Action.includes(extra.action) && s.Resource.some((r) => matchWildcard(r, extra.resource)));
      expect(granting.length, `${extra.action} on ${extra.resource}`).toBeGreaterThan(0);
      for (const s of granting) expect(s.Resource.some((r) => r.includes('*')), `${s.Sid} grants ${extra.action} on ${extra.resource}`).toBe(true);
    }
    expect(result.check.notes).toContain('SegmentId not given: apps/app-main/segments/* allows every segment of app-main');
  });
});

describe('checkSourcePolicy on the fixture backend', () => {
  let check: SourcePolicyCheck;
  beforeAll(async () => {
    // The generated policy without the statement DeleteSegment needs, plus a grant no call uses.
    const withoutDelete = result.policy.Statement.filter((s) => !s.Action.includes('mobiletargeting:DeleteSegment'));
    const policy = { ...result.policy, Statement: [...withoutDelete, { Sid: 'Unused', Effect: 'Allow', Action: 'mobiletargeting:DeleteApp', Resource: `${ARN}apps/app-main` }] };
    check = await checkSourcePolicy({ project: FIXTURE, ...ENV, policy });
  }, 120_000);

  it('reports the calls the policy would deny, with their call sites', () => {
    expect(check.allowsEveryCall).toBe(false);
    expect(check.denied).toEqual([{ action: 'mobiletargeting:DeleteSegment', resource: `${ARN}apps/app-main/segments/seg-old`, reason: expect.any(String), sites: [expect.objectContaining({ file: 'src/segments.ts', line: 13 })] }]);
  });

  it('reports the grants no call uses, and no other', () => {
    expect(check.unusedGrants).toEqual([{ statement: '"Unused"', action: 'mobiletargeting:DeleteApp', resource: `${ARN}apps/app-main` }]);
  });

  it('carries the unresolved calls: they cannot be checked', () => {
    expect(check.unresolved.map((u) => siteText(u.site))).toEqual(['src/dynamic.ts:5', 'src/dynamic.ts:7', 'src/dynamic.ts:10', 'src/dynamic.ts:14']);
  });
});
