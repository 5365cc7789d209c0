import { describe, expect, it, vi } from 'vitest';
import { compilePolicies, evaluate, type Decision, type RequestContext } from '../../src/policy/index.js';

// Lets one test make explaining a failed condition throw, as an internal error would.
const fault = vi.hoisted(() => ({ explain: false }));
vi.mock('../../src/policy/conditions/index.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/policy/conditions/index.js')>();
  return {
    ...original,
    explainCondition: (...args: Parameters<typeof original.explainCondition>) => {
      if (fault.explain) throw new Error('explain failed');
      return original.explainCondition(...args);
    },
  };
});

const APP = 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/abc';
const SEG = `${APP}/segments/s1`;
const policy = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'Read', Effect: 'Allow', Action: 'mobiletargeting:Get*', Resource: `${APP}/*` },
    { Sid: 'Write', Effect: 'Allow', Action: 'mobiletargeting:Update*', Resource: `${APP}/*`, Condition: { StringEquals: { 'aws:PrincipalTag/team': 'ops' } } },
  ],
};
const dev: RequestContext = { 'aws:PrincipalTag/team': 'dev' };

/** The decision as plain data, read property by property. */
const plain = (d: Decision) => ({
  decision: d.decision,
  reason: d.reason,
  matchedStatements: d.matchedStatements,
  nearMisses: d.nearMisses,
  missingContextKeys: d.missingContextKeys,
  dependsOn: d.dependsOn,
  requirements: d.requirements,
});

describe('the explanation of an implicit deny', () => {
  it('is written once: reading it again returns the same string and near misses', () => {
    const d = compilePolicies({ policies: [policy] }, { decisionCacheSize: 0 }).evaluate('mobiletargeting:UpdateSegment', SEG, dev);
    expect(d.decision).toBe('ImplicitDeny');
    const reason = d.reason;
    expect(reason).toContain('nearest: identity[0] "Write" matched the action and resource but');
    expect(d.reason).toBe(reason);
    const near = d.nearMisses;
    expect(near).toHaveLength(1);
    expect(d.nearMisses).toBe(near);
  });

  it('is part of the decision as data: JSON, spreading and deep equality see reason and near misses', () => {
    const c = compilePolicies({ policies: [policy] }, { decisionCacheSize: 0 });
    const unread = c.evaluate('mobiletargeting:UpdateSegment', SEG, dev);
    const json = JSON.parse(JSON.stringify(unread)) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['decision', 'reason', 'matchedStatements', 'nearMisses', 'missingContextKeys', 'dependsOn', 'requirements']);
    expect(typeof json.reason).toBe('string');
    expect(json.reason).toContain('no statement allows mobiletargeting:UpdateSegment');
    expect(json.nearMisses).toEqual([{ policy: 'identity[0]', index: 1, sid: 'Write', effect: 'Allow', failed: 'condition', detail: expect.any(String) }]);
    const read = c.evaluate('mobiletargeting:UpdateSegment', SEG, dev);
    expect(json).toEqual(plain(read));
    expect(read).toEqual(plain(read));
    expect({ ...read }).toEqual(plain(read));
    expect(Object.keys(read)).toEqual(Object.keys(json));
  });

  it('reads the context as it was when the decision was made', () => {
    // Nothing matches the action, so deciding reads no context; the near-miss search does.
    const ops = { StringEquals: { 'aws:PrincipalTag/team': 'ops' } };
    const p = { Version: '2012-10-17', Statement: [{ Sid: 'Ops', Effect: 'Allow', Action: 'mobiletargeting:GetApp', Resource: '*', Condition: ops }] };
    const context: Record<string, string | string[]> = { 'aws:PrincipalTag/team': 'ops' };
    const expected = JSON.stringify(evaluate({ policies: [p], action: 'mobiletargeting:DeleteApp', resource: APP, context: { ...context } }));
    const d = compilePolicies({ policies: [p] }, { decisionCacheSize: 0 }).evaluate('mobiletargeting:DeleteApp', APP, context);
    context['aws:PrincipalTag/team'] = 'dev';
    expect(d.nearMisses.map((m) => m.failed)).toEqual(['action']);
    expect(JSON.stringify(d)).toBe(expected);

    const list = ['ops'];
    const d2 = compilePolicies({ policies: [p] }, { decisionCacheSize: 0 }).evaluate('mobiletargeting:DeleteApp', APP, { 'aws:PrincipalTag/team': list });
    list[0] = 'dev';
    expect(JSON.stringify(d2)).toBe(expected);
  });

  it('of a cached decision is shared and frozen once written', () => {
    const c = compilePolicies({ policies: [policy] });
    c.evaluate('mobiletargeting:UpdateSegment', SEG, dev); // the first request of a resource is not kept
    const d = c.evaluate('mobiletargeting:UpdateSegment', SEG, dev);
    expect(Object.isFrozen(d)).toBe(true);
    expect(c.evaluate('mobiletargeting:updatesegment', SEG, { 'aws:principaltag/team': 'dev' })).toBe(d);
    expect(Object.isFrozen(d.nearMisses)).toBe(true);
    expect(d.nearMisses.every((m) => Object.isFrozen(m))).toBe(true);
    expect(d.reason).toBe(c.evaluate('mobiletargeting:UpdateSegment', SEG, dev).reason);
    const uncached = compilePolicies({ policies: [policy] }, { decisionCacheSize: 0 }).evaluate('mobiletargeting:UpdateSegment', SEG, dev);
    expect(JSON.stringify(d)).toBe(JSON.stringify(uncached));
  });

  it('falls back to a plain reason, never a throw, when writing it fails', () => {
    const d = compilePolicies({ policies: [policy] }).evaluate('mobiletargeting:UpdateSegment', SEG, dev);
    fault.explain = true;
    try {
      expect(d.decision).toBe('ImplicitDeny');
      expect(() => d.reason).not.toThrow();
      expect(d.reason).toBe(
        `internal error while explaining the decision (explain failed); denying mobiletargeting:UpdateSegment on ${SEG}`,
      );
      expect(d.nearMisses).toEqual([]);
      expect(JSON.parse(JSON.stringify(d))).toMatchObject({ decision: 'ImplicitDeny', matchedStatements: [], nearMisses: [] });
    } finally {
      fault.explain = false;
    }
    // The fallback is kept: the explanation is not retried.
    expect(d.nearMisses).toEqual([]);
  });
});
