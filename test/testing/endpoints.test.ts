import { describe, expect, it } from 'vitest';
import { NotFoundException, BadRequestException } from '../../src/index.js';
import { useMock } from './support.js';

const { mock, client } = useMock();

describe('endpoints', () => {
  it('creates by update, merges, batches, reads per user and deletes', async () => {
    const ApplicationId = (await client.createApp({ CreateApplicationRequest: { Name: 'p' } })).ApplicationResponse.Id;
    const put = await client.updateEndpoint({ ApplicationId, EndpointId: 'e1', EndpointRequest: { ChannelType: 'SMS', Address: '+15555550100', User: { UserId: 'u1' } } });
    expect(put.$metadata.httpStatusCode).toBe(202);
    expect(put.MessageBody).toEqual({ Message: 'Accepted', RequestID: put.$metadata.requestId });
    await client.updateEndpoint({ ApplicationId, EndpointId: 'e1', EndpointRequest: { Attributes: { plan: ['pro'] } } });
    const e1 = (await client.getEndpoint({ ApplicationId, EndpointId: 'e1' })).EndpointResponse;
    expect(e1).toMatchObject({ Id: 'e1', ApplicationId, ChannelType: 'SMS', Address: '+15555550100', Attributes: { plan: ['pro'] }, EndpointStatus: 'ACTIVE', OptOut: 'NONE' });

    const batch = await client.updateEndpointsBatch({ ApplicationId, EndpointBatchRequest: { Item: [
      { Id: 'e2', ChannelType: 'EMAIL', Address: 'a@example.com', User: { UserId: 'u1' } },
      { Id: 'e3', ChannelType: 'EMAIL', Address: 'b@example.com', User: { UserId: 'u2' } },
    ] } });
    expect(batch.$metadata.httpStatusCode).toBe(202);
    const u1 = await client.getUserEndpoints({ ApplicationId, UserId: 'u1' });
    expect(u1.EndpointsResponse.Item.map((e) => e.Id)).toEqual(['e1', 'e2']);

    const deleted = await client.deleteUserEndpoints({ ApplicationId, UserId: 'u1' });
    expect(deleted.$metadata.httpStatusCode).toBe(202);
    expect(deleted.EndpointsResponse.Item.map((e) => e.Id)).toEqual(['e1', 'e2']);
    await expect(client.getUserEndpoints({ ApplicationId, UserId: 'u1' })).rejects.toBeInstanceOf(NotFoundException);

    expect((await client.deleteEndpoint({ ApplicationId, EndpointId: 'e3' })).EndpointResponse.Id).toBe('e3');
    await expect(client.getEndpoint({ ApplicationId, EndpointId: 'e3' })).rejects.toBeInstanceOf(NotFoundException);
    expect(mock.store.apps.get(ApplicationId)?.endpoints.size).toBe(0);
  });

  it('refuses a batch item without an Id', async () => {
    const ApplicationId = (await client.createApp({ CreateApplicationRequest: { Name: 'p' } })).ApplicationResponse.Id;
    const error = await client.updateEndpointsBatch({ ApplicationId, EndpointBatchRequest: { Item: [{ Id: 'a' }, { Address: 'x' }] } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestException);
    expect((error as Error).message).toBe('EndpointBatchRequest: the required member Item[1].Id is missing');
  });
});
