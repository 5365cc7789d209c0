import { describe, expect, it } from 'vitest';
import { BadRequestException, paginateGetSegments } from '../../src/index.js';
import { createPinpointMock, type MockRequest } from '../../src/testing/index.js';
import { useMock } from './support.js';

const tagged: string[] = [];
const { mock, client } = useMock({ handlers: { TagResource: (ctx) => { tagged.push(ctx.params.ResourceArn ?? ''); return undefined; } } });

const auth = { authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/mobiletargeting/aws4_request, SignedHeaders=host, Signature=00' };

describe('handle', () => {
  const cases: readonly [string, MockRequest, { status: number; Message: string | RegExp }][] = [
    ['a body that is not JSON', { method: 'POST', path: '/v1/apps', headers: auth, body: '{"Name":' }, { status: 400, Message: 'CreateApplicationRequest: the request body is not valid JSON' }],
    ['a body that is not an object', { method: 'POST', path: '/v1/apps', headers: auth, body: '["x"]' }, { status: 400, Message: 'CreateApplicationRequest: the request body must be a JSON object' }],
    ['an empty body', { method: 'POST', path: '/v1/apps', headers: auth }, { status: 400, Message: /not valid JSON/ }],
    ['an unknown path', { method: 'GET', path: '/v1/nothing', headers: auth }, { status: 404, Message: 'No Pinpoint operation matches GET /v1/nothing' }],
    ['a method the path does not serve', { method: 'PATCH', path: '/v1/apps', headers: auth }, { status: 405, Message: /PATCH is not allowed on \/v1\/apps \(allowed: (POST, GET|GET, POST)\)/ }],
    ['an operation whose handler the caller removed', { method: 'GET', path: '/v1/recommenders', headers: auth }, { status: 400, Message: /does not serve GetRecommenderConfigurations; pass handlers/ }],
  ];
  it.each(cases)('answers %s with a Pinpoint error body', async (_, request, want) => {
    const res = await createPinpointMock({ handlers: { GetRecommenderConfigurations: undefined } }).handle(request);
    expect(res.status).toBe(want.status);
    const requestId = res.headers['x-amzn-RequestId'];
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(res.body)).toEqual({ Message: want.Message instanceof RegExp ? expect.stringMatching(want.Message) : want.Message, RequestID: requestId });
  });

  it('serves an operation the caller adds, with its table status and no body (204)', async () => {
    const ResourceArn = 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/abc';
    const res = await client.tagResource({ ResourceArn, TagsModel: { tags: { a: 'b' } } });
    expect(res.$metadata.httpStatusCode).toBe(204);
    expect(tagged).toEqual([ResourceArn]);
  });

  it('pages through the generated paginator until NextToken is absent', async () => {
    const ApplicationId = (await client.createApp({ CreateApplicationRequest: { Name: 'p' } })).ApplicationResponse.Id;
    for (const Name of ['a', 'b', 'c']) await client.createSegment({ ApplicationId, WriteSegmentRequest: { Name } });
    const pages: string[][] = [];
    for await (const page of paginateGetSegments(client, { ApplicationId, PageSize: '2' })) pages.push(page.SegmentsResponse.Item.map((s) => s.Name ?? ''));
    expect(pages).toEqual([['a', 'b'], ['c']]);
    await expect(client.getSegments({ ApplicationId, Token: 'not-ours' })).rejects.toBeInstanceOf(BadRequestException);
    expect(mock.requests.at(-1)?.error).toBe('BadRequestException');
  });
});
