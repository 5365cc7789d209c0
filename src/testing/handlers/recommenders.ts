/**
 * Recommender configurations of the account (Amazon Personalize campaigns Pinpoint reads recommendations from). Create
 * and Update check what Pinpoint checks: the role is an IAM role ARN, the provider a Personalize campaign ARN, the
 * id type and the number of recommendations per message within their values; omitted, those two default as Pinpoint's do.
 */
import type { CreateRecommenderConfigurationShape, RecommenderConfigurationResponse } from '../../../generated/shapes.js';
import type { HandlerContext, HandlerTable } from '../context.js';
import { parseArn } from '../../resource/arn.js';
import { badRequest, notFound } from '../errors.js';

const ID_TYPES: readonly string[] = ['PINPOINT_ENDPOINT_ID', 'PINPOINT_USER_ID'];
const PER_MESSAGE = { min: 1, max: 5 } as const;

function checkArn(member: string, value: string, service: string, resource: RegExp, example: string): void {
  const arn = parseArn(value);
  if (!arn || arn.service !== service || !resource.test(arn.resource)) throw badRequest(`Invalid ${member} ${JSON.stringify(value)}: expected ${example}`);
}

/** The configuration a request writes, checked, with Pinpoint's defaults filled in. */
function configuration(req: CreateRecommenderConfigurationShape): Omit<RecommenderConfigurationResponse, 'Id' | 'CreationDate' | 'LastModifiedDate'> {
  checkArn('RecommendationProviderRoleArn', req.RecommendationProviderRoleArn, 'iam', /^role\/.+/, 'an IAM role ARN (arn:aws:iam::123456789012:role/name)');
  checkArn('RecommendationProviderUri', req.RecommendationProviderUri, 'personalize', /^campaign\/.+/, 'an Amazon Personalize campaign ARN (arn:aws:personalize:us-east-1:123456789012:campaign/name)');
  if (req.RecommendationTransformerUri !== undefined && !/^[A-Za-z0-9-_]{1,64}$/.test(req.RecommendationTransformerUri)) {
    throw badRequest(`Invalid RecommendationTransformerUri ${JSON.stringify(req.RecommendationTransformerUri)}: expected the name of an AWS Lambda function`);
  }
  const idType = req.RecommendationProviderIdType ?? 'PINPOINT_ENDPOINT_ID';
  if (!ID_TYPES.includes(idType)) throw badRequest(`Invalid RecommendationProviderIdType ${JSON.stringify(idType)}: valid values are ${ID_TYPES.join(', ')}`);
  const perMessage = req.RecommendationsPerMessage ?? PER_MESSAGE.max;
  if (!Number.isInteger(perMessage) || perMessage < PER_MESSAGE.min || perMessage > PER_MESSAGE.max) {
    throw badRequest(`Invalid RecommendationsPerMessage: expected an integer from ${PER_MESSAGE.min} to ${PER_MESSAGE.max}, got ${JSON.stringify(perMessage)}`);
  }
  return { ...req, RecommendationProviderIdType: idType, RecommendationsPerMessage: perMessage };
}

function recommenderOf(ctx: HandlerContext): RecommenderConfigurationResponse {
  const id = ctx.params.RecommenderId ?? '';
  const found = ctx.store.recommenders.get(id);
  if (!found) throw notFound('Recommender configuration', id);
  return found;
}

export const recommenderHandlers: HandlerTable = {
  CreateRecommenderConfiguration: (ctx) => {
    const now = ctx.now();
    const created: RecommenderConfigurationResponse = {
      ...configuration(ctx.body as unknown as CreateRecommenderConfigurationShape), Id: ctx.store.nextId(), CreationDate: now, LastModifiedDate: now,
    };
    ctx.store.recommenders.set(created.Id, created);
    return created;
  },
  GetRecommenderConfiguration: (ctx) => recommenderOf(ctx),
  GetRecommenderConfigurations: (ctx) => ctx.page([...ctx.store.recommenders.values()]),
  UpdateRecommenderConfiguration: (ctx) => {
    const current = recommenderOf(ctx);
    // An update replaces the configuration: members it leaves out are gone (defaults apply again).
    const updated: RecommenderConfigurationResponse = {
      ...configuration(ctx.body as unknown as CreateRecommenderConfigurationShape), Id: current.Id, CreationDate: current.CreationDate, LastModifiedDate: ctx.now(),
    };
    ctx.store.recommenders.set(current.Id, updated);
    return updated;
  },
  DeleteRecommenderConfiguration: (ctx) => {
    const current = recommenderOf(ctx);
    ctx.store.recommenders.delete(current.Id);
    return current;
  },
};
