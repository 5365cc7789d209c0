import { describe, expect, it } from 'vitest';
import { NotFoundException } from '../../src/index.js';
import { useMock } from './support.js';

const { client } = useMock({ now: () => new Date('2026-11-29T10:00:00Z') });
const Content = [{ BodyConfig: { Alignment: 'LEFT' as const, Body: 'from the campaign', TextColor: '#000000' } }];

describe('GetInAppMessages', () => {
  it('answers the in-app campaigns of the project: own content or an in-app template\'s; not paused or ended ones', async () => {
    const ApplicationId = (await client.createApp({ CreateApplicationRequest: { Name: 'in-app' } })).ApplicationResponse.Id;
    await client.updateEndpoint({ ApplicationId, EndpointId: 'e', EndpointRequest: { ChannelType: 'IN_APP', Address: 'device' } });
    const SegmentId = (await client.createSegment({ ApplicationId, WriteSegmentRequest: { Name: 's' } })).SegmentResponse.Id;
    await client.createInAppTemplate({ TemplateName: 'banner', InAppTemplateRequest: { Layout: 'TOP_BANNER', Content: [{ BodyConfig: { Alignment: 'CENTER', Body: 'from the template', TextColor: '#111111' } }] } });
    const own = (await client.createCampaign({
      ApplicationId,
      WriteCampaignRequest: { Name: 'own', SegmentId, Priority: 2, Limits: { Daily: 1, Session: 2, Total: 3 }, Schedule: { StartTime: 'IMMEDIATE', EndTime: '2027-01-01T00:00:00Z' }, MessageConfiguration: { InAppMessage: { Layout: 'BOTTOM_BANNER', Content } } },
    })).CampaignResponse.Id;
    const templated = (await client.createCampaign({ ApplicationId, WriteCampaignRequest: { Name: 'tpl', SegmentId, TemplateConfiguration: { InAppTemplate: { Name: 'banner' } } } })).CampaignResponse.Id;
    await client.createCampaign({ ApplicationId, WriteCampaignRequest: { Name: 'paused', SegmentId, IsPaused: true, MessageConfiguration: { InAppMessage: { Content } } } });
    await client.createCampaign({ ApplicationId, WriteCampaignRequest: { Name: 'ended', SegmentId, Schedule: { StartTime: '2026-01-01T00:00:00Z', EndTime: '2026-02-01T00:00:00Z' }, MessageConfiguration: { InAppMessage: { Content } } } });
    await client.createCampaign({ ApplicationId, WriteCampaignRequest: { Name: 'sms', SegmentId, MessageConfiguration: { SMSMessage: { Body: 'x' } } } });

    const res = (await client.getInAppMessages({ ApplicationId, EndpointId: 'e' })).InAppMessagesResponse;
    expect(res.InAppMessageCampaigns).toEqual([
      { CampaignId: own, TreatmentId: '0', Priority: 2, DailyCap: 1, SessionCap: 2, TotalCap: 3, InAppMessage: { Layout: 'BOTTOM_BANNER', Content }, Schedule: { EndDate: '2027-01-01T00:00:00Z' } },
      { CampaignId: templated, TreatmentId: '0', InAppMessage: { Layout: 'TOP_BANNER', Content: [{ BodyConfig: { Alignment: 'CENTER', Body: 'from the template', TextColor: '#111111' } }] } },
    ]);
    await expect(client.getInAppMessages({ ApplicationId, EndpointId: 'nope' })).rejects.toBeInstanceOf(NotFoundException);
  });
});
