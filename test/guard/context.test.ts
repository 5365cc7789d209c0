import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requestContext, type CallFacts } from '../../src/guard/context.js';

const facts = fc.record({
  now: fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z'), noInvalidDate: true }),
  region: fc.constantFrom('us-east-1', 'eu-west-1', 'cn-north-1'),
  secureTransport: fc.boolean(),
  tags: fc.constantFrom<CallFacts['tags']>({ requestTags: {}, tagKeys: [] }, { requestTags: { team: 'a' }, tagKeys: ['team'] }, undefined),
});

describe('requestContext', () => {
  it('a call that supplies no keys gets the same context as one that supplies an empty set', () => {
    // Calls without keys share one context per second, Region and transport; an empty caller context takes the
    // general path. Any difference between them would be a decision made on the wrong facts.
    fc.assert(
      fc.property(fc.array(facts, { minLength: 1, maxLength: 6 }), (calls) => {
        for (const f of calls) expect(requestContext(undefined, undefined, f)).toEqual(requestContext({}, undefined, f));
      }),
      { numRuns: 300 },
    );
  });

  it('the shared context follows the clock, and cannot be changed by whoever holds it', () => {
    const at = (iso: string) => requestContext(undefined, undefined, { now: new Date(iso), region: 'us-east-1', secureTransport: true, tags: { requestTags: {}, tagKeys: [] } });
    const first = at('2026-11-29T10:00:00.100Z');
    expect(at('2026-11-29T10:00:00.900Z')).toBe(first);
    const next = at('2026-11-29T10:00:01.000Z');
    expect(next['aws:CurrentTime']).toBe('2026-11-29T10:00:01Z');
    expect(next['aws:EpochTime']).toBe(String(Date.parse('2026-11-29T10:00:01Z') / 1000));
    expect(first['aws:CurrentTime']).toBe('2026-11-29T10:00:00Z');
    expect(Object.isFrozen(first) && Object.isFrozen(first['aws:TagKeys'])).toBe(true);
    expect(() => {
      (first as Record<string, unknown>)['aws:SourceIp'] = '10.0.0.1';
    }).toThrow(TypeError);
  });
});
