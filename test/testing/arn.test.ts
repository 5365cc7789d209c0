import { describe, expect, it } from 'vitest';
import { createPinpointMock } from '../../src/testing/index.js';

/** `mock.handle` signed for `region`; returns the parsed body. */
async function call(mock: ReturnType<typeof createPinpointMock>, region: string, method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const authorization = `AWS4-HMAC-SHA256 Credential=AKID/20240101/${region}/mobiletargeting/aws4_request, SignedHeaders=host, Signature=00`;
  const res = await mock.handle({ method, path, headers: { authorization }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  expect(res.status, res.body).toBeLessThan(300);
  return JSON.parse(res.body) as Record<string, unknown>;
}

describe('ARNs of the mock', () => {
  it.each([
    ['us-east-1', 'aws'],
    ['cn-north-1', 'aws-cn'],
    ['us-gov-west-1', 'aws-us-gov'],
  ])('in %s name the partition %s (apps, segments, campaigns, imported segments)', async (region, partition) => {
    const mock = createPinpointMock({ accountId: '111122223333' });
    const base = `arn:${partition}:mobiletargeting:${region}:111122223333`;
    const app = await call(mock, region, 'POST', '/v1/apps', { Name: 'p' });
    const a = String(app.Id);
    expect(app.Arn).toBe(`${base}:apps/${a}`);
    const segment = await call(mock, region, 'POST', `/v1/apps/${a}/segments`, { Name: 's' });
    expect(segment.Arn).toBe(`${base}:apps/${a}/segments/${String(segment.Id)}`);
    const campaign = await call(mock, region, 'POST', `/v1/apps/${a}/campaigns`, { Name: 'c', SegmentId: segment.Id });
    expect(campaign.Arn).toBe(`${base}:apps/${a}/campaigns/${String(campaign.Id)}`);
    await call(mock, region, 'POST', `/v1/apps/${a}/jobs/import`, { Format: 'CSV', RoleArn: 'arn:aws:iam::111122223333:role/r', S3Url: 's3://b/k', DefineSegment: true, SegmentName: 'i' });
    expect(mock.completeJobs()).toBe(1);
    const imported = mock.store.apps.get(a)?.segments;
    expect([...imported?.values() ?? []].map((s) => s.versions[0]?.Arn)).toEqual([segment.Arn, expect.stringMatching(new RegExp(`^${base}:apps/${a}/segments/[0-9a-f]+$`))]);
  });

  it('a handler the caller adds builds ARNs the same way', async () => {
    const mock = createPinpointMock({
      accountId: '111122223333',
      handlers: { GetApps: (ctx) => ({ Item: [{ Arn: ctx.resourceArn('GetJourney', { ApplicationId: 'a', JourneyId: 'j' }), Id: 'a', Name: ctx.arn('apps/a') }] }) },
    });
    expect(await call(mock, 'us-gov-east-1', 'GET', '/v1/apps')).toEqual({
      Item: [{ Arn: 'arn:aws-us-gov:mobiletargeting:us-gov-east-1:111122223333:apps/a/journeys/j', Id: 'a', Name: 'arn:aws-us-gov:mobiletargeting:us-gov-east-1:111122223333:apps/a' }],
    });
  });

  it.each([
    [{ accountId: '1234' }, /createPinpointMock: the account id must be 12 digits/],
    [{ region: 'moon' }, /createPinpointMock: region "moon" is not a valid AWS Region name/],
  ])('refuses an account or Region no ARN can name: %j', (options, message) => {
    expect(() => createPinpointMock(options)).toThrow(RangeError);
    expect(() => createPinpointMock(options)).toThrow(message);
  });

  it('refuses a request scoped to a Region no ARN can name (403, not a handler failure)', async () => {
    const mock = createPinpointMock();
    const authorization = 'AWS4-HMAC-SHA256 Credential=AKID/20240101/moon/mobiletargeting/aws4_request, SignedHeaders=host, Signature=00';
    const res = await mock.handle({ method: 'POST', path: '/v1/apps', headers: { authorization }, body: '{"Name":"p"}' });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body)).toMatchObject({ Message: 'Credential should be scoped to a valid region: region "moon" is not a valid AWS Region name' });
    expect(mock.store.apps.size).toBe(0);
  });
});
