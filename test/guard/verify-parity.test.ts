/**
 * verifyWithAws's guard column is the guard's decision: for random policies, the column equals checkPermission's
 * decision on the same action and ARN (the guard's facts — time, Region, TLS — and its unknown keys included), and
 * the simulator is asked with the same context. AWS's answers come from the emulated IAM (the testing kit).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operations } from '../../generated/operations.js';
import type { OperationSpec } from '../../src/client/spec.js';
import { verifyWithAws } from '../../src/principal/verify.js';
import { checkPermission } from '../../src/tooling/check.js';
import { startIamMockServer, type IamMockServer } from '../../src/testing/iam/index.js';
import { ACCOUNT, REGION } from '../client/support.js';
import { BACKEND_KEYS, iamOptions } from '../principal/support.js';
import { callerContext, resourcePath, statement } from './arbitraries.js';

const APP_ARN = `arn:aws:mobiletargeting:${REGION}:${ACCOUNT}:apps/a1`;
const allowAll = (extra: object[] = []) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'mobiletargeting:*', Resource: '*' }, ...extra] });
const spelled = { Allow: 'allowed', ExplicitDeny: 'explicitDeny', ImplicitDeny: 'implicitDeny', Conditional: 'conditional' } as const;
const specs = Object.values(operations) as readonly OperationSpec[];

describe("verifyWithAws's guard column is the guard's decision", () => {
  let server: IamMockServer;
  beforeAll(async () => {
    server = await startIamMockServer(iamOptions());
    server.mock.simulator = () => 'allowed';
  });
  afterAll(() => server.close());

  it("equals checkPermission's on the same action and ARN: the guard's facts and unknown keys included", async () => {
    const policy = allowAll([
      { Effect: 'Deny', Action: 'mobiletargeting:DeleteApp', Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': REGION } } },
      { Effect: 'Deny', Action: 'mobiletargeting:GetApp', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
      { Effect: 'Deny', Action: 'mobiletargeting:UpdateApplicationSettings', Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } },
      { Effect: 'Deny', Action: 'mobiletargeting:GetApps', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } },
    ] as object[]);
    const actions = ['mobiletargeting:DeleteApp', 'mobiletargeting:GetApp', 'mobiletargeting:UpdateApplicationSettings', 'mobiletargeting:GetApps', 'mobiletargeting:CreateCampaign'];
    const result = await verifyWithAws({ region: REGION, credentials: BACKEND_KEYS, iamEndpoint: server.url, policySet: { policies: [policy] }, actions, resources: [APP_ARN] });
    const guard = result.pairs.map((p) => p.guard);
    const expected = actions.map((action) => spelled[checkPermission({ policies: [policy], region: REGION, accountId: ACCOUNT, action, resource: APP_ARN }).decision]);
    expect(guard).toEqual(expected);
    // The Region and TLS are facts (Allow), the MFA and source address keys unknown (Conditional).
    expect(guard).toEqual(['allowed', 'allowed', 'conditional', 'conditional', 'allowed']);
    // The simulator is asked with the guard's own facts.
    const sim = server.mock.requests.find((r) => r.action === 'SimulateCustomPolicy')!;
    const names = Object.entries(sim.params).filter(([k]) => /ContextEntries\.member\.\d+\.ContextKeyName$/.test(k)).map(([, v]) => v);
    expect(names).toEqual(expect.arrayContaining(['aws:CurrentTime', 'aws:RequestedRegion', 'aws:SecureTransport']));
  });

  it('on random policies, actions, ARNs and caller context: the guard column is checkPermission\'s decision', async () => {
    await fc.assert(fc.asyncProperty(
      fc.constantFrom(...specs.map((s) => s.name)).chain((name) => {
        const spec = operations[name as keyof typeof operations] as OperationSpec;
        return fc.record({
          action: fc.constant(spec.action),
          resource: fc.tuple(fc.constantFrom(REGION, 'eu-west-1'), fc.constantFrom(ACCOUNT, '999999999999'), resourcePath).map(([r, a, p]) => `arn:aws:mobiletargeting:${r}:${a}:${p}`),
          policy: fc.array(statement(spec), { minLength: 1, maxLength: 4 }).map((Statement) => ({ Version: '2012-10-17', Statement })),
          context: callerContext,
        });
      }),
      async ({ action, resource, policy, context }) => {
        const result = await verifyWithAws({ region: REGION, credentials: BACKEND_KEYS, iamEndpoint: server.url, policySet: { policies: [policy] }, pairs: [{ action, resource }], ...(context ? { context } : {}) });
        const checked = checkPermission({ policies: [policy], region: REGION, accountId: ACCOUNT, action, resource, ...(context ? { context } : {}) });
        expect(result.pairs[0]!.guard).toBe(spelled[checked.decision]);
      },
    ), { numRuns: 40 });
  }, 300_000);
});
