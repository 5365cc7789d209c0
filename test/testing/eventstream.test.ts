import { describe, expect, it } from 'vitest';
import { NotFoundException } from '../../src/index.js';
import { useMock } from './support.js';

const { client } = useMock();

describe('event stream', () => {
  it('puts, gets and deletes the stream, then answers NotFoundException', async () => {
    const ApplicationId = (await client.createApp({ CreateApplicationRequest: { Name: 'p' } })).ApplicationResponse.Id;
    await expect(client.getEventStream({ ApplicationId })).rejects.toBeInstanceOf(NotFoundException);
    const WriteEventStream = { DestinationStreamArn: 'arn:aws:kinesis:us-east-1:123456789012:stream/s', RoleArn: 'arn:aws:iam::123456789012:role/r' };
    const put = await client.putEventStream({ ApplicationId, WriteEventStream });
    expect(put.EventStream).toMatchObject({ ApplicationId, ...WriteEventStream });
    expect((await client.getEventStream({ ApplicationId })).EventStream).toEqual(put.EventStream);
    expect((await client.deleteEventStream({ ApplicationId })).EventStream).toEqual(put.EventStream);
    await expect(client.deleteEventStream({ ApplicationId })).rejects.toBeInstanceOf(NotFoundException);
  });
});
