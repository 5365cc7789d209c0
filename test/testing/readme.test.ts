// The README's example, kept runnable: an app's own code tested against the kit, as a user would write it.
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { PinpointClient } from '../../src/index.js';
import { createPinpointMock } from '../../src/testing/index.js';

/** The "app code" under test. */
async function registerUser(client: PinpointClient<'off'>, ApplicationId: string, user: { id: string; phone: string }): Promise<void> {
  await client.updateEndpoint({ ApplicationId, EndpointId: user.id, EndpointRequest: { ChannelType: 'SMS', Address: user.phone, User: { UserId: user.id } } });
}

const mock = createPinpointMock();
const server = setupServer(...mock.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => { server.resetHandlers(); mock.reset(); });
afterAll(() => server.close());

it('registers the user as an SMS endpoint, retrying a throttle', async () => {
  const client = new PinpointClient({ region: 'us-east-1', accountId: '123456789012', credentials: { accessKeyId: 'AKID', secretAccessKey: 'x' }, mode: 'off', lifecycle: 'off' });
  const { ApplicationResponse: app } = await client.createApp({ CreateApplicationRequest: { Name: 'test' } });
  mock.injectFault({ operation: 'UpdateEndpoint', status: 429, retryAfter: 0 });
  await registerUser(client, app.Id, { id: 'u1', phone: '+12065550100' });
  expect(mock.store.apps.get(app.Id)?.endpoints.get('u1')).toMatchObject({ Address: '+12065550100', ChannelType: 'SMS' });
  expect(mock.requests.map((r) => r.status)).toEqual([201, 429, 202]);
});
