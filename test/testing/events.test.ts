import { describe, expect, it } from 'vitest';
import { BadRequestException } from '../../src/index.js';
import { useMock } from './support.js';

const { mock, client } = useMock();

describe('PutEvents', () => {
  it('updates each batch\'s endpoint, records valid events, and answers per endpoint and per event', async () => {
    const ApplicationId = (await client.createApp({ CreateApplicationRequest: { Name: 'e' } })).ApplicationResponse.Id;
    const res = await client.putEvents({
      ApplicationId,
      EventsRequest: {
        BatchItem: {
          device: {
            Endpoint: { ChannelType: 'APNS', Address: 'token', Attributes: { plan: ['pro'] } },
            Events: { ok: { EventType: 'session.start', Timestamp: '2026-11-29T10:00:00Z' }, bad: { EventType: 'x', Timestamp: 'yesterday' } },
          },
        },
      },
    });
    expect(res.$metadata.httpStatusCode).toBe(202);
    expect(res.EventsResponse.Results).toEqual({
      device: {
        EndpointItemResponse: { Message: 'Accepted', StatusCode: 202 },
        EventsItemResponse: { ok: { Message: 'Accepted', StatusCode: 202 }, bad: { Message: 'Event is missing a valid Timestamp (ISO 8601)', StatusCode: 400 } },
      },
    });
    const stored = mock.store.apps.get(ApplicationId);
    expect(stored?.events.map((e) => [e.endpointId, e.eventId, e.event.EventType])).toEqual([['device', 'ok', 'session.start']]);
    expect((await client.getEndpoint({ ApplicationId, EndpointId: 'device' })).EndpointResponse).toMatchObject({ ChannelType: 'APNS', Address: 'token', Attributes: { plan: ['pro'] } });
  });
});

describe('RemoveAttributes', () => {
  it.each([
    ['endpoint-custom-attributes', (e: Record<string, unknown>) => e.Attributes],
    ['endpoint-metric-attributes', (e: Record<string, unknown>) => e.Metrics],
    ['endpoint-user-attributes', (e: Record<string, unknown>) => (e.User as Record<string, unknown>).UserAttributes],
  ])('%s: removes the named attributes from every endpoint and answers the names it removed', async (AttributeType, read) => {
    const ApplicationId = (await client.createApp({ CreateApplicationRequest: { Name: 'a' } })).ApplicationResponse.Id;
    for (const EndpointId of ['e1', 'e2']) {
      await client.updateEndpoint({
        ApplicationId, EndpointId,
        EndpointRequest: { Attributes: { color: ['red'], size: ['m'] }, Metrics: { color: 1, size: 2 }, User: { UserId: 'u', UserAttributes: { color: ['red'], size: ['m'] } } },
      });
    }
    const res = await client.removeAttributes({ ApplicationId, AttributeType, UpdateAttributesRequest: { Blacklist: ['color', 'absent'] } });
    expect(res.AttributesResource).toEqual({ ApplicationId, AttributeType, Attributes: ['color'] });
    for (const EndpointId of ['e1', 'e2']) {
      const endpoint = (await client.getEndpoint({ ApplicationId, EndpointId })).EndpointResponse as unknown as Record<string, unknown>;
      expect(Object.keys(read(endpoint) as object)).toEqual(['size']);
    }
  });

  it('refuses an attribute type Pinpoint does not have', async () => {
    const ApplicationId = (await client.createApp({ CreateApplicationRequest: { Name: 'a' } })).ApplicationResponse.Id;
    const error = await client.removeAttributes({ ApplicationId, AttributeType: 'colors', UpdateAttributesRequest: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestException);
    expect((error as Error).message).toMatch(/Invalid AttributeType "colors": valid values are endpoint-custom-attributes, endpoint-metric-attributes, endpoint-user-attributes/);
  });
});
