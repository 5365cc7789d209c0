/**
 * Testing app code against the in-memory Pinpoint through msw, with vitest:
 *
 *   npx vitest run examples/register-user.test.ts
 */
import { setupServer } from 'msw/node';
import { PinpointClient } from 'pinpoint-guard';
import { createPinpointMock } from 'pinpoint-guard/testing';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { registerUser } from './register-user.js';

const mock = createPinpointMock();
const server = setupServer(...mock.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => { server.resetHandlers(); mock.reset(); });
afterAll(() => server.close());

it('registers the user as an SMS endpoint, retrying a throttle', async () => {
  const client = new PinpointClient({
    region: 'us-east-1', accountId: '123456789012', credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' },
  });
  const { ApplicationResponse: app } = await client.createApp({ CreateApplicationRequest: { Name: 'test' } });
  mock.injectFault({ operation: 'UpdateEndpoint', status: 429, retryAfter: 0 });
  await registerUser(client, app.Id, { id: 'u1', phone: '+12065550100' });
  expect(mock.store.apps.get(app.Id)?.endpoints.get('u1')).toMatchObject({ Address: '+12065550100', ChannelType: 'SMS' });
  expect(mock.requests.map((r) => r.status)).toEqual([201, 429, 202]);
});
