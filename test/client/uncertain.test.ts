/**
 * Decisions that depend on keys the guard cannot see from inside the app (catalog/condition-keys.yaml): not sent by
 * default (UncertainDecisionError naming the keys, the values that would allow and how to supply them), sent with
 * `whenUncertain: 'send'`, certain once the caller supplies the key; and dry-run and record report the same outcomes.
 */
import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { AccessDeniedError, UncertainDecisionError } from '../../src/errors/guard.js';
import type { DryRunResult } from '../../src/client/types.js';
import { ACCOUNT, CREDENTIALS, SESSION_TOKEN, makeClient, rejection, useWire } from './support.js';

const wire = useWire();
const arn = (resource: string): string => `arn:aws:mobiletargeting:us-east-1:${ACCOUNT}:${resource}`;
const policy = (...Statement: object[]) => ({ Version: '2012-10-17', Statement });
const ALLOW_ALL = { Sid: 'All', Effect: 'Allow', Action: 'mobiletargeting:*', Resource: '*' };
/** The common guardrail: deny everything from outside the corporate range. */
const IP_GUARDRAIL = { Sid: 'CorpNetOnly', Effect: 'Deny', Action: '*', Resource: '*', Condition: { NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } };
/** ABAC: a segment of a project tagged with the caller's team. */
const ABAC = { Sid: 'OwnTeam', Effect: 'Allow', Action: 'mobiletargeting:GetApp', Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } } };
const input = { ApplicationId: 'app-1' };

describe('a decision that depends on aws:SourceIp (a Deny guardrail)', () => {
  it('is not sent by default: UncertainDecisionError names the key, the allowing values and how to supply them', async () => {
    wire.pinpoint();
    const err = await rejection(makeClient({ policy: policy(ALLOW_ALL, IP_GUARDRAIL) }).getApp(input));
    expect(wire.requests).toHaveLength(0);
    expect(err).toBeInstanceOf(UncertainDecisionError);
    expect(err).toBeInstanceOf(AccessDeniedError);
    expect(err).toMatchObject({ name: 'UncertainDecisionError', decision: 'Conditional', operation: 'GetApp', resource: arn('apps/app-1'), dependsOn: ['aws:SourceIp'] });
    expect(err.message).toContain('GetApp not sent');
    expect(err.message).toContain('aws:SourceIp');
    expect(err.message).toContain('10.0.0.0/8');
    expect(err.message).toContain("context: { 'aws:SourceIp': … }");
    expect(err.message).toContain("whenUncertain: 'send'");
    expect((err as UncertainDecisionError).requirements).toEqual([expect.objectContaining({ key: 'aws:SourceIp', effect: 'Deny', values: ['10.0.0.0/8'] })]);
  });

  it("is sent once with whenUncertain: 'send' (AWS decides)", async () => {
    wire.pinpoint(() => HttpResponse.json({ Id: 'app-1' }));
    await makeClient({ policy: policy(ALLOW_ALL, IP_GUARDRAIL), whenUncertain: 'send' }).getApp(input);
    expect(wire.requests).toHaveLength(1);
  });

  it('is certain once the caller supplies the address: inside the range sent, outside denied (no longer a false Allow)', async () => {
    wire.pinpoint();
    const inside = makeClient({ policy: policy(ALLOW_ALL, IP_GUARDRAIL), context: { 'aws:SourceIp': '10.1.2.3' } });
    await inside.getApp(input);
    expect(wire.requests).toHaveLength(1);
    const outside = await rejection(makeClient({ policy: policy(ALLOW_ALL, IP_GUARDRAIL) }).getApp(input, { context: { 'aws:SourceIp': '203.0.113.9' } }));
    expect(outside).toBeInstanceOf(AccessDeniedError);
    expect(outside).not.toBeInstanceOf(UncertainDecisionError);
    expect(outside).toMatchObject({ decision: 'ExplicitDeny' });
    expect(wire.requests).toHaveLength(1);
  });

  it('an identity policy without conditions on unseen keys stays a certain Allow', async () => {
    wire.pinpoint();
    await makeClient({ policy: policy(ALLOW_ALL) }).getApp(input);
    expect(wire.requests).toHaveLength(1);
  });
});

