/**
 * The plugin decides through the one guard: on the guard's own parity scenarios (test/guard/arbitraries.ts: random
 * policies with Allow/Deny, NotAction/NotResource and conditions on guard-set, request-tag, caller-supplied,
 * session-derived and unknowable keys; ids, ARNs in other accounts and Regions, request tags; caller context) over
 * every operation, with either answer to an uncertain decision, an SDK client with the plugin
 * and the project's own client with the same configuration come to the same outcome — sent, or the same error with
 * the same decision — and the testing kit sees the same requests.
 */
import fc from 'fast-check';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardPlugin } from 'pinpoint-guard/aws-sdk';
import { PinpointClient } from '../../generated/client.js';
import type { ClientConfig } from '../../src/client/types.js';
import { createPinpointMock } from '../../src/testing/index.js';
import { callerContext, inputFor, statement } from '../guard/arbitraries.js';
import { ACCOUNT, OPERATIONS, REGION, keysProvider, outcome, sdkClient, sendOp } from './support.js';

const kit = createPinpointMock({ region: REGION, accountId: ACCOUNT });
const msw = setupServer(...kit.handlers);
beforeAll(() => msw.listen({ onUnhandledRequest: 'error' }));
afterAll(() => msw.close());

const silent = { debug: (): void => {}, warn: (): void => {} };

/** The guard's parity scenarios (test/guard/arbitraries.ts), with either answer to an uncertain decision. */
const scenario = fc.constantFrom(...OPERATIONS).chain((spec) => fc.record({
  spec: fc.constant(spec),
  statements: fc.array(statement(spec), { minLength: 1, maxLength: 3 }),
  input: inputFor(spec),
  context: callerContext,
  whenUncertain: fc.constantFrom<'deny' | 'send'>('deny', 'deny', 'send'),
}));

describe('the plugin and the project client agree', () => {
  it('on random policies, operations, inputs and caller context', async () => {
    const seen = new Map<string, number>();
    await fc.assert(fc.asyncProperty(scenario, async ({ spec, statements, input, context, whenUncertain }) => {
      const policy = { Version: '2012-10-17', Statement: statements };
      const guard = { policy, accountId: ACCOUNT, lifecycle: 'off' as const, logger: silent, whenUncertain, ...(context ? { context } : {}) };

      const sdk = sdkClient();
      sdk.middlewareStack.use(guardPlugin({ client: sdk, ...guard }));
      const fromSdk = kit.requests.length;
      const viaPlugin = await outcome(() => sendOp(sdk, spec, input));
      const sdkSaw = kit.requests.slice(fromSdk).map((r) => r.operation);

      const ours = new PinpointClient({ region: REGION, credentials: keysProvider, mode: 'enforce', ...guard } as ClientConfig<'enforce'>);
      const fromOurs = kit.requests.length;
      const viaClient = await outcome(() => (ours as unknown as Record<string, (i: unknown) => Promise<unknown>>)[spec.name.charAt(0).toLowerCase() + spec.name.slice(1)]!(input));
      const oursSaw = kit.requests.slice(fromOurs).map((r) => r.operation);

      expect({ op: spec.name, outcome: viaPlugin, sent: sdkSaw }).toEqual({ op: spec.name, outcome: viaClient, sent: oursSaw });
      seen.set(viaPlugin.split(':')[0]!, (seen.get(viaPlugin.split(':')[0]!) ?? 0) + 1);
    }), { numRuns: Number(process.env.PARITY_RUNS ?? 400) });
    // The scenarios reach every outcome: sent, denied, uncertain and refused as bad input.
    expect([...seen.keys()].sort()).toEqual(['AccessDeniedError', 'UncertainDecisionError', 'ValidationError', 'sent']);
  });
});
