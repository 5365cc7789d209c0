/**
 * checkPermission and permissionMatrix take a loaded principal's keys as the client's guard takes them: what it
 * states and every key it names as known (aws:PrincipalTag/*) are facts, absence included, and the caller's context
 * cannot override them. Without the principal such a key is unknown and the answer is Conditional.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { operations } from '../../generated/operations.js';
import { bindCall } from '../../src/client/bind.js';
import type { OperationSpec } from '../../src/client/spec.js';
import { Guard } from '../../src/guard/guard.js';
import { parsePolicy } from '../../src/policy/index.js';
import type { LoadedPrincipal } from '../../src/principal/types.js';
import { checkPermission, permissionMatrix, ToolingInputError } from '../../src/tooling/index.js';

const REGION = 'us-east-1';
const ACCOUNT = '123456789012';
const ENV = { region: REGION, accountId: ACCOUNT };
const ROLE = `arn:aws:iam::${ACCOUNT}:role/backend`;

const abac = (team: string) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'mobiletargeting:GetApp', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/team': team } } }],
});

/** A role session's principal as loadPrincipal returns it: its tags known (given as session tags), absence included. */
function principal(tags: Readonly<Record<string, string>>, policy: object = abac('growth')): LoadedPrincipal {
  return {
    principalArn: ROLE, principalType: 'AssumedRole', accountId: ACCOUNT,
    policySet: { policies: [parsePolicy(JSON.stringify(policy))] },
    context: { 'aws:PrincipalArn': ROLE, 'aws:PrincipalAccount': ACCOUNT, ...Object.fromEntries(Object.entries(tags).map(([k, v]) => [`aws:PrincipalTag/${k}`, v])) },
    knownKeys: ['aws:PrincipalArn', 'aws:PrincipalAccount', 'aws:PrincipalTag/*'],
    sources: [], notLoaded: [], loadedAt: new Date(),
  } as unknown as LoadedPrincipal;
}

describe('the tools decide with a principal as the client does', () => {
  const getApp = { ...ENV, operation: 'GetApp', input: { ApplicationId: 'a1' } };

  it('a tag the principal does not have is absent (ImplicitDeny), not unknown (Conditional as without the principal)', () => {
    expect(checkPermission({ policies: [abac('growth')], ...getApp }).decision).toBe('Conditional');
    expect(checkPermission({ policies: [abac('growth')], ...getApp, principal: principal({}) }).decision).toBe('ImplicitDeny');
    expect(checkPermission({ policies: [abac('growth')], ...getApp, principal: principal({ team: 'growth' }) }).decision).toBe('Allow');
  });

  it("the caller's context cannot override the principal's keys", () => {
    const context = { 'aws:PrincipalTag/team': 'growth', 'AWS:principaltag/TEAM': 'growth' };
    expect(checkPermission({ policies: [abac('growth')], ...getApp, context, principal: principal({}) }).decision).toBe('ImplicitDeny');
    expect(checkPermission({ policies: [abac('growth')], ...getApp, context, principal: principal({ team: 'billing' }) }).decision).toBe('ImplicitDeny');
  });

  it("permissionMatrix's cells read the principal's keys as facts too", () => {
    const cell = (p?: LoadedPrincipal) => permissionMatrix({ policies: [abac('growth')], ...ENV, resources: { ApplicationId: 'a1' }, ...(p ? { principal: p } : {}) })
      .groups.flatMap((g) => g.cells).find((c) => c.action === 'mobiletargeting:GetApp')!.decision;
    expect([cell(), cell(principal({})), cell(principal({ team: 'growth' }))]).toEqual(['Conditional', 'ImplicitDeny', 'Allow']);
  });

  it('a principal that is not one is refused, naming the field', () => {
    expect(() => checkPermission({ policies: [abac('growth')], ...getApp, principal: { context: {} } as never })).toThrow(ToolingInputError);
    expect(() => checkPermission({ policies: [abac('growth')], ...getApp, principal: null as never })).toThrow('principal: expected a LoadedPrincipal (from loadPrincipal) or { context, knownKeys }');
  });

  it('property: checkPermission with a principal gives the decision the client\'s guard gives with that principal', async () => {
    const specs = [operations.GetApp, operations.GetSegment, operations.DeleteApp] as readonly OperationSpec[];
    const tagValue = fc.constantFrom('growth', 'billing');
    const condition = fc.constantFrom<Record<string, Record<string, unknown>> | undefined>(
      undefined,
      { StringEquals: { 'aws:PrincipalTag/team': 'growth' } },
      { StringNotEquals: { 'aws:PrincipalTag/team': 'growth' } },
      { Null: { 'aws:PrincipalTag/cost': 'true' } },
      { StringLike: { 'aws:PrincipalArn': `arn:aws:iam::${ACCOUNT}:role/*` } },
      { StringEquals: { 'aws:username': 'ana' } },
    );
    const statement = fc.record({ effect: fc.constantFrom('Allow', 'Allow', 'Deny'), action: fc.constantFrom('mobiletargeting:*', 'mobiletargeting:Get*', 'mobiletargeting:DeleteApp'), condition })
      .map((s) => ({ Effect: s.effect, Action: s.action, Resource: '*', ...(s.condition ? { Condition: s.condition } : {}) }));
    await fc.assert(fc.asyncProperty(
      fc.constantFrom(...specs), fc.array(statement, { minLength: 1, maxLength: 3 }), fc.dictionary(fc.constantFrom('team', 'cost'), tagValue, { maxKeys: 2 }),
      async (spec, Statement, tags) => {
        const policy = { Version: '2012-10-17', Statement };
        const p = principal(tags, policy);
        const input = Object.fromEntries(spec.labels.map((l) => [l, 'a1']));
        const quiet = { debug: () => undefined, warn: () => undefined };
        const guard = new Guard({ region: REGION, accountId: ACCOUNT, principal: p, credentials: { accessKeyId: 'AKID', secretAccessKey: 's' }, logger: quiet }, {
          credentials: async () => ({ accessKeyId: 'AKID', secretAccessKey: 's' }), logger: quiet, secureTransport: true, callerAccount: async () => ACCOUNT,
        });
        const client = await guard.decide(bindCall(spec, input));
        const tool = checkPermission({ policies: [policy], ...ENV, operation: spec.name, input, principal: p });
        expect(tool.decision).toBe(client.decision.decision);
      },
    ), { numRuns: 300 });
  });
});