describe('ABAC on aws:ResourceTag (an Allow on a key only AWS sees)', () => {
  const config = { policy: policy(ABAC), context: { 'aws:PrincipalTag/team': 'growth' } };

  it('is conditional, not denied: the error says which tag value would allow', async () => {
    wire.pinpoint();
    const err = await rejection(makeClient(config).getApp(input));
    expect(err).toBeInstanceOf(UncertainDecisionError);
    expect(err.message).toContain('aws:ResourceTag/team');
    expect(err.message).toContain('growth');
    expect(err.message).toContain('Allowed if');
    expect(wire.requests).toHaveLength(0);
  });

  it('is certain when the caller supplies the resource tag', async () => {
    wire.pinpoint();
    await makeClient(config).getApp(input, { context: { 'aws:ResourceTag/team': 'growth' } });
    expect(wire.requests).toHaveLength(1);
    const other = await rejection(makeClient(config).getApp(input, { context: { 'aws:ResourceTag/team': 'payments' } }));
    expect(other).toMatchObject({ name: 'AccessDeniedError', decision: 'ImplicitDeny' });
    expect(wire.requests).toHaveLength(1);
  });
});

describe('keys derived from the credentials', () => {
  const MFA_GUARDRAIL = { Sid: 'RequireMfa', Effect: 'Deny', Action: '*', Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } };

  // The IAM page: BoolIfExists false on aws:MultiFactorAuthPresent "also denies requests that are made using long-term
  // credentials", where the key is absent.
  it('with static long-term keys the session keys are known to be absent: the MFA guardrail certainly denies', async () => {
    wire.pinpoint();
    const err = await rejection(makeClient({ policy: policy(ALLOW_ALL, MFA_GUARDRAIL), credentials: CREDENTIALS }).getApp(input));
    expect(err).toMatchObject({ name: 'AccessDeniedError', decision: 'ExplicitDeny' });
    expect(wire.requests).toHaveLength(0);
  });

  it('with a session token the session keys are unknown: the call is not sent', async () => {
    wire.pinpoint();
    const err = await rejection(makeClient({ policy: policy(ALLOW_ALL, MFA_GUARDRAIL), credentials: { ...CREDENTIALS, sessionToken: SESSION_TOKEN } }).getApp(input));
    expect(err).toMatchObject({ name: 'UncertainDecisionError', dependsOn: ['aws:MultiFactorAuthPresent'] });
    expect(wire.requests).toHaveLength(0);
  });
});

describe('dry-run and record report the same outcomes', () => {
  it('dry-run: the Conditional decision, its keys, and whether enforce would send it', async () => {
    wire.pinpoint();
    const dry = makeClient({ policy: policy(ALLOW_ALL, IP_GUARDRAIL), mode: 'dry-run' });
    const result = (await dry.getApp(input)) as unknown as DryRunResult;
    expect(result.decision).toMatchObject({ decision: 'Conditional', dependsOn: ['aws:SourceIp'] });
    expect(result.wouldSend).toBe(false);
    const sending = makeClient({ policy: policy(ALLOW_ALL, IP_GUARDRAIL), mode: 'dry-run', whenUncertain: 'send' });
    expect(((await sending.getApp(input)) as unknown as DryRunResult).wouldSend).toBe(true);
    const allowed = makeClient({ policy: policy(ALLOW_ALL), mode: 'dry-run' });
    expect(((await allowed.getApp(input)) as unknown as DryRunResult)).toMatchObject({ wouldSend: true, decision: { decision: 'Allow' } });
    expect(wire.requests).toHaveLength(0);
  });

  it('record: every call is sent and recorded with its decision', async () => {
    wire.pinpoint(() => HttpResponse.json({}));
    const client = makeClient({ policy: policy(ALLOW_ALL, IP_GUARDRAIL), mode: 'record' });
    await client.getApp(input);
    await client.getApp(input, { context: { 'aws:SourceIp': '10.0.0.1' } });
    expect(client.recorded()).toEqual([
      { operation: 'GetApp', action: 'mobiletargeting:GetApp', resource: arn('apps/app-1'), decision: 'Conditional', dependsOn: ['aws:SourceIp'] },
      { operation: 'GetApp', action: 'mobiletargeting:GetApp', resource: arn('apps/app-1'), decision: 'Allow', dependsOn: [] },
    ]);
    expect(wire.requests).toHaveLength(2);
  });
});

describe('config.whenUncertain', () => {
  it('is checked: anything but deny or send is a TypeError naming it', () => {
    expect(() => makeClient({ whenUncertain: 'maybe' as never })).toThrow("config.whenUncertain: expected one of deny, send, got \"maybe\"");
  });
});
