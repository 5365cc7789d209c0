import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { operations } from '../../generated/operations.js';
import { bindCall } from '../../src/client/bind.js';
import type { OperationSpec } from '../../src/client/spec.js';
import { compilePolicies, parsePolicy } from '../../src/policy/index.js';
import { buildArn } from '../../src/resource/arn.js';
import { catalogActions, paramsFromArn } from '../../src/tooling/catalog.js';
import { callProblems, generatePolicy, ToolingInputError, type PolicyCall } from '../../src/tooling/index.js';
import { arn, ENV } from './fixtures.js';

const call = (action: string, resource: string): PolicyCall => ({ action: `mobiletargeting:${action}`, resource: arn(resource) });
const allOps = Object.values(operations) as OperationSpec[];

describe(generatePolicy.name, () => {
  const calls = [
    call('GetSegment', 'apps/p1/segments/s1'),
    call('GetSegment', 'apps/p1/segments/s2'),
    call('DeleteSegment', 'apps/p1/segments/s1'),
    call('CreateCampaign', 'apps/p1'),
    call('GetApps', 'apps/*'),
  ];

  it('exact: minimal actions on exact ARNs, statements merged by shared action sets, in a stable order', () => {
    const { policy, check } = generatePolicy({ calls });
    expect(policy.Statement.map((s) => [s.Action, s.Resource])).toEqual([
      [['mobiletargeting:GetApps'], [arn('apps/*')]],
      [['mobiletargeting:CreateCampaign'], [arn('apps/p1')]],
      [['mobiletargeting:DeleteSegment', 'mobiletargeting:GetSegment'], [arn('apps/p1/segments/s1')]],
      [['mobiletargeting:GetSegment'], [arn('apps/p1/segments/s2')]],
    ]);
    expect(check).toEqual({ allowsEveryCall: true, deniedCalls: [], extraGrants: [], notes: [] });
    expect(generatePolicy({ calls: [...calls].reverse() })).toEqual(generatePolicy({ calls }));
    expect(() => parsePolicy(policy)).not.toThrow();
  });

  it('app: apps/<id> and apps/<id>/* per project, and reports what that grants beyond the calls', () => {
    const { policy, check } = generatePolicy({ recorded: calls.map((c) => ({ ...c, operation: 'x' })), granularity: 'app' });
    expect(policy.Statement.map((s) => s.Resource)).toEqual([[arn('apps/*')], [arn('apps/p1'), arn('apps/p1/*')]]);
    expect(check.allowsEveryCall).toBe(true);
    expect(check.extraGrants).toEqual([call('DeleteSegment', 'apps/p1/segments/s2')]);
  });

  it('writes ids holding *, ? or $ as literal characters', () => {
    const { policy, check } = generatePolicy({ calls: [call('GetApp', 'apps/*'), call('GetApp', 'apps/a?$')] });
    expect(policy.Statement.flatMap((s) => s.Resource)).toEqual([arn('apps/${*}'), arn('apps/a${?}${$}')]);
    expect(check.extraGrants).toEqual([]);
    expect(compilePolicies({ policies: [policy] }).evaluate('mobiletargeting:GetApp', arn('apps/other')).decision).toBe('ImplicitDeny');
  });

  it('keeps the * of an id the call leaves open as a wildcard, and says so', () => {
    const open = { ...call('GetSegment', 'apps/p1/segments/*'), anyIds: ['SegmentId'] };
    const { policy, check } = generatePolicy({ calls: [open, call('GetSegment', 'apps/p2/segments/*')] });
    expect(policy.Statement.flatMap((s) => s.Resource)).toEqual([arn('apps/p1/segments/*'), arn('apps/p2/segments/${*}')]);
    expect(check).toMatchObject({ allowsEveryCall: true, extraGrants: [], notes: ['SegmentId not given: apps/p1/segments/* allows every segment of p1'] });
    const set = compilePolicies({ policies: [policy] });
    expect(set.evaluate('mobiletargeting:GetSegment', arn('apps/p1/segments/s9')).decision).toBe('Allow');
    expect(set.evaluate('mobiletargeting:GetSegment', arn('apps/p2/segments/s9')).decision).toBe('ImplicitDeny');
  });

  it('rejects an empty or malformed recording', () => {
    expect(() => generatePolicy({ calls: [] })).toThrow(ToolingInputError);
    expect(() => generatePolicy({ calls: [{ action: 'x' } as PolicyCall] })).toThrow(/calls\[0\]/);
    expect(() => generatePolicy({ calls: [call('GetSegment', 'apps/p1')] })).toThrow(/^calls\[0\]\.resource: expected an ARN of /);
  });


  // Ids include the characters IAM treats specially, so escaping is exercised too.
  const id = fc.stringMatching(/^[a-z0-9*?${}-]{1,6}$/).filter((s) => s !== '.' && s !== '..');
  const randomCall = fc.record({ op: fc.constantFrom(...allOps), ids: fc.dictionary(fc.constantFrom('a', 'b'), id) }).map(({ op, ids }) => {
    const input: Record<string, string> = {};
    for (const label of op.labels) {
      input[label] = op.arnEnums?.[label]?.[0] ?? (label === 'ResourceArn' ? buildArn('arn:${Partition}:mobiletargeting:${Region}:${Account}:apps/${ApplicationId}', { ApplicationId: ids.a ?? 'p' }, ENV) : (label === 'ApplicationId' ? ids.a : ids.b) ?? 'x');
    }
    return { action: op.action, resource: buildArn(op.resource, bindCall(op, input).params, ENV) };
  });

  it('property: allows exactly the recorded calls among the catalog actions on those resources', () => {
    fc.assert(
      fc.property(fc.array(randomCall, { minLength: 1, maxLength: 12 }), (recorded) => {
        const { policy, check } = generatePolicy({ calls: recorded });
        const set = compilePolicies({ policies: [policy] }, { decisionCacheSize: 0 });
        const wanted = new Set(recorded.map((c) => `${c.action}\n${c.resource}`));
        for (const resource of new Set(recorded.map((c) => c.resource))) {
          for (const a of catalogActions) {
            if (paramsFromArn(a.resource, resource) === undefined) continue;
            const allowed = set.evaluate(a.action, resource).decision === 'Allow';
            expect(allowed, `${a.action} on ${resource}`).toBe(wanted.has(`${a.action}\n${resource}`));
          }
        }
        expect(check).toEqual({ allowsEveryCall: true, deniedCalls: [], extraGrants: [], notes: [] });
      }),
      { numRuns: 150 },
    );
  });
});

