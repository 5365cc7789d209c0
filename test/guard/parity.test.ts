/**
 * Parity (property test): every path decides through the one guard, so for any operation, policy and input an
 * enforcing client (what msw sees it send), a dry-run client and checkPermission give the same outcome — the same
 * decision, or the same refusal of the input (ValidationError naming the same member). Policies draw Allow/Deny,
 * Action/NotAction, Resource/NotResource and conditions on guard-set, request-tag, caller-supplied, session-derived
 * and unknowable keys; inputs draw ids, ARNs in this and other accounts and Regions, and request tags.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { operations } from '../../generated/operations.js';
import type { OperationSpec } from '../../src/client/spec.js';
import type { DryRunResult } from '../../src/client/types.js';
import { AccessDeniedError, UncertainDecisionError } from '../../src/errors/guard.js';
import { ValidationError } from '../../src/errors/validation.js';
import { checkPermission } from '../../src/tooling/check.js';
import { ACCOUNT, CREDENTIALS, REGION, callByName, makeClient, useWire } from '../client/support.js';
import { callerContext, inputFor, statement } from './arbitraries.js';

const wire = useWire();
const specs = Object.values(operations) as readonly OperationSpec[];

const caseFor = fc.constantFrom(...specs.map((s) => s.name)).chain((name) => { const spec = operations[name as keyof typeof operations] as OperationSpec; return fc.record({
  operation: fc.constant(name),
  input: inputFor(spec),
  policy: fc.array(statement(spec), { minLength: 1, maxLength: 4 }).map((Statement) => ({ Version: '2012-10-17', Statement })),
  context: callerContext,
}); });

type Outcome = string;
const refused = (e: unknown): Outcome => {
  if (e instanceof ValidationError) return `invalid ${e.member}`;
  throw e;
};

describe('parity: the enforcing client, the dry-run client and checkPermission decide alike', () => {
  it('on random operations, policies and inputs: same decision, same refusals, and the enforcing client sends exactly when it is Allow', async () => {
    // A provider function: the guard cannot tell long-term keys from a session, as checkPermission cannot.
    const credentials = async () => ({ ...CREDENTIALS });
    wire.pinpoint();
    await fc.assert(fc.asyncProperty(caseFor, async ({ operation, input, policy, context }) => {
      const spec = operations[operation as keyof typeof operations] as OperationSpec;
      const options = context ? { context } : undefined;
      const before = wire.requests.length;
      const enforced: Outcome = await callByName(makeClient({ policy, credentials }), spec.name, input, options).then(
        () => 'Allow',
        (e: unknown) => (e instanceof UncertainDecisionError ? 'Conditional' : e instanceof AccessDeniedError ? e.decision : refused(e)),
      );
      const sent = wire.requests.length - before;
      const dry: Outcome = await callByName(makeClient({ policy, credentials, mode: 'dry-run' }), spec.name, input, options).then(
        (r) => (r as DryRunResult).decision.decision,
        refused,
      );
      let checked: Outcome;
      try {
        checked = checkPermission({ policies: [policy], region: REGION, accountId: ACCOUNT, operation: spec.name, input, ...(context ? { context } : {}) }).decision;
      } catch (e) {
        checked = refused(e);
      }
      expect({ dry, checked }).toEqual({ dry: enforced, checked: enforced });
      expect(sent).toBe(enforced === 'Allow' ? 1 : 0);
    }), { numRuns: 1000 });
  }, 600_000);
});
