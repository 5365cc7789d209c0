/**
 * The kit's msw handlers bound a request body as its HTTP servers do: past `maxRequestBytes` the answer is AWS's 413
 * (PayloadTooLargeException for Pinpoint, RequestEntityTooLarge for IAM/STS), the emulation never sees the request,
 * and the next one is served.
 */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PayloadTooLargeException } from '../../src/index.js';
import { createPinpointMock, startPinpointMockServer } from '../../src/testing/index.js';
import { createIamMock } from '../../src/testing/iam/index.js';
import { newClient } from './support.js';

const CAP = 4096;
const pinpoint = createPinpointMock({ maxRequestBytes: CAP });
const iam = createIamMock({ maxRequestBytes: CAP });
const msw = setupServer(...pinpoint.handlers, ...iam.handlers);
beforeAll(() => msw.listen({ onUnhandledRequest: 'error' }));
afterEach(() => { pinpoint.reset(); iam.reset(); });
afterAll(() => msw.close());

/** A CreateApp body of exactly `bytes` bytes. */
const createAppBody = (bytes: number): string => {
  const frame = JSON.stringify({ Name: '' });
  return JSON.stringify({ Name: 'x'.repeat(bytes - frame.length) });
};

describe("the Pinpoint mock's msw handlers cap request bodies", () => {
  it('a body past the cap is 413 PayloadTooLargeException, as AWS answers; the mock never sees it, and the client still works', async () => {
    const client = newClient();
    const err = await client.createApp({ CreateApplicationRequest: { Name: 'x'.repeat(CAP) } }).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(PayloadTooLargeException);
    expect(err).toMatchObject({ status: 413, message: `Request body is larger than the mock's limit of ${CAP} bytes (maxRequestBytes)` });
    expect(pinpoint.requests).toEqual([]);
    await expect(client.createApp({ CreateApplicationRequest: { Name: 'shop' } })).resolves.toMatchObject({ ApplicationResponse: { Name: 'shop' } });
  });

  it('a body of exactly the cap is served; one byte more is not (counted in bytes, not characters)', async () => {
    const post = (body: string): Promise<Response> => fetch('https://pinpoint.us-east-1.amazonaws.com/v1/apps', { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    const unsigned = createPinpointMock({ maxRequestBytes: CAP, checkAuthorization: false });
    msw.use(...unsigned.handlers);
    expect((await post(createAppBody(CAP))).status).toBe(201);
    expect((await post(createAppBody(CAP + 1))).status).toBe(413);
    // "é" is two bytes in UTF-8: a body of CAP - 10 characters holding 20 of them is CAP + 10 bytes.
    const wide = JSON.stringify({ Name: `${'é'.repeat(20)}${'x'.repeat(CAP - 10 - 20 - JSON.stringify({ Name: '' }).length)}` });
    expect(wide.length).toBe(CAP - 10);
    expect((await post(wide)).status).toBe(413);
    expect(unsigned.requests).toHaveLength(1);
    msw.resetHandlers();
  });

  it('maxRequestBytes must be a non-negative integer, named in the error', () => {
    expect(() => createPinpointMock({ maxRequestBytes: -1 })).toThrow('maxRequestBytes: expected a non-negative integer (bytes), got -1');
    expect(() => createIamMock({ maxRequestBytes: 1.5 })).toThrow('maxRequestBytes: expected a non-negative integer (bytes), got 1.5');
  });

  it("startPinpointMockServer's maxRequestBytes caps the mock it creates through msw as well", async () => {
    const server = await startPinpointMockServer({ maxRequestBytes: 100 });
    try {
      const local = setupServer(...server.mock.handlers);
      msw.close();
      local.listen({ onUnhandledRequest: 'error' });
      try {
        const status = (await fetch('https://pinpoint.us-east-1.amazonaws.com/v1/apps', { method: 'POST', body: createAppBody(101) })).status;
        expect(status).toBe(413);
      } finally {
        local.close();
        msw.listen({ onUnhandledRequest: 'error' });
      }
    } finally {
      await server.close();
    }
  });
});

describe("the IAM mock's msw handlers cap request bodies", () => {
  it('a body past the cap is 413 RequestEntityTooLarge in IAM\'s XML; the mock never sees it', async () => {
    const answer = await fetch('https://iam.amazonaws.com/', { method: 'POST', body: `Action=GetRole&RoleName=${'r'.repeat(CAP)}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(answer.status).toBe(413);
    expect(await answer.text()).toBe(`<ErrorResponse><Error><Type>Sender</Type><Code>RequestEntityTooLarge</Code><Message>Request body is larger than the mock's limit of ${CAP} bytes (maxRequestBytes)</Message></Error></ErrorResponse>`);
    expect(iam.requests).toEqual([]);
  });
});
