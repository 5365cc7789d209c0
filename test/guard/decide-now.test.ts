/**
 * The guard decides a call at once (no await) when nothing is to be waited for, and awaits otherwise: both ways
 * must give the same decision. Property test over random operations, policies, inputs and caller context, with the
 * account from the config and from STS (once STS has answered), and with a loaded principal.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { operations } from '../../generated/operations.js';
import { bindCall } from '../../src/client/bind.js';
import type { OperationSpec } from '../../src/client/spec.js';
import type { ClientConfig } from '../../src/client/types.js';
import { Guard, type GuardIo } from '../../src/guard/guard.js';
import { ACCOUNT, CREDENTIALS, REGION } from '../client/support.js';
import { callerContext, inputFor, statement } from './arbitraries.js';

const specs = Object.values(operations) as readonly OperationSpec[];
const quiet = { debug: () => undefined, warn: () => undefined };

const caseFor = fc.constantFrom(...specs).chain((spec) => fc.record({
  spec: fc.constant(spec),
  input: inputFor(spec),
  policy: fc.array(statement(spec), { minLength: 1, maxLength: 4 }).map((Statement) => ({ Version: '2012-10-17', Statement })),
  context: callerContext,
  fromSts: fc.boolean(),
}));

/** What a decision is, or the refusal of the input, as a comparable value. */
const settle = async (decide: () => unknown): Promise<unknown> => {
  try {
    return await decide();
  } catch (e) {
    return `${(e as Error).name}: ${(e as Error).message}`;
  }
};

describe('Guard.decideNow', () => {
  it('gives the decision decide gives, once the account is known (config or STS answered)', async () => {
    await fc.assert(fc.asyncProperty(caseFor, async ({ spec, input, policy, context, fromSts }) => {
      let stsCalls = 0;
      const io: GuardIo = {
        credentials: async () => ({ ...CREDENTIALS }), logger: quiet, secureTransport: true,
        callerAccount: async () => { stsCalls++; return ACCOUNT; },
      };
      const config: ClientConfig = { region: REGION, policy, logger: quiet, ...(fromSts ? {} : { accountId: ACCOUNT }) };
      const guard = new Guard(config, io);
      let bound;
      try {
        bound = bindCall(spec, input);
      } catch {
        return; // refused before the guard: nothing to decide
      }
      const call = context ? { context } : {};
      // Before STS has answered there is nothing to decide with at once.
      if (fromSts) expect(guard.decideNow(bound, call)).toBeUndefined();
      const awaited = await settle(() => guard.decide(bound, call));
      const now = await settle(() => guard.decideNow(bound, call));
      expect(now).not.toBeUndefined();
      const strip = (o: unknown) => (typeof o === 'object' && o !== null ? { ...(o as object), context: undefined } : o);
      expect(strip(now)).toEqual(strip(awaited));
      expect(stsCalls).toBe(fromSts ? 1 : 0);
    }), { numRuns: 500 });
  }, 120_000);
});
