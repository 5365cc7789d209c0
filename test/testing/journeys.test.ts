import { describe, expect, it } from 'vitest';
import { BadRequestException, ConflictException, NotFoundException, paginateListJourneys } from '../../src/index.js';
import type { WriteJourneyRequest } from '../../src/shapes/index.js';
import { useMock } from './support.js';

let clock = Date.parse('2026-11-29T10:00:00Z');
const { client } = useMock({ now: () => new Date(clock) });

const journey: WriteJourneyRequest = {
  Name: 'onboarding', StartActivity: 'welcome',
  Activities: { welcome: { EMAIL: { TemplateName: 'welcome' }, Description: 'first' }, pause: { Wait: { WaitTime: { WaitFor: 'P1D' } } } },
};

async function project(endpoints: number): Promise<string> {
  const ApplicationId = (await client.createApp({ CreateApplicationRequest: { Name: 'j' } })).ApplicationResponse.Id;
  for (let i = 0; i < endpoints; i += 1) await client.updateEndpoint({ ApplicationId, EndpointId: `e${i}`, EndpointRequest: { ChannelType: 'EMAIL', Address: `u${i}@example.com` } });
  return ApplicationId;
}

describe('journeys', () => {
  it('draft → update → publish (a run starts) → pause → resume → cancel (the run is cancelled); metrics count the run\'s endpoints', async () => {
    const ApplicationId = await project(3);
    const created = (await client.createJourney({ ApplicationId, WriteJourneyRequest: journey })).JourneyResponse;
    expect(created).toMatchObject({ ApplicationId, Name: 'onboarding', State: 'DRAFT', CreationDate: '2026-11-29T10:00:00.000Z' });
    const JourneyId = created.Id;
    expect((await client.getJourneyRuns({ ApplicationId, JourneyId })).JourneyRunsResponse.Item).toEqual([]);

    clock += 60_000;
    const renamed = (await client.updateJourney({ ApplicationId, JourneyId, WriteJourneyRequest: { ...journey, Name: 'renamed' } })).JourneyResponse;
    expect(renamed).toMatchObject({ Name: 'renamed', State: 'DRAFT', LastModifiedDate: '2026-11-29T10:01:00.000Z', CreationDate: created.CreationDate });
    const published = (await client.updateJourney({ ApplicationId, JourneyId, WriteJourneyRequest: { ...journey, State: 'ACTIVE' } })).JourneyResponse;
    expect(published.State).toBe('ACTIVE');
    const runs = (await client.getJourneyRuns({ ApplicationId, JourneyId })).JourneyRunsResponse.Item;
    expect(runs).toMatchObject([{ Status: 'RUNNING', CreationTime: '2026-11-29T10:01:00.000Z' }]);
    const RunId = runs[0]!.RunId;

    const error = await client.updateJourney({ ApplicationId, JourneyId, WriteJourneyRequest: journey }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictException);
    expect((error as Error).message).toMatch(/is ACTIVE: only a DRAFT journey can be updated/);

    for (const State of ['PAUSED', 'ACTIVE', 'CANCELLED'] as const) {
      expect((await client.updateJourneyState({ ApplicationId, JourneyId, JourneyStateRequest: { State } })).JourneyResponse.State).toBe(State);
    }
    expect((await client.getJourneyRuns({ ApplicationId, JourneyId })).JourneyRunsResponse.Item).toMatchObject([{ RunId, Status: 'CANCELLED' }]);
    await expect(client.updateJourneyState({ ApplicationId, JourneyId, JourneyStateRequest: { State: 'ACTIVE' } })).rejects.toThrow(/a CANCELLED journey can move to no other state/);

    const metrics = (await client.getJourneyExecutionMetrics({ ApplicationId, JourneyId })).JourneyExecutionMetricsResponse;
    expect(metrics).toMatchObject({ ApplicationId, JourneyId, Metrics: { ENDPOINT_ENTERED: '3', ENDPOINT_PRODUCED: '3' } });
    expect((await client.getJourneyRunExecutionMetrics({ ApplicationId, JourneyId, RunId })).JourneyRunExecutionMetricsResponse).toMatchObject({ RunId, Metrics: { ENDPOINT_ENTERED: '3' } });
    const start = (await client.getJourneyExecutionActivityMetrics({ ApplicationId, JourneyId, JourneyActivityId: 'welcome' })).JourneyExecutionActivityMetricsResponse;
    expect(start).toMatchObject({ ActivityType: 'EMAIL', JourneyActivityId: 'welcome', Metrics: { ENTERED: '3' } });
    const wait = (await client.getJourneyRunExecutionActivityMetrics({ ApplicationId, JourneyId, RunId, JourneyActivityId: 'pause' })).JourneyRunExecutionActivityMetricsResponse;
    expect(wait).toMatchObject({ ActivityType: 'WAIT', RunId, Metrics: { ENTERED: '0' } });
    await expect(client.getJourneyExecutionActivityMetrics({ ApplicationId, JourneyId, JourneyActivityId: 'nope' })).rejects.toThrow(/Journey activity "nope" does not exist/);
    await expect(client.getJourneyRunExecutionMetrics({ ApplicationId, JourneyId, RunId: 'nope' })).rejects.toThrow(/Journey run "nope" does not exist/);
  });

  it('refuses a state change the journey cannot make, a state a write cannot set, and a start activity it does not have', async () => {
    const ApplicationId = await project(0);
    const JourneyId = (await client.createJourney({ ApplicationId, WriteJourneyRequest: journey })).JourneyResponse.Id;
    await expect(client.updateJourneyState({ ApplicationId, JourneyId, JourneyStateRequest: { State: 'PAUSED' } })).rejects.toThrow(/a DRAFT journey can move to CANCELLED/);
    await expect(client.createJourney({ ApplicationId, WriteJourneyRequest: { ...journey, State: 'COMPLETED' } })).rejects.toBeInstanceOf(BadRequestException);
    await expect(client.createJourney({ ApplicationId, WriteJourneyRequest: { ...journey, StartActivity: 'x' } })).rejects.toThrow(/Invalid StartActivity "x": it must name one of the journey's Activities \(welcome, pause\)/);
  });

  it('created ACTIVE: published at once; listed, paged and deleted', async () => {
    const ApplicationId = await project(1);
    for (const Name of ['a', 'b', 'c']) await client.createJourney({ ApplicationId, WriteJourneyRequest: { ...journey, Name, State: 'ACTIVE' } });
    const pages: string[][] = [];
    for await (const page of paginateListJourneys(client, { ApplicationId, PageSize: '2' })) pages.push(page.JourneysResponse.Item.map((j) => `${j.Name}:${j.State}`));
    expect(pages).toEqual([['a:ACTIVE', 'b:ACTIVE'], ['c:ACTIVE']]);
    const JourneyId = (await client.listJourneys({ ApplicationId })).JourneysResponse.Item[0]!.Id;
    expect((await client.getJourneyRuns({ ApplicationId, JourneyId })).JourneyRunsResponse.Item).toHaveLength(1);
    expect((await client.deleteJourney({ ApplicationId, JourneyId })).JourneyResponse.Name).toBe('a');
    await expect(client.getJourney({ ApplicationId, JourneyId })).rejects.toBeInstanceOf(NotFoundException);
  });
});
