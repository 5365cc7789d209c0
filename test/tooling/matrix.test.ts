import { describe, expect, it } from 'vitest';
import { actions } from '../../generated/actions.js';
import { permissionMatrix, type PermissionMatrix } from '../../src/tooling/index.js';
import { administrator, arn, denyDeletes, ENV, readOnly, readOnlyProject } from './fixtures.js';

const cells = (m: PermissionMatrix) => m.groups.flatMap((g) => g.cells);
const decisionOf = (m: PermissionMatrix, action: string) => cells(m).find((c) => c.action === `mobiletargeting:${action}`)?.decision;

describe(permissionMatrix.name, () => {
  it('has one cell per catalog action, grouped as the catalog groups them', () => {
    const m = permissionMatrix({ policies: [administrator], ...ENV, resources: { ApplicationId: 'project1' } });
    expect(cells(m)).toHaveLength(Object.keys(actions).length);
    expect(new Set(cells(m).map((c) => c.action)).size).toBe(123);
    for (const g of m.groups) for (const c of g.cells) expect(c.group).toBe(g.group);
    expect(m.totals).toEqual({ Allow: 123, ExplicitDeny: 0, ImplicitDeny: 0, Conditional: 0 });
  });

  it.each([
    [{ ApplicationId: 'a/b' }, 'permissionMatrix: input.ApplicationId: expected an id without "/", got the string "a/b"'],
    [{ ApplicationId: 'p1', SegmentId: '..' }, 'permissionMatrix: input.SegmentId: expected an id other than "." or ".." (they would move up the path), got the string ".."'],
    [{ ApplicationId: 'p1', ResourceArn: 'x' }, /input\.ResourceArn: expected an Amazon Pinpoint ARN/],
  ])('rejects ids the client would reject: %j', (resources, want) => {
    expect(() => permissionMatrix({ policies: [administrator], ...ENV, resources })).toThrow(want);
  });

  const cases: [string, { policies: object[]; want: Record<string, string> }][] = [
    ['read-only for all apps', { policies: [readOnly], want: { GetApps: 'Allow', GetApp: 'Allow', GetSegment: 'Allow', CreateCampaign: 'ImplicitDeny', GetEmailTemplate: 'ImplicitDeny' } }],
    ['read-only for one project', { policies: [readOnlyProject], want: { GetApp: 'Allow', GetSegments: 'Allow', GetSegment: 'ImplicitDeny', GetApps: 'ImplicitDeny', DeleteApp: 'ImplicitDeny' } }],
    ['administrator with a deny on deletes', { policies: [administrator, denyDeletes], want: { DeleteApp: 'ExplicitDeny', DeleteSegment: 'ExplicitDeny', GetApp: 'Allow' } }],
  ];
  it.each(cases)('%s', (_, { policies, want }) => {
    const m = permissionMatrix({ policies, ...ENV, resources: { ApplicationId: 'project1', SegmentId: 'seg1' } });
    expect(Object.fromEntries(Object.keys(want).map((a) => [a, decisionOf(m, a)]))).toEqual(want);
  });

  it('names the deciding statement, the reason and the lifecycle of each cell', () => {
    const m = permissionMatrix({ policies: [administrator, denyDeletes], ...ENV, resources: { ApplicationId: 'project1' } });
    const del = cells(m).find((c) => c.action === 'mobiletargeting:DeleteCampaign');
    expect(del).toMatchObject({ decision: 'ExplicitDeny', statement: { policy: 'identity[1]', index: 0, sid: 'NoDeletes' }, lifecycle: { status: 'end-of-support' } });
    expect(del?.reason).toMatch(/NoDeletes/);
  });

  it('marks the cells whose ARN used a * placeholder id, and uses given ids exactly', () => {
    const m = permissionMatrix({ policies: [readOnlyProject], ...ENV, resources: { ApplicationId: 'project1', SegmentId: 'seg1' } });
    const seg = cells(m).find((c) => c.action === 'mobiletargeting:GetSegment');
    const camp = cells(m).find((c) => c.action === 'mobiletargeting:GetCampaign');
    const tag = cells(m).find((c) => c.action === 'mobiletargeting:TagResource');
    expect(seg).toMatchObject({ resource: arn('apps/project1/segments/seg1'), placeholders: [] });
    expect(camp).toMatchObject({ resource: arn('apps/project1/campaigns/*'), placeholders: ['CampaignId'] });
    expect(tag).toMatchObject({ resource: arn('apps/project1'), placeholders: [] });
    expect(m.placeholderCells).toBe(cells(m).filter((c) => c.placeholders.length > 0).length);
    expect(m.placeholderCells).toBeGreaterThan(0);
  });
});
