import { describe, expect, it } from 'vitest';
import { NotFoundException } from '../../src/index.js';
import { useMock } from './support.js';

const { mock, client } = useMock();
const prefix = 'arn:aws:mobiletargeting:us-east-1:123456789012';
const AUTH = 'AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/mobiletargeting/aws4_request, SignedHeaders=host, Signature=00';

/** One of each taggable resource, created with `{ made: 'create' }`; returns each one's ARN and a reader of its own Get's tags. */
async function resources(): Promise<readonly [string, string, () => Promise<Record<string, string> | undefined>][]> {
  const tags = { made: 'create' };
  const app = (await client.createApp({ CreateApplicationRequest: { Name: 'p', tags } })).ApplicationResponse;
  const ApplicationId = app.Id;
  const segment = (await client.createSegment({ ApplicationId, WriteSegmentRequest: { Name: 's', tags } })).SegmentResponse;
  const campaign = (await client.createCampaign({ ApplicationId, WriteCampaignRequest: { Name: 'c', SegmentId: segment.Id, tags } })).CampaignResponse;
  const journey = (await client.createJourney({ ApplicationId, WriteJourneyRequest: { Name: 'j' } })).JourneyResponse;
  await client.tagResource({ ResourceArn: `${prefix}:apps/${ApplicationId}/journeys/${journey.Id}`, TagsModel: { tags } });
  await client.createSmsTemplate({ TemplateName: 't', SMSTemplateRequest: { Body: 'b', tags } });
  return [
    ['app', app.Arn, async () => (await client.getApp({ ApplicationId })).ApplicationResponse.tags],
    ['segment', segment.Arn, async () => (await client.getSegment({ ApplicationId, SegmentId: segment.Id })).SegmentResponse.tags],
    ['campaign', campaign.Arn, async () => (await client.getCampaign({ ApplicationId, CampaignId: campaign.Id })).CampaignResponse.tags],
    ['journey', `${prefix}:apps/${ApplicationId}/journeys/${journey.Id}`, async () => (await client.getJourney({ ApplicationId, JourneyId: journey.Id })).JourneyResponse.tags],
    ['template', `${prefix}:templates/t/SMS`, async () => (await client.getSmsTemplate({ TemplateName: 't' })).SMSTemplateResponse.tags],
  ];
}

describe('TagResource, UntagResource and ListTagsForResource', () => {
  it('tag, list and untag every taggable resource; its own Get answers the same tags', async () => {
    for (const [kind, ResourceArn, ownTags] of await resources()) {
      expect((await client.listTagsForResource({ ResourceArn })).TagsModel, kind).toEqual({ tags: { made: 'create' } });
      const tagged = await client.tagResource({ ResourceArn, TagsModel: { tags: { team: 'growth', env: 'test' } } });
      expect(tagged.$metadata.httpStatusCode).toBe(204);
      expect((await client.listTagsForResource({ ResourceArn })).TagsModel.tags, kind).toEqual({ made: 'create', team: 'growth', env: 'test' });
      await client.untagResource({ ResourceArn, TagKeys: ['made', 'env'] });
      expect((await client.listTagsForResource({ ResourceArn })).TagsModel.tags, kind).toEqual({ team: 'growth' });
      expect(await ownTags(), kind).toEqual({ team: 'growth' });
    }
  });

  it('tags of a segment or campaign survive its next version', async () => {
    const segmentArn = (await resources())[1]?.[1];
    const SegmentId = segmentArn!.split('/').at(-1)!;
    const ApplicationId = segmentArn!.split('/')[1]!;
    await client.tagResource({ ResourceArn: segmentArn!, TagsModel: { tags: { k: 'v' } } });
    const updated = await client.updateSegment({ ApplicationId, SegmentId, WriteSegmentRequest: { Name: 's2' } });
    expect(updated.SegmentResponse).toMatchObject({ Version: 2, tags: { made: 'create', k: 'v' } });
  });

  it.each([
    ['no resource of the mock', `${prefix}:apps/nope`, NotFoundException, /Resource not found: Resource "arn:aws:mobiletargeting:us-east-1:123456789012:apps\/nope" does not exist/],
    ['another account', 'arn:aws:mobiletargeting:us-east-1:210987654321:templates/t/SMS', NotFoundException, /does not exist/],
    ['a resource that takes no tags', `${prefix}:recommenders/abc`, NotFoundException, /does not exist/],
  ] as const)('refuses %s', async (_, ResourceArn, Exception, message) => {
    await resources();
    const error = await client.listTagsForResource({ ResourceArn }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Exception);
    expect((error as Error).message).toMatch(message);
  });

  it('refuses an ARN of another service with BadRequestException (the client refuses it before sending; the kit too)', async () => {
    const res = await mock.handle({ method: 'GET', path: `/v1/tags/${encodeURIComponent('arn:aws:s3:::bucket')}`, headers: { authorization: AUTH } });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ Message: expect.stringMatching(/Invalid ResourceArn "arn:aws:s3:::bucket": expected an Amazon Pinpoint ARN/) });
    await expect(client.listTagsForResource({ ResourceArn: 'arn:aws:s3:::bucket' })).rejects.toThrow(/ResourceArn/);
  });

  it.each([
    [{ 'aws:owner': 'x' }, /the aws: prefix is reserved/],
    [{ k: 'v'.repeat(257) }, /a string of at most 256 characters/],
    [Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v'])), /at most 50, got 51/],
  ])('refuses tags AWS refuses (%#)', async (tags, message) => {
    const app = (await client.createApp({ CreateApplicationRequest: { Name: 'p' } })).ApplicationResponse;
    await expect(client.tagResource({ ResourceArn: app.Arn, TagsModel: { tags } })).rejects.toThrow(message);
    expect(mock.store.apps.get(app.Id)?.app.tags).toBeUndefined();
  });
});
