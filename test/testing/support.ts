/** Shared setup: a mock behind msw (strict), and the real generated client pointed at Pinpoint's public endpoint. */
import { afterAll, afterEach, beforeAll } from 'vitest';
import { setupServer } from 'msw/node';
import { PinpointClient, type ClientConfig } from '../../src/index.js';
import { createPinpointMock, type PinpointMock, type PinpointMockOptions } from '../../src/testing/index.js';

export const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } as const;

export function newClient(config: Partial<ClientConfig<'off'>> = {}): PinpointClient<'off'> {
  return new PinpointClient<'off'>({ region: 'us-east-1', accountId: '123456789012', credentials, lifecycle: 'off', mode: 'off', retry: { baseDelayMs: 1 }, ...config });
}

/** A mock served by msw for the file's tests; the store and request log are emptied after each test. */
export function useMock(options?: PinpointMockOptions): { readonly mock: PinpointMock; readonly client: PinpointClient<'off'> } {
  const mock = createPinpointMock(options);
  const server = setupServer(...mock.handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    mock.reset();
  });
  afterAll(() => server.close());
  return { mock, client: newClient() };
}
