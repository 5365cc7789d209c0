import { describe, expect, it } from 'vitest';
import { checkPermission, ToolingInputError } from '../../src/tooling/index.js';
import { ValidationError } from '../../src/errors/validation.js';
import { ArnBuildError } from '../../src/resource/arn.js';
import { PolicyParseError } from '../../src/policy/index.js';
import { administrator, arn, denyDeletes, ENV, readOnly, readOnlyProject } from './fixtures.js';

describe(checkPermission.name, () => {
  const cases: [string, { given: Parameters<typeof checkPermission>[0]; want: { decision: string; resource: string } }][] = [
    ['administrator allows a write', {
      given: { policies: [administrator], ...ENV, operation: 'DeleteSegment', input: { ApplicationId: 'project1', SegmentId: 's1' } },
      want: { decision: 'Allow', resource: arn('apps/project1/segments/s1') },
    }],
    ['read-only allows GetApps, whose ARN is literally apps/*', {
      given: { policies: [readOnly], ...ENV, operation: 'getApps', input: {} },
      want: { decision: 'Allow', resource: arn('apps/*') },
    }],
    ['read-only allows GetSegment in any project', {
      given: { policies: [readOnly], ...ENV, operation: 'GetSegment', input: { ApplicationId: 'p9', SegmentId: 's1' } },
      want: { decision: 'Allow', resource: arn('apps/p9/segments/s1') },
    }],
    ['read-only denies a write', {
      given: { policies: [readOnly], ...ENV, operation: 'CreateCampaign', input: { ApplicationId: 'project1' } },
      want: { decision: 'ImplicitDeny', resource: arn('apps/project1') },
    }],
    ['one-project read-only allows GetApp on the project', {
      given: { policies: [readOnlyProject], ...ENV, action: 'GetApp', input: { ApplicationId: 'project1' } },
      want: { decision: 'Allow', resource: arn('apps/project1') },
    }],
    ['one-project read-only denies GetSegment: segment ARNs are apps/<id>/segments/<sid>', {
      given: { policies: [readOnlyProject], ...ENV, action: 'mobiletargeting:GetSegment', input: { ApplicationId: 'project1', SegmentId: 's1' } },
      want: { decision: 'ImplicitDeny', resource: arn('apps/project1/segments/s1') },
    }],
    ['action with a resource ARN is used as given', {
      given: { policies: [administrator], ...ENV, action: 'mobiletargeting:GetApp', resource: 'arn:aws:mobiletargeting:eu-west-1:111122223333:apps/x' },
      want: { decision: 'Allow', resource: 'arn:aws:mobiletargeting:eu-west-1:111122223333:apps/x' },
    }],
    ['an explicit deny in another policy wins', {
      given: { policies: [administrator, denyDeletes], ...ENV, operation: 'DeleteApp', input: { ApplicationId: 'project1' } },
      want: { decision: 'ExplicitDeny', resource: arn('apps/project1') },
    }],
    ['the permissions boundary must allow too', {
      given: { policies: [administrator], permissionsBoundary: readOnly, ...ENV, operation: 'DeleteApp', input: { ApplicationId: 'project1' } },
      want: { decision: 'ImplicitDeny', resource: arn('apps/project1') },
    }],
    ['a console-only action builds its ARN from the template', {
      given: { policies: [administrator], ...ENV, action: 'GetReports', input: {} },
      want: { decision: 'Allow', resource: arn('reports') },
    }],
  ];
  it.each(cases)('%s', (_, { given, want }) => {
    const result = checkPermission(given);
    expect({ decision: result.decision, resource: result.resource }).toEqual(want);
    expect(result.reason.length).toBeGreaterThan(0);
    expect(result.reason).not.toMatch(/^(Allow|ExplicitDeny|ImplicitDeny|Conditional)\b/);
  });

  it('explains a deny with the nearest statement', () => {
    const r = checkPermission({ policies: [readOnlyProject], ...ENV, operation: 'GetSegment', input: { ApplicationId: 'project1', SegmentId: 's1' } });
    expect(r.nearMisses[0]).toMatchObject({ failed: 'resource', index: 0 });
    expect(r.operation).toBe('GetSegment');
    expect(r.lifecycle?.status).toBe('end-of-support');
    expect(r.notes.join()).toMatch(/end-of-support/);
  });

  it('adds the client request context: request tags reach aws:RequestTag conditions', () => {
    const tagged = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'mobiletargeting:CreateSegment', Resource: '*', Condition: { StringEquals: { 'aws:RequestTag/team': 'growth' } } }],
    };
    const call = (team: string) =>
      checkPermission({ policies: [tagged], ...ENV, operation: 'CreateSegment', input: { ApplicationId: 'a', WriteSegmentRequest: { Name: 'n', tags: { team } } } }).decision;
    expect([call('growth'), call('ops')]).toEqual(['Allow', 'ImplicitDeny']);
  });

  it('notes an action the catalog does not know, with a suggestion', () => {
    const r = checkPermission({ policies: [administrator], ...ENV, action: 'mobiletargeting:GetUser', resource: arn('apps/a/users/u') });
    expect(r.notes).toEqual(['mobiletargeting:GetUser is not a catalog action (did you mean mobiletargeting:GetUserEndpoints? GetUser is the seed\'s legacy name)']);
  });

  it.each([
    [{ operation: 'getUser', input: {} }, 'unknown operation "getUser" (did you mean getUserEndpoints? getUser is the seed\'s legacy name)'],
    [{ operation: 'GetSegmnt', input: {} }, 'unknown operation "GetSegmnt" (did you mean GetSegment?)'],
    [{ operation: 'Fly', input: {} }, 'unknown operation "Fly"; expected a catalog operation such as GetSegment'],
    [{ action: 'GetUser', input: {} }, 'unknown action "GetUser": without a catalog entry there is no ARN template to build the resource from (did you mean mobiletargeting:GetUserEndpoints? GetUser is the seed\'s legacy name)'],
  ])('names the legacy rename or the nearest name of an unknown %j', (given, message) => {
    expect(() => checkPermission({ policies: [administrator], ...ENV, ...given })).toThrow(new ToolingInputError(message));
  });

  it('notes a resource ARN that does not fit the action, or names another Region', () => {
    const other = 'arn:aws:mobiletargeting:eu-west-1:123456789012:apps/a1/campaigns/c1';
    const r = checkPermission({ policies: [administrator], ...ENV, action: 'GetSegment', resource: other });
    expect(r.notes.slice(0, 2)).toEqual([
      `${other} is not an ARN of arn:<Partition>:mobiletargeting:<Region>:<Account>:apps/<ApplicationId>/segments/<SegmentId> (what mobiletargeting:GetSegment acts on), so no mobiletargeting:GetSegment request names it`,
      'the ARN\'s Region eu-west-1 differs from the request\'s Region us-east-1 (aws:RequestedRegion)',
    ]);
    expect(checkPermission({ policies: [administrator], ...ENV, action: 'GetApp', resource: arn('apps/a1') }).notes).toEqual([]);
  });

  const failures: [string, Parameters<typeof checkPermission>[0], new (...a: never[]) => Error][] = [
    ['unknown operation', { policies: [administrator], ...ENV, operation: 'Fly', input: {} }, ToolingInputError],
    ['input and resource together', { policies: [administrator], ...ENV, action: 'GetApp', input: {}, resource: 'arn:x' }, ToolingInputError],
    ['a resource that is not an ARN', { policies: [administrator], ...ENV, action: 'GetApp', resource: 'not-an-arn' }, ToolingInputError],
    ['neither operation nor action', { policies: [administrator], ...ENV }, ToolingInputError],
    ['a missing id', { policies: [administrator], ...ENV, operation: 'GetSegment', input: { ApplicationId: 'a' } }, ValidationError],
    ['an id with a slash', { policies: [administrator], ...ENV, operation: 'GetApp', input: { ApplicationId: 'a/b' } }, ValidationError],
    ['a malformed account', { policies: [administrator], region: 'us-east-1', accountId: '12', operation: 'GetApp', input: { ApplicationId: 'a' } }, ArnBuildError],
    ['an invalid policy', { policies: [{ Statement: [] }], ...ENV, operation: 'GetApp', input: { ApplicationId: 'a' } }, PolicyParseError],
  ];
  it.each(failures)('rejects %s', (_, given, error) => {
    expect(() => checkPermission(given)).toThrow(error);
  });
});
