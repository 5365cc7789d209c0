/**
 * Where AWS's pages read an ARN pattern two ways — the Resource page's "If the * wildcard is the last character of a
 * resource ARN segment, it can expand to match beyond the colon boundaries", the condition-operator page's "Each of the
 * six colon-delimited components of the ARN is checked separately" — an Allow matches only under both readings and a
 * Deny under either, for Resource, NotResource and the Arn condition operators alike. Checked over random patterns
 * and ARNs against `matchArn` in each reading.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, matchArn } from '../../src/policy/index.js';

const field = fc.stringMatching(/^(?:[a-z0-9-]{0,3}\*?|\*)$/);
/**
 * 2 to 7 fields after `arn`: short patterns, six-field ones, and ones whose resource holds colons; only those a
 * Resource may hold (six fields, or fewer with a field ending in `*`): the parser rejects the rest.
 */
const pattern = fc
  .array(field, { minLength: 2, maxLength: 7 })
  .map((fs) => ['arn', ...fs].join(':'))
  .filter((p) => p.split(':').length >= 6 || p.split(':').some((f) => f.endsWith('*')));
const segment = fc.stringMatching(/^[a-z0-9-]{1,3}$/);
const arn = fc.array(segment, { minLength: 5, maxLength: 8 }).map((ss) => ['arn', ...ss].join(':'));
const ACTION = 'someservice:Get';

const both = (p: string, a: string) => matchArn(p, a, { spanning: false }) && matchArn(p, a);
const either = (p: string, a: string) => matchArn(p, a, { spanning: false }) || matchArn(p, a);
const allowAll = { Effect: 'Allow', Action: '*', Resource: '*' };
const decide = (statements: object[], resource: string, context?: Record<string, string>) =>
  evaluate({ policies: [{ Version: '2012-10-17', Statement: statements }], action: ACTION, resource, ...(context ? { context } : {}) }).decision;

describe('an ARN pattern read two ways: an Allow matches under both readings, a Deny under either', () => {
  it('Resource and NotResource', () => {
    fc.assert(
      fc.property(pattern, arn, (p, a) => {
        expect(decide([{ Effect: 'Allow', Action: ACTION, Resource: p }], a) === 'Allow').toBe(both(p, a));
        expect(decide([allowAll, { Effect: 'Deny', Action: ACTION, Resource: p }], a) === 'ExplicitDeny').toBe(either(p, a));
        expect(decide([{ Effect: 'Allow', Action: ACTION, NotResource: p }], a) === 'Allow').toBe(!either(p, a));
        expect(decide([allowAll, { Effect: 'Deny', Action: ACTION, NotResource: p }], a) === 'ExplicitDeny').toBe(!both(p, a));
      }),
      { numRuns: 1500 },
    );
  });

  it('ArnLike, ArnEquals and their Not forms in a condition', () => {
    const sixFields = pattern.filter((p) => p.split(':').length >= 6);
    const sixArn = arn.filter((a) => a.split(':').length >= 6);
    fc.assert(
      fc.property(sixFields, sixArn, fc.constantFrom('ArnLike', 'ArnEquals'), (p, value, op) => {
        const context = { 'aws:SourceArn': value };
        const cond = (o: string) => ({ Condition: { [o]: { 'aws:SourceArn': p } } });
        const notOp = op.replace('Arn', 'ArnNot');
        expect(decide([{ Effect: 'Allow', Action: ACTION, Resource: '*', ...cond(op) }], 'arn:aws:s:r:a:x', context) === 'Allow').toBe(both(p, value));
        expect(decide([allowAll, { Effect: 'Deny', Action: ACTION, Resource: '*', ...cond(op) }], 'arn:aws:s:r:a:x', context) === 'ExplicitDeny').toBe(either(p, value));
        expect(decide([{ Effect: 'Allow', Action: ACTION, Resource: '*', ...cond(notOp) }], 'arn:aws:s:r:a:x', context) === 'Allow').toBe(!either(p, value));
        expect(decide([allowAll, { Effect: 'Deny', Action: ACTION, Resource: '*', ...cond(notOp) }], 'arn:aws:s:r:a:x', context) === 'ExplicitDeny').toBe(!both(p, value));
      }),
      { numRuns: 1500 },
    );
  });

  it('the readings differ on the cases the pages leave open, so the property is not vacuous', () => {
    expect(matchArn('arn:aws:mobiletargeting:us-east-1:*', 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/a')).toBe(true);
    expect(matchArn('arn:aws:mobiletargeting:us-east-1:*', 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/a', { spanning: false })).toBe(false);
    let differ = 0;
    fc.assert(fc.property(pattern, arn, (p, a) => { if (both(p, a) !== either(p, a)) differ++; }), { numRuns: 1500, seed: 1 });
    expect(differ).toBeGreaterThan(20);
  });
});
