import { describe, expect, it } from 'vitest';
import { NotFoundException, BadRequestException } from '../../src/index.js';
import { useMock } from './support.js';

const { mock, client } = useMock();

async function project(): Promise<{ ApplicationId: string; SegmentId: string }> {
  const ApplicationId = (await client.createApp({ CreateApplicationRequest: { Name: 'p' } })).ApplicationResponse.Id;
  const SegmentId = (await client.createSegment({ ApplicationId, WriteSegmentRequest: { Name: 's' } })).SegmentResponse.Id;
  return { ApplicationId, SegmentId };
}

describe('campaigns', () => {
  it('runs the lifecycle: create, get, list with paging, update, versions, activities, delete', async () => {
    const { ApplicationId, SegmentId } = await project();
    const Schedule = { StartTime: '2030-01-01T00:00:00Z', Frequency: 'ONCE' as const };
    const created = await client.createCampaign({ ApplicationId, WriteCampaignRequest: { Name: 'launch', SegmentId, Schedule } });
    expect(created.$metadata.httpStatusCode).toBe(201);
    const c = created.CampaignResponse;
    expect(c).toMatchObject({ ApplicationId, Name: 'launch', SegmentId, SegmentVersion: 1, Version: 1, State: { CampaignStatus: 'SCHEDULED' } });
    expect((await client.getCampaign({ ApplicationId, CampaignId: c.Id })).CampaignResponse).toEqual(c);

    await client.createCampaign({ ApplicationId, WriteCampaignRequest: { Name: 'second', SegmentId } });
    const first = await client.getCampaigns({ ApplicationId, PageSize: '1' });
    expect(first.CampaignsResponse.Item.map((x) => x.Name)).toEqual(['launch']);
    const second = await client.getCampaigns({ ApplicationId, PageSize: '1', Token: first.CampaignsResponse.NextToken });
    expect(second.CampaignsResponse).toEqual({ Item: [expect.objectContaining({ Name: 'second' })] });

    const updated = await client.updateCampaign({ ApplicationId, CampaignId: c.Id, WriteCampaignRequest: { Name: 'launch-2', IsPaused: true } });
    expect(updated.CampaignResponse).toMatchObject({ Name: 'launch-2', Version: 2, SegmentId, State: { CampaignStatus: 'PAUSED' } });
    expect((await client.getCampaignVersion({ ApplicationId, CampaignId: c.Id, Version: '1' })).CampaignResponse.Name).toBe('launch');
    const versions = await client.getCampaignVersions({ ApplicationId, CampaignId: c.Id });
    expect(versions.CampaignsResponse.Item.map((v) => v.Version)).toEqual([1, 2]);
    const activities = await client.getCampaignActivities({ ApplicationId, CampaignId: c.Id });
    expect(activities.ActivitiesResponse.Item).toEqual([
      expect.objectContaining({ CampaignId: c.Id, State: 'SCHEDULED', ScheduledStart: '2030-01-01T00:00:00Z' }),
      expect.objectContaining({ CampaignId: c.Id, State: 'SCHEDULED' }),
    ]);

    expect((await client.deleteCampaign({ ApplicationId, CampaignId: c.Id })).CampaignResponse.State).toEqual({ CampaignStatus: 'DELETED' });
    await expect(client.getCampaign({ ApplicationId, CampaignId: c.Id })).rejects.toBeInstanceOf(NotFoundException);
    await expect(client.getCampaignActivities({ ApplicationId, CampaignId: c.Id })).rejects.toBeInstanceOf(NotFoundException);
  });

  it('needs an existing segment', async () => {
    const { ApplicationId } = await project();
    await expect(client.createCampaign({ ApplicationId, WriteCampaignRequest: { Name: 'x' } })).rejects.toBeInstanceOf(BadRequestException);
    await expect(client.createCampaign({ ApplicationId, WriteCampaignRequest: { Name: 'x', SegmentId: 'nope' } })).rejects.toBeInstanceOf(NotFoundException);
    expect(mock.store.apps.get(ApplicationId)?.campaigns.size).toBe(0);
  });
});
