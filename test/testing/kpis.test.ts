import { describe, expect, it } from 'vitest';
import { BadRequestException, paginateGetApplicationDateRangeKpi } from '../../src/index.js';
import { useMock } from './support.js';

let clock = Date.parse('2026-11-27T09:00:00Z');
const { client } = useMock({ now: () => new Date(clock) });
const day = (d: number): Date => new Date(Date.UTC(2026, 10, d));

async function sendOn(ApplicationId: string, date: number, addresses: number): Promise<void> {
  clock = Date.UTC(2026, 10, date, 12);
  const Addresses = Object.fromEntries(Array.from({ length: addresses }, (_, i) => [`+1206555010${i}`, { ChannelType: 'SMS' as const }]));
  await client.sendMessages({ ApplicationId, MessageRequest: { Addresses, MessageConfiguration: { SMSMessage: { Body: 'hi' } } } });
}

describe('date-range KPIs', () => {
  it('a project: one row per day counting its successful deliveries, the same for the same history; paged', async () => {
    const ApplicationId = (await client.createApp({ CreateApplicationRequest: { Name: 'k' } })).ApplicationResponse.Id;
    await sendOn(ApplicationId, 25, 2);
    await sendOn(ApplicationId, 27, 1);
    await sendOn(ApplicationId, 27, 3);
    const input = { ApplicationId, KpiName: 'successful-deliveries-grouped-by-date', StartTime: day(24), EndTime: day(28) };
    const res = (await client.getApplicationDateRangeKpi(input)).ApplicationDateRangeKpiResponse;
    expect(res).toMatchObject({ ApplicationId, KpiName: input.KpiName, StartTime: day(24), EndTime: day(28) });
    expect(res.KpiResult.Rows.map((r) => [r.GroupedBys[0]?.Value, r.Values[0]?.Value])).toEqual([
      ['2026-11-24', '0'], ['2026-11-25', '2'], ['2026-11-26', '0'], ['2026-11-27', '4'], ['2026-11-28', '0'],
    ]);
    expect(res.KpiResult.Rows[0]).toEqual({ GroupedBys: [{ Key: 'Date', Type: 'String', Value: '2026-11-24' }], Values: [{ Key: 'SuccessfulDeliveries', Type: 'Double', Value: '0' }] });
    expect((await client.getApplicationDateRangeKpi(input)).ApplicationDateRangeKpiResponse).toEqual(res);
    const pages: number[] = [];
    for await (const page of paginateGetApplicationDateRangeKpi(client, { ...input, PageSize: '2' })) pages.push(page.ApplicationDateRangeKpiResponse.KpiResult.Rows.length);
    expect(pages).toEqual([2, 2, 1]);
    const total = (await client.getApplicationDateRangeKpi({ ...input, KpiName: 'successful-deliveries' })).ApplicationDateRangeKpiResponse.KpiResult.Rows;
    expect(total).toEqual([{ GroupedBys: [], Values: [{ Key: 'SuccessfulDeliveries', Type: 'Double', Value: '6' }] }]);
  });

  it('a journey counts the endpoints its runs took in; a campaign counts none', async () => {
    clock = Date.parse('2026-11-27T09:00:00Z');
    const ApplicationId = (await client.createApp({ CreateApplicationRequest: { Name: 'k' } })).ApplicationResponse.Id;
    await client.updateEndpoint({ ApplicationId, EndpointId: 'e', EndpointRequest: { ChannelType: 'SMS', Address: '+12065550100' } });
    const JourneyId = (await client.createJourney({ ApplicationId, WriteJourneyRequest: { Name: 'j', State: 'ACTIVE' } })).JourneyResponse.Id;
    const rows = (await client.getJourneyDateRangeKpi({ ApplicationId, JourneyId, KpiName: 'endpoints-entered' })).JourneyDateRangeKpiResponse.KpiResult.Rows;
    expect(rows[0]?.Values[0]?.Value).toBe('1');
    const SegmentId = (await client.createSegment({ ApplicationId, WriteSegmentRequest: { Name: 's' } })).SegmentResponse.Id;
    const CampaignId = (await client.createCampaign({ ApplicationId, WriteCampaignRequest: { Name: 'c', SegmentId } })).CampaignResponse.Id;
    const campaign = (await client.getCampaignDateRangeKpi({ ApplicationId, CampaignId, KpiName: 'unique-deliveries' })).CampaignDateRangeKpiResponse;
    expect(campaign).toMatchObject({ CampaignId, KpiResult: { Rows: [{ Values: [{ Value: '0' }] }] } });
    // The default range: the 7 days before now.
    expect(campaign.EndTime).toEqual(new Date(clock));
    expect(campaign.StartTime).toEqual(new Date(clock - 7 * 86_400_000));
  });

  it.each([
    [{ KpiName: 'Rate' }, /Invalid KpiName "Rate": a KPI name is two or more lowercase terms separated by hyphens/],
    [{ StartTime: day(20), EndTime: day(10) }, /start-time must not be after end-time/],
    [{ StartTime: day(1), EndTime: new Date(Date.UTC(2026, 11, 15)) }, /at most 31 days from start-time to end-time/],
  ])('refuses %j', async (change, message) => {
    const ApplicationId = (await client.createApp({ CreateApplicationRequest: { Name: 'k' } })).ApplicationResponse.Id;
    const error = await client.getApplicationDateRangeKpi({ ApplicationId, KpiName: 'email-open-rate', ...change }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestException);
    expect((error as Error).message).toMatch(message);
  });
});
