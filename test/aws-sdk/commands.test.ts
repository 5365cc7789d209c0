/**
 * Every one of the catalog's 122 operations, sent as a user does with `@aws-sdk/client-pinpoint` (`client.send(new
 * XCommand(input))`) through the guard plugin, against the testing kit — its msw handlers at the SDK's default
 * endpoint, and its HTTP server on 127.0.0.1: a deny-all policy lets nothing reach the kit, an admin policy lets each
 * one through.
 */
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardPlugin } from 'pinpoint-guard/aws-sdk';
import { AccessDeniedError } from '../../src/errors/index.js';
import { createPinpointMock, startPinpointMockServer, type PinpointMock, type PinpointMockServer } from '../../src/testing/index.js';
import { ACCOUNT, ADMIN, DENY_ALL, OPERATIONS, REGION, sdkClient, sdkInput, sendOp } from './support.js';

/** The kit and the SDK endpoint that reaches it, per transport. */
interface Transport { readonly kit: () => PinpointMock; readonly endpoint: () => string | undefined }

const mswKit = createPinpointMock({ region: REGION, accountId: ACCOUNT });
const msw = setupServer(...mswKit.handlers);
let server: PinpointMockServer;
beforeAll(async () => {
  msw.listen({ onUnhandledRequest: 'bypass' });
  server = await startPinpointMockServer({ region: REGION, accountId: ACCOUNT });
});
afterAll(async () => {
  msw.close();
  await server.close();
});

const TRANSPORTS: Readonly<Record<string, Transport>> = {
  'the msw handlers (default endpoint)': { kit: () => mswKit, endpoint: () => undefined },
  'the HTTP server (endpoint: server.url)': { kit: () => server.mock, endpoint: () => server.url },
};

describe.each(Object.entries(TRANSPORTS))('all 122 commands through the plugin, against %s', (_, transport) => {
  const guarded = (policy: object): ReturnType<typeof sdkClient> => {
    const endpoint = transport.endpoint();
    const client = sdkClient(endpoint ? { endpoint } : {});
    client.middlewareStack.use(guardPlugin({ client, policy, accountId: ACCOUNT, lifecycle: 'off' }));
    return client;
  };

  it('covers every operation of the catalog', () => {
    expect(OPERATIONS).toHaveLength(122);
  });

  it('deny-all: every command throws AccessDeniedError (with $fault client, $metadata) and the kit sees nothing', async () => {
    const kit = transport.kit();
    const client = guarded(DENY_ALL);
    const from = kit.requests.length;
    for (const spec of OPERATIONS) {
      const e = await sendOp(client, spec, sdkInput(spec)).then(() => undefined, (x: unknown) => x);
      expect(e, spec.name).toBeInstanceOf(AccessDeniedError);
      expect(e, spec.name).toMatchObject({ name: 'AccessDeniedError', operation: spec.name, action: spec.action, decision: 'ExplicitDeny', $fault: 'client', $metadata: { attempts: 0 } });
    }
    expect(kit.requests.slice(from)).toEqual([]);
  });

  it('admin: every command reaches the kit, once, as the operation it is', async () => {
    const kit = transport.kit();
    const client = guarded(ADMIN);
    for (const spec of OPERATIONS) {
      const before = kit.requests.length;
      // The kit answers each as Pinpoint would (200, or 400/404 for ids that do not exist): the request was sent.
      const e = await sendOp(client, spec, sdkInput(spec)).then(() => undefined, (x: unknown) => x);
      expect(e instanceof AccessDeniedError, `${spec.name}: ${String(e)}`).toBe(false);
      expect(kit.requests.slice(before).map((r) => r.operation), spec.name).toEqual([spec.name]);
    }
  });
});
