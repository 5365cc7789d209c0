/**
 * The body members each create/update operation requires, as the shapes declare them (the generated code carries no
 * runtime shape metadata, so this small table mirrors `generated/shapes.ts`). `Item[].Id` means every element's `Id`.
 */
import type { OperationName } from '../../generated/operations.js';
import { badRequest } from './errors.js';

export const REQUIRED_BODY_MEMBERS: Readonly<Partial<Record<OperationName, readonly string[]>>> = {
  CreateApp: ['Name'],
  // WriteCampaignRequest declares nothing required, but a campaign without a segment cannot exist (CampaignResponse.SegmentId).
  CreateCampaign: ['SegmentId'],
  UpdateEndpointsBatch: ['Item', 'Item[].Id'],
  PutEventStream: ['DestinationStreamArn', 'RoleArn'],
  CreateImportJob: ['Format', 'RoleArn', 'S3Url'],
  CreateExportJob: ['RoleArn', 'S3UrlPrefix'],
  SendMessages: ['MessageConfiguration'],
  SendUsersMessages: ['MessageConfiguration', 'Users'],
  PhoneNumberValidate: ['PhoneNumber'],
  UpdateAdmChannel: ['ClientId', 'ClientSecret'],
  UpdateBaiduChannel: ['ApiKey', 'SecretKey'],
  UpdateEmailChannel: ['FromAddress', 'Identity'],
  SendOTPMessage: ['BrandName', 'Channel', 'DestinationIdentity', 'OriginationIdentity', 'ReferenceId'],
  VerifyOTPMessage: ['DestinationIdentity', 'Otp', 'ReferenceId'],
  TagResource: ['tags'],
  CreateJourney: ['Name'],
  UpdateJourney: ['Name'],
  UpdateJourneyState: ['State'],
  CreateRecommenderConfiguration: ['RecommendationProviderRoleArn', 'RecommendationProviderUri'],
  UpdateRecommenderConfiguration: ['RecommendationProviderRoleArn', 'RecommendationProviderUri'],
  PutEvents: ['BatchItem'],
  UpdateTemplateActiveVersion: ['Version'],
};

const present = (v: unknown): boolean => v !== undefined && v !== null && v !== '';

/** Names the first required member missing from `body`, or `undefined` when all are present. */
function missing(body: unknown, path: readonly string[]): string | undefined {
  const [step, ...rest] = path;
  if (step === undefined) return undefined;
  const list = step.endsWith('[]');
  const key = list ? step.slice(0, -2) : step;
  const value = body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[key] : undefined;
  if (!present(value)) return key;
  if (!list) return rest.length ? prefix(key, missing(value, rest)) : undefined;
  if (!Array.isArray(value)) return key;
  for (const [i, element] of value.entries()) {
    const m = missing(element, rest);
    if (m !== undefined) return `${key}[${i}].${m}`;
  }
  return undefined;
}

const prefix = (key: string, m: string | undefined): string | undefined => (m === undefined ? undefined : `${key}.${m}`);

/** Throws `BadRequestException` naming the first required member `body` lacks. */
export function checkRequired(operation: string, bodyShape: string | undefined, body: unknown): void {
  for (const path of REQUIRED_BODY_MEMBERS[operation as OperationName] ?? []) {
    const m = missing(body, path.split('.'));
    if (m !== undefined) throw badRequest(`${bodyShape ?? operation}: the required member ${m} is missing`);
  }
}
