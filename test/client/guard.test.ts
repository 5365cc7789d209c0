/**
 * The guard at the HTTP boundary: a denied call throws AccessDeniedError and never reaches the network; the request
 * context carries the keys the guard knows (region, transport, time, request tags) and those the caller passes.
 */
import { HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { operations } from '../../generated/operations.js';
import type { OperationSpec } from '../../src/client/spec.js';
import { AccessDeniedError } from '../../src/errors/guard.js';
import { ACCOUNT, ALLOW_ALL, callByName, makeClient, recordingHandler, rejection, useWire, type Seen } from './support.js';

const wire = useWire();
const arn = (resource: string, region = 'us-east-1'): string => `arn:aws:mobiletargeting:${region}:${ACCOUNT}:${resource}`;
const policy = (...Statement: object[]) => ({ Version: '2012-10-17', Statement });

afterEach(() => { vi.useRealTimers(); });

describe('denied calls', () => {
  it('an implicit deny throws AccessDeniedError naming the action and resource, and sends nothing', async () => {
    wire.pinpoint();
    const client = makeClient({ policy: policy({ Sid: 'ReadSegments', Effect: 'Allow', Action: 'mobiletargeting:GetSegment', Resource: arn('apps/app-1/segments/*') }) });
    const err = await rejection(client.getSegment({ ApplicationId: 'app-2', SegmentId: 'seg-1' }));
    expect(err).toBeInstanceOf(AccessDeniedError);
    expect(err).toMatchObject({
      name: 'AccessDeniedError',
      operation: 'GetSegment',
      action: 'mobiletargeting:GetSegment',
      resource: arn('apps/app-2/segments/seg-1'),
      decision: 'ImplicitDeny',
      statements: [],
    });
    expect((err as AccessDeniedError).reason).toBeTruthy();
    expect(err.message).toContain((err as AccessDeniedError).reason);
    expect(wire.requests).toHaveLength(0);

    // The same client allows what its policy allows, on the ARN it names.
    await client.getSegment({ ApplicationId: 'app-1', SegmentId: 'seg-1' });
    expect(wire.requests.map((r) => r.rawPath)).toEqual(['/v1/apps/app-1/segments/seg-1']);
  });

  it('an explicit deny wins over an allow and names the deciding statement', async () => {
    wire.pinpoint();
    const client = makeClient({
      policy: policy(
        { Effect: 'Allow', Action: 'mobiletargeting:*', Resource: '*' },
        { Sid: 'KeepProd', Effect: 'Deny', Action: 'mobiletargeting:Delete*', Resource: arn('apps/prod*') },
      ),
    });
    const err = await rejection(client.deleteApp({ ApplicationId: 'prod-eu' }));
    expect(err).toBeInstanceOf(AccessDeniedError);
    expect(err).toMatchObject({ decision: 'ExplicitDeny', action: 'mobiletargeting:DeleteApp', resource: arn('apps/prod-eu') });
    expect((err as AccessDeniedError).statements).toEqual([expect.objectContaining({ sid: 'KeepProd', effect: 'Deny', index: 1 })]);
    expect(wire.requests).toHaveLength(0);
    await client.deleteApp({ ApplicationId: 'staging' });
    expect(wire.requests).toHaveLength(1);
  });

  it('in enforce mode without any policy nothing is allowed; without a mode and policy the guard is off', async () => {
    wire.pinpoint();
    const strict = makeClient({ policy: undefined, mode: 'enforce' });
    const err = await rejection(strict.getApps({}));
    expect(err).toMatchObject({ name: 'AccessDeniedError', decision: 'ImplicitDeny' });
    expect((err as AccessDeniedError).reason).toMatch(/no policy/);
    expect(wire.requests).toHaveLength(0);
    const open = makeClient({ policy: undefined });
    expect(open.mode).toBe('off');
    await open.getApps({});
    expect(wire.requests).toHaveLength(1);
  });

  it('an explicitly empty list of policies guards (and denies everything) rather than turning the guard off', async () => {
    wire.pinpoint();
    for (const config of [{ policies: [] }, { serviceControlPolicies: [] }]) {
      const client = makeClient({ policy: undefined, ...config });
      expect(client.mode).toBe('enforce');
      expect(await rejection(client.getApps({}))).toMatchObject({ name: 'AccessDeniedError', decision: 'ImplicitDeny' });
    }
    expect(wire.requests).toHaveLength(0);
  });

  it('a permissions boundary or SCP without an allow denies what the identity policy allows', async () => {
    wire.pinpoint();
    const bounded = makeClient({ permissionsBoundary: policy({ Effect: 'Allow', Action: 'mobiletargeting:Get*', Resource: '*' }) });
    await bounded.getApps({});
    expect(await rejection(bounded.deleteApp({ ApplicationId: 'a' }))).toMatchObject({ decision: 'ImplicitDeny' });
    const scp = makeClient({ serviceControlPolicies: [[policy({ Effect: 'Deny', Action: 'mobiletargeting:GetApps', Resource: '*' }), ALLOW_ALL]] });
    expect(await rejection(scp.getApps({}))).toMatchObject({ decision: 'ExplicitDeny' });
    expect(wire.requests).toHaveLength(1);
  });
});

describe('every operation is guarded', () => {
  const specs = Object.values(operations) as readonly OperationSpec[];
  const inputOf = (spec: OperationSpec): Record<string, string> =>
    Object.fromEntries(spec.labels.map((l) => [l, l === 'ResourceArn' ? arn('apps/tagged') : spec.arnEnums?.[l]?.[0] ?? `${l.toLowerCase()}-1`]));
  /** The ARN template filled the way a reader of the catalog would fill it. */
  const expectedArn = (spec: OperationSpec): string =>
    spec.resource.replace(/\$\{(\w+)\}/g, (_, n: string) => (n === 'Partition' ? 'aws' : n === 'Region' ? 'us-east-1' : n === 'Account' ? ACCOUNT : inputOf(spec)[n]!));

  it.each(specs.map((s) => [s.name, s] as const))('%s: denied by a policy that allows everything else, with its own action and ARN; nothing sent', async (name, spec) => {
    wire.pinpoint();
    const client = makeClient({ policy: policy(ALLOW_ALL.Statement[0], { Sid: 'NotThis', Effect: 'Deny', Action: spec.action, Resource: '*' }) });
    const err = await rejection(callByName(client, name, inputOf(spec)));
    expect(err).toBeInstanceOf(AccessDeniedError);
    expect(err).toMatchObject({ operation: name, action: spec.action, resource: expectedArn(spec), decision: 'ExplicitDeny' });
    expect(wire.requests).toHaveLength(0);
  });
});

describe('a malformed policy fails closed', () => {
  it.each([
    ['an unknown Effect', policy({ Effect: 'Permit', Action: 'mobiletargeting:*', Resource: '*' }), /Effect/],
    ['text that is not JSON', '{ "Version": "2012-10-17", "Statement": [', /JSON/i],
    ['an unknown condition operator', policy({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringEqualz: { 'aws:username': 'x' } } }), /StringEqualz/],
  ])('%s: every call is denied with a reason naming the problem, and a warning is logged', async (_, bad, problem) => {
    wire.pinpoint();
    const warnings: string[] = [];
    const client = makeClient({ policy: bad, logger: { debug: () => {}, warn: (m) => warnings.push(m) } });
    expect(warnings.join('\n')).toMatch(problem);
    for (const call of [() => client.getApps({}), () => client.getApp({ ApplicationId: 'a' }), () => client.createApp({ CreateApplicationRequest: { Name: 'x' } })]) {
      const err = await rejection(call());
      expect(err).toBeInstanceOf(AccessDeniedError);
      expect((err as AccessDeniedError).decision).toBe('ImplicitDeny');
      expect((err as AccessDeniedError).reason).toMatch(/invalid/);
      expect((err as AccessDeniedError).reason).toMatch(problem);
    }
    expect(wire.requests).toHaveLength(0);
  });

  it('a valid identity policy does not rescue an invalid session policy', async () => {
    wire.pinpoint();
    const client = makeClient({ sessionPolicy: { Statement: 'nope' } });
    expect(await rejection(client.getApps({}))).toBeInstanceOf(AccessDeniedError);
    expect(wire.requests).toHaveLength(0);
  });
});

