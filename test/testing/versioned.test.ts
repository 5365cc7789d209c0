/**
 * The behaviour segments and campaigns share through handlers/versioned.ts, and import and export jobs through the job
 * helpers of handlers/jobs.ts: each case runs once per kind, so the two stay alike.
 */
import { describe, expect, it } from 'vitest';
import { createPinpointMock, type MockRequest } from '../../src/testing/index.js';

let clock = Date.parse('2024-01-01T00:00:00Z');
const now = (): Date => new Date(clock);
const mock = createPinpointMock({ checkAuthorization: false, now });

async function send(method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const request: MockRequest = { method, path, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) };
  const res = await mock.handle(request);
  return { status: res.status, body: JSON.parse(res.body || '{}') as Record<string, unknown> };
}

async function appWithSegment(): Promise<{ app: string; segment: string }> {
  const app = String((await send('POST', '/v1/apps', { Name: 'p' })).body.Id);
  const segment = String((await send('POST', `/v1/apps/${app}/segments`, { Name: 's', tags: { t: '1' } })).body.Id);
  return { app, segment };
}

describe('version histories (segments, campaigns)', () => {
  it.each([
    ['segments', 'Segment version'],
    ['campaigns', 'Campaign version'],
  ] as const)('%s: an update appends version n+1 from the current one, dated by the clock, tags kept', async (collection, notFoundKind) => {
    mock.reset();
    const { app, segment } = await appWithSegment();
    const id = collection === 'segments' ? segment : String((await send('POST', `/v1/apps/${app}/campaigns`, { Name: 's', tags: { t: '1' }, SegmentId: segment })).body.Id);
    const base = `/v1/apps/${app}/${collection}/${id}`;
    const first = (await send('GET', base)).body;
    clock += 60_000;
    const second = (await send('PUT', base, { Name: 'renamed', tags: { t: 'ignored' } })).body;
    expect(second).toMatchObject({ Id: id, Name: 'renamed', Version: 2, tags: { t: '1' }, CreationDate: first.CreationDate, LastModifiedDate: now().toISOString() });
    expect((await send('PUT', base, {})).body).toMatchObject({ Name: 'renamed', Version: 3 });
    expect((await send('GET', base)).body.Version).toBe(3);
    expect((await send('GET', `${base}/versions/1`)).body).toEqual(first);
    expect((await send('GET', `${base}/versions`)).body.Item).toMatchObject([{ Version: 1 }, { Version: 2 }, { Version: 3 }]);
    const missing = await send('GET', `${base}/versions/9`);
    expect(missing).toEqual({ status: 404, body: { Message: `Resource not found: ${notFoundKind} "9" does not exist`, RequestID: expect.any(String) } });
  });
});

describe('import and export jobs', () => {
  const kinds = [
    ['import', 'Import job', { Format: 'CSV', RoleArn: 'arn:aws:iam::123456789012:role/r', S3Url: 's3://b/k' }, 'IMPORT', 201],
    ['export', 'Export job', { RoleArn: 'arn:aws:iam::123456789012:role/r', S3UrlPrefix: 's3://b/' }, 'EXPORT', 202],
  ] as const;

  it.each(kinds)('%s: created CREATED from the body, read by id, listed per segment; unknown ids and segments are 404', async (kind, name, definition, Type, status) => {
    mock.reset();
    const { app, segment } = await appWithSegment();
    const created = await send('POST', `/v1/apps/${app}/jobs/${kind}`, { ...definition, SegmentId: segment });
    expect(created).toMatchObject({ status, body: { ApplicationId: app, JobStatus: 'CREATED', Type, Definition: { ...definition, SegmentId: segment } } });
    const id = String(created.body.Id);
    expect((await send('GET', `/v1/apps/${app}/jobs/${kind}/${id}`)).body).toEqual(created.body);
    await send('POST', `/v1/apps/${app}/jobs/${kind}`, definition);
    expect((await send('GET', `/v1/apps/${app}/jobs/${kind}`)).body.Item).toHaveLength(2);
    expect((await send('GET', `/v1/apps/${app}/segments/${segment}/jobs/${kind}`)).body.Item).toEqual([created.body]);
    expect(await send('GET', `/v1/apps/${app}/jobs/${kind}/nope`)).toMatchObject({ status: 404, body: { Message: `Resource not found: ${name} "nope" does not exist` } });
    expect((await send('POST', `/v1/apps/${app}/jobs/${kind}`, { ...definition, SegmentId: 'nope' })).status).toBe(404);
    expect((await send('GET', `/v1/apps/${app}/segments/nope/jobs/${kind}`)).status).toBe(404);
  });
});
