/**
 * Guard modes other than enforce: `dry-run` sends nothing and resolves to the decision and the request that would
 * have been sent (without credentials or signature); `record` sends every call and records exactly the calls made.
 */
import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { DryRunResult } from '../../src/client/types.js';
import { ValidationError } from '../../src/errors/validation.js';
import { ACCOUNT, CREDENTIALS, PINPOINT, SESSION_TOKEN, makeClient, rejection, useWire } from './support.js';

const wire = useWire();
const arn = (resource: string): string => `arn:aws:mobiletargeting:us-east-1:${ACCOUNT}:${resource}`;
const segmentsOfApp1 = { Version: '2012-10-17', Statement: [{ Sid: 'App1Segments', Effect: 'Allow', Action: 'mobiletargeting:*Segment*', Resource: arn('apps/app-1*') }] };

describe('dry-run', () => {
  it('sends nothing and resolves to the decision, the explanation and the unsigned request', async () => {
    wire.pinpoint();
    const client = makeClient({ mode: 'dry-run', policy: segmentsOfApp1, credentials: { ...CREDENTIALS, sessionToken: SESSION_TOKEN } });
    expect(client.mode).toBe('dry-run');
    const result = (await client.createSegment({ ApplicationId: 'app-1', WriteSegmentRequest: { Name: 'vip' } })) as DryRunResult;
    expect(result).toEqual({
      dryRun: true,
      operation: 'CreateSegment',
      action: 'mobiletargeting:CreateSegment',
      resource: arn('apps/app-1'),
      decision: expect.objectContaining({ decision: 'Allow', matchedStatements: [expect.objectContaining({ sid: 'App1Segments', effect: 'Allow' })] }),
      wouldSend: true,
      request: { method: 'POST', url: `${PINPOINT}/v1/apps/app-1/segments`, headers: { 'content-type': 'application/json' }, body: '{"Name":"vip"}' },
    });
    expect(typeof result.decision.reason).toBe('string');
    const printed = JSON.stringify(result);
    for (const secret of [CREDENTIALS.accessKeyId, CREDENTIALS.secretAccessKey, SESSION_TOKEN, 'authorization', 'x-amz-']) expect(printed.toLowerCase()).not.toContain(secret.toLowerCase());
    expect(wire.requests).toHaveLength(0);
  });

  it('a denied call resolves (does not throw) with the deny and why', async () => {
    wire.pinpoint();
    const client = makeClient({ mode: 'dry-run', policy: segmentsOfApp1 });
    const denied = (await client.getSegment({ ApplicationId: 'app-2', SegmentId: 's' })) as DryRunResult;
    expect(denied.decision).toMatchObject({ decision: 'ImplicitDeny', matchedStatements: [] });
    expect(denied.decision.nearMisses).toEqual([expect.objectContaining({ sid: 'App1Segments', failed: 'resource' })]);
    expect(denied.resource).toBe(arn('apps/app-2/segments/s'));
    expect(denied.request.url).toBe(`${PINPOINT}/v1/apps/app-2/segments/s`);
    const explicit = (await makeClient({
      mode: 'dry-run',
      policies: [segmentsOfApp1, { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'mobiletargeting:Delete*', Resource: '*' }] }],
    }).deleteSegment({ ApplicationId: 'app-1', SegmentId: 's' })) as DryRunResult;
    expect(explicit.decision.decision).toBe('ExplicitDeny');
    expect(wire.requests).toHaveLength(0);
  });

  it('needs no credentials at all (nothing is signed)', async () => {
    wire.pinpoint();
    const client = makeClient({ mode: 'dry-run', credentials: async () => { throw new Error('no credentials here'); } });
    const result = (await client.getApps({ PageSize: '5' })) as DryRunResult;
    expect(result.request).toEqual({ method: 'GET', url: `${PINPOINT}/v1/apps?page-size=5`, headers: {}, body: undefined });
    expect(wire.requests).toHaveLength(0);
  });

  it('still validates the input', async () => {
    wire.pinpoint();
    const err = await rejection(makeClient({ mode: 'dry-run' }).getSegment({ ApplicationId: 'a/b', SegmentId: 's' }));
    expect(err).toBeInstanceOf(ValidationError);
    expect(wire.requests).toHaveLength(0);
  });
});

describe('record', () => {
  it('sends every call, allowed or not, and records exactly the calls made, in order', async () => {
    wire.pinpoint((req) => (req.rawPath.endsWith('/missing') ? HttpResponse.json({ Message: 'nope' }, { status: 404 }) : HttpResponse.json({})));
    const client = makeClient({ mode: 'record', policy: segmentsOfApp1 });
    expect(client.recorded()).toEqual([]);
    await client.getSegment({ ApplicationId: 'app-1', SegmentId: 's1' });
    await client.deleteApp({ ApplicationId: 'app-9' }); // not allowed by the policy: recorded and sent anyway
    await rejection(client.getApp({ ApplicationId: 'missing' })); // the service says 404: the call was still made
    await rejection(client.getApp({ ApplicationId: '' })); // invalid: never made, not recorded
    await client.tagResource({ ResourceArn: arn('apps/app-1'), TagsModel: { tags: { a: 'b' } } });
    expect(client.recorded()).toEqual([
      { operation: 'GetSegment', action: 'mobiletargeting:GetSegment', resource: arn('apps/app-1/segments/s1'), decision: 'Allow', dependsOn: [] },
      { operation: 'DeleteApp', action: 'mobiletargeting:DeleteApp', resource: arn('apps/app-9'), decision: 'ImplicitDeny', dependsOn: [] },
      { operation: 'GetApp', action: 'mobiletargeting:GetApp', resource: arn('apps/missing'), decision: 'ImplicitDeny', dependsOn: [] },
      { operation: 'TagResource', action: 'mobiletargeting:TagResource', resource: arn('apps/app-1'), decision: 'ImplicitDeny', dependsOn: [] },
    ]);
    expect(wire.requests.map((r) => `${r.method} ${decodeURIComponent(r.rawPath)}`)).toEqual([
      'GET /v1/apps/app-1/segments/s1',
      'DELETE /v1/apps/app-9',
      'GET /v1/apps/missing',
      `POST /v1/tags/${arn('apps/app-1')}`,
    ]);
  });

  it('recorded() is a copy and each client records its own calls', async () => {
    wire.pinpoint();
    const a = makeClient({ mode: 'record' });
    const b = makeClient({ mode: 'record' });
    await a.getApps({});
    const snapshot = a.recorded() as unknown[];
    snapshot.push('tampered');
    expect(a.recorded()).toHaveLength(1);
    expect(b.recorded()).toEqual([]);
  });

  it('enforce and off modes record nothing', async () => {
    wire.pinpoint();
    const enforce = makeClient();
    const off = makeClient({ mode: 'off' });
    await enforce.getApps({});
    await off.getApps({});
    expect(enforce.recorded()).toEqual([]);
    expect(off.recorded()).toEqual([]);
    expect(wire.requests).toHaveLength(2);
  });
});

describe('mode configuration', () => {
  it('rejects an unknown mode', () => {
    expect(() => makeClient({ mode: 'audit' as never })).toThrow(/config\.mode/);
  });
});
