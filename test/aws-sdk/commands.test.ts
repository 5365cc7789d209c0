/**
 * Every one of the catalog's 122 operations, sent as a user does with `@aws-sdk/client-pinpoint` (`client.send(new
 * XCommand(input))`) through the guard plugin, against the testing kit's msw handlers: a deny-all policy lets nothing
 * reach the kit, an admin policy lets each one through.
 */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { guardPlugin } from 'pinpoint-guard/aws-sdk';
import { AccessDeniedError } from '../../src/errors/index.js';
import { createPinpointMock } from '../../src/testing/index.js';
import { ACCOUNT, ADMIN, DENY_ALL, OPERATIONS, REGION, sdkClient, sdkInput, sendOp } from './support.js';

const kit = createPinpointMock({ region: REGION, accountId: ACCOUNT });
const msw = setupServer(...kit.handlers);
beforeAll(() => msw.listen({ onUnhandledRequest: 'error' }));
afterEach(() => kit.reset());
afterAll(() => msw.close());

const guarded = (policy: object): ReturnType<typeof sdkClient> => {
  const client = sdkClient();
  client.middlewareStack.use(guardPlugin({ client, policy, accountId: ACCOUNT, lifecycle: 'off' }));
  return client;
};

describe('all 122 commands through the plugin', () => {
  it('covers every operation of the catalog', () => {
    expect(OPERATIONS).toHaveLength(122);
  });

  it('deny-all: every command throws AccessDeniedError (with $fault client, $metadata) and the kit sees nothing', async () => {
    const client = guarded(DENY_ALL);
    for (const spec of OPERATIONS) {
      const e = await sendOp(client, spec, sdkInput(spec)).then(() => undefined, (x: unknown) => x);
      expect(e, spec.name).toBeInstanceOf(AccessDeniedError);
      expect(e, spec.name).toMatchObject({ name: 'AccessDeniedError', operation: spec.name, action: spec.action, decision: 'ExplicitDeny', $fault: 'client', $metadata: { attempts: 0 } });
    }
    expect(kit.requests).toEqual([]);
  });

  it('admin: every command reaches the kit, once, as the operation it is', async () => {
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