describe(callProblems.name, () => {
  const cases: [string, { given: unknown; want: string[] }][] = [
    ['a call the client could make', { given: call('GetSegment', 'apps/p1/segments/s1'), want: [] }],
    ['a lower-case catalog action', { given: { action: 'mobiletargeting:getsegment', resource: arn('apps/p1/segments/s1') }, want: [] }],
    ['missing fields', { given: { action: 1 }, want: ['action: expected a non-empty string', 'resource: expected a non-empty string'] }],
    ['an action the catalog does not know', { given: call('GetFoo', 'apps/p1'),
      want: ['action: expected a Pinpoint catalog action, got "mobiletargeting:GetFoo" (`pinpoint-guard lifecycle` lists every catalog action)'] }],
    ['a typo', { given: call('GetSegmnt', 'apps/p1'), want: ['action: expected a Pinpoint catalog action, got "mobiletargeting:GetSegmnt" (did you mean mobiletargeting:GetSegment?)'] }],
    ['a legacy name', { given: call('GetUser', 'apps/p1'),
      want: ['action: expected a Pinpoint catalog action, got "mobiletargeting:GetUser" (did you mean mobiletargeting:GetUserEndpoints? GetUser is the seed\'s legacy name)'] }],
    ['another service', { given: { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' },
      want: ['action: expected a Pinpoint catalog action, got "s3:GetObject" (another service\'s action: a recording holds only the calls of a Pinpoint client)'] }],
    ['a resource that is not an ARN', { given: { action: 'mobiletargeting:GetApp', resource: 'nonsense' },
      want: ['resource: expected an ARN of arn:<Partition>:mobiletargeting:<Region>:<Account>:apps/<ApplicationId> (mobiletargeting:GetApp), got "nonsense"'] }],
    ['a resource of another type', { given: call('GetSegment', 'apps/p1/campaigns/c1'),
      want: [`resource: expected an ARN of arn:<Partition>:mobiletargeting:<Region>:<Account>:apps/<ApplicationId>/segments/<SegmentId> (mobiletargeting:GetSegment), got "${arn('apps/p1/campaigns/c1')}"`] }],
  ];
  it.each(cases)('%s', (_, { given, want }) => expect(callProblems(given).map((p) => `${p.field}: ${p.message}`)).toEqual(want));
});
