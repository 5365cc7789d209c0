/** Paginators follow the output token page by page; every page is a guarded call of its own. */
import { HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { paginateGetSegments, paginateListTemplates } from '../../generated/client.js';
import { AccessDeniedError } from '../../src/errors/guard.js';
import { makeClient, rejection, useWire, type Seen } from './support.js';

const wire = useWire();

/** Pages (the response body is the output's payload) served by token: `first` has none; a page without `next` is the last. */
function serve(pages: Record<string, { items: string[]; next?: string }>) {
  wire.pinpoint((req: Seen) => {
    const token = req.url.searchParams.get('token') ?? req.url.searchParams.get('next-token') ?? 'first';
    const page = pages[token];
    if (!page) return HttpResponse.json({ Message: `unknown token ${token}` }, { status: 400 });
    return HttpResponse.json({ Item: page.items.map((Id) => ({ Id })), ...(page.next ? { NextToken: page.next } : {}) });
  });
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

afterEach(() => { vi.useRealTimers(); });

describe(paginateGetSegments.name, () => {
  it('follows NextToken across pages, sending it as `token`, and stops at the page without one', async () => {
    serve({ first: { items: ['s1', 's2'], next: 't/2' }, 't/2': { items: ['s3'], next: 't3' }, t3: { items: ['s4'] } });
    const pages = await collect(paginateGetSegments(makeClient(), { ApplicationId: 'app-1', PageSize: '2' }));
    expect(pages.map((p) => p.SegmentsResponse?.Item?.map((s) => s.Id))).toEqual([['s1', 's2'], ['s3'], ['s4']]);
    expect(pages.every((p) => p.$metadata.httpStatusCode === 200)).toBe(true);
    expect(wire.requests.map((r) => [r.rawPath, r.url.searchParams.get('token'), r.url.searchParams.get('page-size')])).toEqual([
      ['/v1/apps/app-1/segments', null, '2'],
      ['/v1/apps/app-1/segments', 't/2', '2'],
      ['/v1/apps/app-1/segments', 't3', '2'],
    ]);
  });

  it('a single page without a token is one request', async () => {
    serve({ first: { items: ['only'] } });
    expect(await collect(paginateGetSegments(makeClient(), { ApplicationId: 'a' }))).toHaveLength(1);
    expect(wire.requests).toHaveLength(1);
  });

  it('starts from the token given in the input', async () => {
    serve({ t2: { items: ['s3'] } });
    await collect(paginateGetSegments(makeClient(), { ApplicationId: 'a', Token: 't2' }));
    expect(wire.requests.map((r) => r.url.searchParams.get('token'))).toEqual(['t2']);
  });

  it('stops, rather than loop forever, when the service hands back a token it already gave', async () => {
    serve({ first: { items: ['a'], next: 'again' }, again: { items: ['b'], next: 'again' } });
    const err = await rejection(collect(paginateGetSegments(makeClient(), { ApplicationId: 'a' })));
    expect(err.message).toMatch(/same NextToken twice/);
    expect(wire.requests).toHaveLength(2);
  });

  it('guards every page: when the policy stops allowing, the next page is denied and not sent', async () => {
    serve({ first: { items: ['a'], next: 't2' }, t2: { items: ['b'], next: 't3' }, t3: { items: ['c'] } });
    const untilNoon = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'mobiletargeting:GetSegments', Resource: '*', Condition: { DateLessThan: { 'aws:CurrentTime': '2024-01-01T12:00:00Z' } } }] };
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2024-01-01T11:59:00Z'));
    const pages = paginateGetSegments(makeClient({ policy: untilNoon }), { ApplicationId: 'a' });
    const first = await pages.next();
    expect(first.done).toBe(false);
    vi.setSystemTime(new Date('2024-01-01T12:00:01Z'));
    const err = await rejection(pages.next());
    expect(err).toBeInstanceOf(AccessDeniedError);
    expect(err).toMatchObject({ action: 'mobiletargeting:GetSegments' });
    expect(wire.requests).toHaveLength(1);
  });

  it('a denied first page sends nothing', async () => {
    serve({ first: { items: ['a'] } });
    const client = makeClient({ policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'mobiletargeting:GetSegments', Resource: 'arn:aws:mobiletargeting:*:*:apps/other/*' }] } });
    expect(await rejection(collect(paginateGetSegments(client, { ApplicationId: 'a' })))).toBeInstanceOf(AccessDeniedError);
    expect(wire.requests).toHaveLength(0);
  });
});

describe(paginateListTemplates.name, () => {
  it('sends the token as `next-token` for operations whose input token is NextToken', async () => {
    serve({ first: { items: ['t1'], next: 'n2' }, n2: { items: ['t2'] } });
    const pages = await collect(paginateListTemplates(makeClient(), {}));
    expect(pages).toHaveLength(2);
    expect(wire.requests.map((r) => [r.rawPath, r.url.searchParams.get('next-token')])).toEqual([['/v1/templates', null], ['/v1/templates', 'n2']]);
  });
});
