import { describe, expect, it } from 'vitest';
import { BadRequestException, NotFoundException, paginateGetRecommenderConfigurations } from '../../src/index.js';
import { useMock } from './support.js';

const { client } = useMock();
const RoleArn = 'arn:aws:iam::123456789012:role/pinpoint';
const Uri = 'arn:aws:personalize:us-east-1:123456789012:campaign/recs';
const valid = { RecommendationProviderRoleArn: RoleArn, RecommendationProviderUri: Uri };

describe('recommender configurations', () => {
  it('create fills Pinpoint\'s defaults; update replaces; list pages; delete answers the last state', async () => {
    const created = (await client.createRecommenderConfiguration({ CreateRecommenderConfiguration: { ...valid, Name: 'r' } })).RecommenderConfigurationResponse;
    expect(created).toMatchObject({ ...valid, Name: 'r', RecommendationProviderIdType: 'PINPOINT_ENDPOINT_ID', RecommendationsPerMessage: 5 });
    const RecommenderId = created.Id;
    const updated = (await client.updateRecommenderConfiguration({ RecommenderId, UpdateRecommenderConfiguration: { ...valid, RecommendationsPerMessage: 2 } })).RecommenderConfigurationResponse;
    expect(updated).toMatchObject({ Id: RecommenderId, RecommendationsPerMessage: 2, CreationDate: created.CreationDate });
    expect(updated.Name).toBeUndefined();
    expect((await client.getRecommenderConfiguration({ RecommenderId })).RecommenderConfigurationResponse).toEqual(updated);
    for (const Name of ['b', 'c']) await client.createRecommenderConfiguration({ CreateRecommenderConfiguration: { ...valid, Name } });
    const pages: number[] = [];
    for await (const page of paginateGetRecommenderConfigurations(client, { PageSize: '2' })) pages.push(page.ListRecommenderConfigurationsResponse.Item.length);
    expect(pages).toEqual([2, 1]);
    expect((await client.deleteRecommenderConfiguration({ RecommenderId })).RecommenderConfigurationResponse).toEqual(updated);
    await expect(client.getRecommenderConfiguration({ RecommenderId })).rejects.toBeInstanceOf(NotFoundException);
  });

  it.each([
    [{ RecommendationProviderRoleArn: 'arn:aws:iam::123456789012:user/u' }, /Invalid RecommendationProviderRoleArn .*: expected an IAM role ARN/],
    [{ RecommendationProviderUri: 'arn:aws:s3:::bucket' }, /Invalid RecommendationProviderUri .*: expected an Amazon Personalize campaign ARN/],
    [{ RecommendationsPerMessage: 6 }, /Invalid RecommendationsPerMessage: expected an integer from 1 to 5, got 6/],
    [{ RecommendationProviderIdType: 'EMAIL' }, /valid values are PINPOINT_ENDPOINT_ID, PINPOINT_USER_ID/],
    [{ RecommendationProviderUri: '' }, /CreateRecommenderConfiguration: the required member RecommendationProviderUri is missing/],
  ])('refuses %j', async (change, message) => {
    const error = await client.createRecommenderConfiguration({ CreateRecommenderConfiguration: { ...valid, ...change } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestException);
    expect((error as Error).message).toMatch(message);
  });
});
