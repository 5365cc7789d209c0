/**
 * Testing app code against the in-memory Pinpoint through msw, with vitest:
 *
 *   npx vitest run examples/verify-phone.test.ts
 */
import { setupServer } from 'msw/node';
import { PinpointClient } from 'pinpoint-guard';
import { createPinpointMock } from 'pinpoint-guard/testing/msw';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { checkCode, sendCode } from './verify-phone.js';

const mock = createPinpointMock();
const server = setupServer(...mock.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => { server.resetHandlers(); mock.reset(); });
afterAll(() => server.close());

it('verifies a phone number with a code sent by SMS, retrying a throttle', async () => {
  const client = new PinpointClient({
    region: 'us-east-1', accountId: '123456789012', credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' },
    lifecycle: 'error', // an operation past Pinpoint's end of support would throw: this flow uses none
  });
  const { ApplicationResponse: app } = await client.createApp({ CreateApplicationRequest: { Name: 'test' } });
  const check = { applicationId: app.Id, from: '+12065550199', userId: 'u1', phone: '+12065550100' };
  mock.injectFault({ operation: 'SendOTPMessage', status: 429, retryAfter: 0 });
  await sendCode(client, check);
  const code = mock.sentOtpCode(check.phone); // the code the phone received
  const wrong = code.replace(/.$/, (d) => String((Number(d) + 1) % 10));
  expect(await checkCode(client, check, wrong)).toBe(false);
  expect(await checkCode(client, check, code)).toBe(true);
  expect(mock.requests.map((r) => r.status)).toEqual([201, 429, 200, 200, 200]);
});