describe('global condition keys the guard supplies', () => {
  it('aws:RequestedRegion is the client\'s Region', async () => {
    const eu: Seen[] = [];
    wire.server.use(recordingHandler('https://pinpoint.eu-west-1.amazonaws.com/*', eu, () => HttpResponse.json({})));
    const onlyEu = policy({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } } });
    await makeClient({ region: 'eu-west-1', policy: onlyEu }).getApps({});
    expect(eu).toHaveLength(1);
    wire.pinpoint();
    const err = await rejection(makeClient({ policy: onlyEu }).getApps({}));
    expect(err).toMatchObject({ decision: 'ImplicitDeny' });
    // A caller cannot vouch for the Region: the guard's fact wins over a per-call context key.
    const spoofed = await rejection(makeClient({ policy: onlyEu }).getApps({}, { context: { 'aws:RequestedRegion': 'eu-west-1' } }));
    expect(spoofed).toBeInstanceOf(AccessDeniedError);
    expect(wire.requests).toHaveLength(0);
  });

  it('aws:SecureTransport is false for an http:// endpoint', async () => {
    const plain: Seen[] = [];
    wire.server.use(recordingHandler('http://pinpoint.internal.test/*', plain, () => HttpResponse.json({})));
    wire.pinpoint();
    const tlsOnly = policy(ALLOW_ALL.Statement[0], { Effect: 'Deny', Action: '*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } });
    expect(await rejection(makeClient({ policy: tlsOnly, endpoint: 'http://pinpoint.internal.test', allowInsecureEndpoint: true }).getApps({}))).toMatchObject({ decision: 'ExplicitDeny' });
    expect(plain).toHaveLength(0);
    await makeClient({ policy: tlsOnly }).getApps({});
    expect(wire.requests).toHaveLength(1);
  });

  it('aws:CurrentTime is the clock at call time', async () => {
    wire.pinpoint();
    const until2030 = policy({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { DateLessThan: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' } } });
    const client = makeClient({ policy: until2030 });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2029-12-31T23:59:59Z'));
    await client.getApps({});
    vi.setSystemTime(new Date('2030-01-01T00:00:01Z'));
    expect(await rejection(client.getApps({}))).toMatchObject({ decision: 'ImplicitDeny' });
    expect(wire.requests).toHaveLength(1);
  });
});

describe('request tags', () => {
  const tagPolicy = policy({
    Effect: 'Allow',
    Action: ['mobiletargeting:CreateApp', 'mobiletargeting:TagResource'],
    Resource: '*',
    Condition: {
      StringEquals: { 'aws:RequestTag/team': 'blue' },
      'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'env'] },
    },
  });

  it.each([
    ['team=blue', { team: 'blue' }, true],
    ['team=blue, env=dev', { team: 'blue', env: 'dev' }, true],
    ['team=red', { team: 'red' }, false],
    ['team=blue plus a tag key outside the allowed set', { team: 'blue', owner: 'me' }, false],
    ['no tags', undefined, false],
  ])('CreateApp with %s: aws:RequestTag/* and aws:TagKeys come from CreateApplicationRequest.tags', async (_, tags, allowed) => {
    wire.pinpoint();
    const call = makeClient({ policy: tagPolicy }).createApp({ CreateApplicationRequest: { Name: 'x', ...(tags ? { tags } : {}) } });
    if (allowed) {
      await call;
      expect(JSON.parse(wire.requests[0]!.body)).toEqual({ Name: 'x', tags });
    } else {
      expect(await rejection(call)).toBeInstanceOf(AccessDeniedError);
      expect(wire.requests).toHaveLength(0);
    }
  });

  it.each([
    [{ team: 'blue', env: 'prod' }, true],
    [{ team: 'green' }, false],
    [{ team: 'blue', cost: '1' }, false],
  ])('TagResource with %o: the body\'s tags are the request tags', async (tags, allowed) => {
    wire.pinpoint();
    const call = makeClient({ policy: tagPolicy }).tagResource({ ResourceArn: arn('apps/a'), TagsModel: { tags } });
    if (allowed) await call;
    else expect(await rejection(call)).toBeInstanceOf(AccessDeniedError);
    expect(wire.requests).toHaveLength(allowed ? 1 : 0);
  });

  it('UntagResource: aws:TagKeys are the keys being removed', async () => {
    wire.pinpoint();
    const client = makeClient({
      policy: policy({ Effect: 'Allow', Action: 'mobiletargeting:UntagResource', Resource: '*', Condition: { 'ForAllValues:StringLike': { 'aws:TagKeys': ['tmp-*'] } } }),
    });
    await client.untagResource({ ResourceArn: arn('apps/a'), TagKeys: ['tmp-1', 'tmp-2'] });
    expect(await rejection(client.untagResource({ ResourceArn: arn('apps/a'), TagKeys: ['tmp-1', 'owner'] }))).toBeInstanceOf(AccessDeniedError);
    expect(wire.requests).toHaveLength(1);
  });
});

describe('caller-supplied context', () => {
  const teamBlue = policy({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/team': 'blue' } } });

  it('a per-call context option is used for that call only', async () => {
    wire.pinpoint();
    const client = makeClient({ policy: teamBlue });
    // Unsupplied, the principal's tag is unknown: the call is not sent, as uncertain.
    expect(await rejection(client.getApps({}))).toMatchObject({ decision: 'Conditional', dependsOn: ['aws:PrincipalTag/team'] });
    await client.getApps({}, { context: { 'aws:PrincipalTag/team': 'blue' } });
    expect(await rejection(client.getApps({}))).toBeInstanceOf(AccessDeniedError);
    expect(wire.requests).toHaveLength(1);
  });

  it('per-call context overrides the client\'s configured context', async () => {
    wire.pinpoint();
    const client = makeClient({ policy: teamBlue, context: { 'aws:PrincipalTag/team': 'blue' } });
    await client.getApps({});
    expect(await rejection(client.getApps({}, { context: { 'aws:PrincipalTag/team': 'red' } }))).toBeInstanceOf(AccessDeniedError);
    expect(wire.requests).toHaveLength(1);
  });
});

describe('a caller cannot vouch for what the guard knows', () => {
  it.each([
    ['the same key in two cases', { 'aws:RequestedRegion': 'eu-west-1', 'AWS:REQUESTEDREGION': 'eu-west-1' }],
    ['another case only', { 'aws:requestedregion': 'eu-west-1' }],
  ])('aws:RequestedRegion given as %s is ignored', async (_, context) => {
    wire.pinpoint();
    const onlyEu = policy({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } } });
    expect(await rejection(makeClient({ policy: onlyEu }).getApps({}, { context }))).toBeInstanceOf(AccessDeniedError);
    expect(await rejection(makeClient({ policy: onlyEu, context }).getApps({}))).toBeInstanceOf(AccessDeniedError);
    expect(wire.requests).toHaveLength(0);
  });

  it('aws:SecureTransport and aws:CurrentTime in any case are ignored', async () => {
    wire.pinpoint();
    const guarded = policy({
      Effect: 'Allow', Action: '*', Resource: '*',
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    });
    const context = { 'aws:SecureTransport': 'false', 'Aws:SecureTransport': 'false' };
    expect(await rejection(makeClient({ policy: guarded }).getApps({}, { context }))).toBeInstanceOf(AccessDeniedError);
    const before2000 = policy({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { DateLessThan: { 'aws:CurrentTime': '2000-01-01T00:00:00Z' } } });
    expect(await rejection(makeClient({ policy: before2000 }).getApps({}, { context: { 'AWS:CurrentTime': '1999-01-01T00:00:00Z', 'aws:currenttime': '1999-01-01T00:00:00Z' } }))).toBeInstanceOf(AccessDeniedError);
    expect(wire.requests).toHaveLength(0);
  });

  it.each([
    ['a request without tags', undefined],
    ['a request with other tags', { env: 'dev' }],
  ])('aws:RequestTag/* and aws:TagKeys from the caller are ignored for %s', async (_, tags) => {
    wire.pinpoint();
    const teamBlue = policy({ Effect: 'Allow', Action: 'mobiletargeting:CreateApp', Resource: '*', Condition: { StringEquals: { 'aws:RequestTag/team': 'blue' } } });
    const context = { 'aws:RequestTag/team': 'blue', 'aws:TagKeys': ['team'] };
    const call = makeClient({ policy: teamBlue }).createApp({ CreateApplicationRequest: { Name: 'x', ...(tags ? { tags } : {}) } }, { context });
    expect(await rejection(call)).toBeInstanceOf(AccessDeniedError);
    expect(wire.requests).toHaveLength(0);
  });
});

describe('the resource the guard checks', () => {
  it('uses the partition of the Region (aws-cn in China)', async () => {
    const cn: Seen[] = [];
    wire.server.use(recordingHandler('https://pinpoint.cn-north-1.amazonaws.com.cn/*', cn, () => HttpResponse.json({})));
    const client = makeClient({ region: 'cn-north-1', policy: policy({ Effect: 'Allow', Action: '*', Resource: `arn:aws-cn:mobiletargeting:cn-north-1:${ACCOUNT}:apps/a` }) });
    await client.getApp({ ApplicationId: 'a' });
    expect(cn).toHaveLength(1);
    expect(await rejection(client.getApp({ ApplicationId: 'b' }))).toMatchObject({ resource: `arn:aws-cn:mobiletargeting:cn-north-1:${ACCOUNT}:apps/b` });
    expect(cn).toHaveLength(1);
  });
});
