/**
 * The decision cache files decisions under a hash of the resource's last characters (first sighting, and a filter
 * that keeps never-seen resources off its Map): a hash shared by two resources must never give one the other's
 * decision, and resources filed again after the per-action bound cleared the cache must be found as before.
 */
import { describe, expect, it } from 'vitest';
import { compilePolicies } from '../../src/policy/index.js';

const ACCT = '123456789012';
const app = (id: string): string => `arn:aws:mobiletargeting:us-east-1:${ACCT}:apps/${id}`;
const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'mobiletargeting:GetSegment', Resource: `${app('allowed')}/*` }] };

describe('decision cache', () => {
  it('two resources with the same length and last characters keep their own decisions', () => {
    const set = compilePolicies({ policies: [policy] });
    // Same length, same last 16+ characters: the same tail hash.
    const allowed = `${app('allowed')}/segments/0123456789abcdef0123`;
    const other = `${app('refused')}/segments/0123456789abcdef0123`;
    expect(allowed.length).toBe(other.length);
    for (let i = 0; i < 3; i++) expect(set.evaluate('mobiletargeting:GetSegment', allowed).decision).toBe('Allow');
    for (let i = 0; i < 3; i++) expect(set.evaluate('mobiletargeting:GetSegment', other).decision).toBe('ImplicitDeny');
    expect(set.evaluate('mobiletargeting:GetSegment', allowed).decision).toBe('Allow');
  });

  it('past the per-action bound, every resource still gets its own decision, cached or not', () => {
    const set = compilePolicies({ policies: [policy] });
    const uncached = compilePolicies({ policies: [policy] }, { decisionCacheSize: 0 });
    // 3,000 resources, each asked three times (filed on the second), twice round: the 1,024-resource bound clears the
    // action's entries (and its filter) several times over.
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 3000; i++) {
        const resource = `${app(i % 3 === 0 ? 'refused' : 'allowed')}/segments/s${i}`;
        const want = uncached.evaluate('mobiletargeting:GetSegment', resource).decision;
        for (let k = 0; k < 3; k++) expect(set.evaluate('mobiletargeting:GetSegment', resource).decision).toBe(want);
      }
    }
  });

  it('a decision served from the cache is the one made for that resource', () => {
    const set = compilePolicies({ policies: [policy] });
    const resource = `${app('allowed')}/segments/s1`;
    set.evaluate('mobiletargeting:GetSegment', resource);
    const filed = set.evaluate('mobiletargeting:GetSegment', resource);
    expect(set.evaluate('mobiletargeting:GetSegment', resource)).toBe(filed);
    expect(filed.reason).toContain(resource);
  });
});
