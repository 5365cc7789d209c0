import { describe, expect, it } from 'vitest';
import { NotFoundException } from '../../src/index.js';
import { useMock } from './support.js';

const { mock, client } = useMock();

describe('segments', () => {
  it('runs the lifecycle: create, get, list with paging, update, version history, delete', async () => {
    const { ApplicationResponse: app } = await client.createApp({ CreateApplicationRequest: { Name: 'p' } });
    const ApplicationId = app.Id;
    const created = await client.createSegment({ ApplicationId, WriteSegmentRequest: { Name: 'vips', tags: { t: '1' } } });
    expect(created.$metadata.httpStatusCode).toBe(201);
    const seg = created.SegmentResponse;
    expect(seg).toMatchObject({ ApplicationId, Name: 'vips', SegmentType: 'DIMENSIONAL', Version: 1, Arn: `${app.Arn}/segments/${seg.Id}` });
    expect((await client.getSegment({ ApplicationId, SegmentId: seg.Id })).SegmentResponse).toEqual(seg);

    for (const name of ['b', 'c', 'd', 'e']) await client.createSegment({ ApplicationId, WriteSegmentRequest: { Name: name } });
    const names: string[] = [];
    let Token: string | undefined;
    let pages = 0;
    do {
      const page = await client.getSegments({ ApplicationId, PageSize: '2', Token });
      names.push(...page.SegmentsResponse.Item.map((s) => s.Name ?? ''));
      Token = page.SegmentsResponse.NextToken;
      pages += 1;
    } while (Token);
    expect(names).toEqual(['vips', 'b', 'c', 'd', 'e']);
    expect(pages).toBe(3);

    const updated = await client.updateSegment({ ApplicationId, SegmentId: seg.Id, WriteSegmentRequest: { Name: 'vips-2' } });
    expect(updated.SegmentResponse).toMatchObject({ Id: seg.Id, Name: 'vips-2', Version: 2, tags: { t: '1' } });
    expect((await client.getSegment({ ApplicationId, SegmentId: seg.Id })).SegmentResponse.Version).toBe(2);
    expect((await client.getSegmentVersion({ ApplicationId, SegmentId: seg.Id, Version: '1' })).SegmentResponse.Name).toBe('vips');
    const versions = await client.getSegmentVersions({ ApplicationId, SegmentId: seg.Id });
    expect(versions.SegmentsResponse.Item.map((v) => [v.Version, v.Name])).toEqual([[1, 'vips'], [2, 'vips-2']]);
    expect(versions.SegmentsResponse.NextToken).toBeUndefined();

    expect((await client.deleteSegment({ ApplicationId, SegmentId: seg.Id })).SegmentResponse.Name).toBe('vips-2');
    await expect(client.getSegment({ ApplicationId, SegmentId: seg.Id })).rejects.toBeInstanceOf(NotFoundException);
    await expect(client.getSegmentVersion({ ApplicationId, SegmentId: names[1] ?? '', Version: '1' })).rejects.toBeInstanceOf(NotFoundException);
    expect(mock.store.apps.get(ApplicationId)?.segments.size).toBe(4);
  });

  it('answers NotFoundException for a segment of an unknown project', async () => {
    await expect(client.createSegment({ ApplicationId: 'missing', WriteSegmentRequest: {} })).rejects.toThrow(/Application "missing" does not exist/);
  });
});
