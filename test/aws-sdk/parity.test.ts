/**
 * The plugin decides through the one guard: on random policies (Allow/Deny, NotAction/NotResource, conditions on
 * guard-set, caller-supplied, session-derived and request-tag keys), random operations and inputs (ids, ARNs in
 * other accounts and Regions, template types, request tags) and random caller context, an SDK client with the plugin
 * and the project's own client with the same configuration come to the same outcome — sent, or the same error with
 * the same decision — and the testing kit sees the same requests.
 */
import fc from 'fast-check';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardPlugin } from 'pinpoint-guard/aws-sdk';
import { PinpointClient } from '../../generated/client.js';
import type { OperationSpec } from '../../src/client/spec.js';
import type { ClientConfig } from '../../src/client/types.js';
import { createPinpointMock } from '../../src/testing/index.js';
import { ACCOUNT, OPERATIONS, REGION, keysProvider, outcome, sdkClient, sdkInput, sendOp } from './support.js';

const kit = createPinpointMock({ region: REGION, accountId: ACCOUNT });
const msw = setupServer(...kit.handlers);
beforeAll(() => msw.listen({ onUnhandledRequest: 'error' }));
afterAll(() => msw.close());

const silent = { debug: (): void => {}, warn: (): void => {} };
const own = `arn:aws:mobiletargeting:${REGION}:${ACCOUNT}`;

const actionPattern = (spec: OperationSpec): fc.Arbitrary<string> => fc.constantFrom(
  '*', 'mobiletargeting:*', 'mobiletargeting:Get*', 'mobiletargeting:Create*', 'mobiletargeting:*Template*', spec.action, spec.action.toLowerCase(), 'sms-voice:*',
);
const resourcePattern = fc.constantFrom(
  '*', `${own}:*`, `${own}:apps/*`, `${own}:apps/id-ApplicationId`, `${own}:apps/id-ApplicationId/*`, `${own}:templates/*`, `${own}:templates/*/SMS`,
  'arn:aws:mobiletargeting:eu-west-1:*:*', `arn:aws:mobiletargeting:${REGION}:999999999999:*`, `${own}:recommenders/*`, 'arn:aws:mobiletargeting:*:*:*',
);
const condition = fc.constantFrom<object | undefined>(
  undefined,
  { StringEquals: { 'aws:RequestedRegion': REGION } },
  { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } },
  { Bool: { 'aws:SecureTransport': 'false' } },
  { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
  { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
  { StringEquals: { 'aws:PrincipalTag/team': 'growth' } },
  { StringEquals: { 'aws:RequestTag/team': 'a' } },
  { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] } },
  { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['env'] } },
  { Null: { 'aws:MultiFactorAuthPresent': 'true' } },
  { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
  { StringLike: { 'aws:ResourceTag/env': 'prod*' } },
  { DateGreaterThan: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' } },
);

const statement = (spec: OperationSpec): fc.Arbitrary<object> => fc.record({
  effect: fc.constantFrom('Allow', 'Allow', 'Deny'),
  notAction: fc.boolean(),
  notResource: fc.nat(4),
  action: actionPattern(spec),
  resource: resourcePattern,
  condition,
}).map(({ effect, notAction, notResource, action, resource, condition: c }) => ({
  Effect: effect,
  [notAction ? 'NotAction' : 'Action']: action,
  [notResource === 0 ? 'NotResource' : 'Resource']: resource,
  ...(c ? { Condition: c } : {}),
}));

/** Label values: plain ids, the own-account ARN, ARNs in another account or Region, template types as typed. */
const labels = fc.record({
  ApplicationId: fc.constantFrom('id-ApplicationId', 'other-app'),
  ResourceArn: fc.constantFrom(`${own}:apps/id-ApplicationId`, `${own}:templates/t1/SMS`, `arn:aws:mobiletargeting:${REGION}:999999999999:apps/a1`, `arn:aws:mobiletargeting:eu-west-1:${ACCOUNT}:apps/a1`),
  TemplateType: fc.constantFrom('SMS', 'EMAIL', 'sms', 'Email'),
});

const bodyTags = fc.constantFrom<Record<string, string> | undefined>(undefined, { team: 'a' }, { team: 'b', env: 'prod' });

const callerContext = fc.constantFrom<Record<string, string> | undefined>(undefined, { 'aws:SourceIp': '203.0.113.9' }, { 'aws:SourceIp': '198.51.100.1', 'aws:PrincipalTag/team': 'growth' });

const scenario = fc.constantFrom(...OPERATIONS).chain((spec) => fc.record({
  spec: fc.constant(spec),
  statements: fc.array(statement(spec), { minLength: 1, maxLength: 3 }),
  labels,
  tags: bodyTags,
  context: callerContext,
  whenUncertain: fc.constantFrom<'deny' | 'send'>('deny', 'deny', 'send'),
}));

/** The input of the scenario: the operation's labels, and request tags where its body carries them. */
function inputOf(spec: OperationSpec, l: Record<string, string>, tags: Record<string, string> | undefined): Record<string, unknown> {
  const input = sdkInput(spec, l);
  if (tags && spec.body && spec.tags?.in === 'body') input[spec.body] = { ...(input[spec.body] as object), [spec.tags.key]: tags };
  return input;
}

describe('the plugin and the project client agree', () => {
  it('on random policies, operations, inputs and caller context', async () => {
    const seen = new Map<string, number>();
    await fc.assert(fc.asyncProperty(scenario, async ({ spec, statements, labels: l, tags, context, whenUncertain }) => {
      const policy = { Version: '2012-10-17', Statement: statements };
      const guard = { policy, accountId: ACCOUNT, lifecycle: 'off' as const, logger: silent, whenUncertain, ...(context ? { context } : {}) };
      const input = inputOf(spec, l, tags);

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
