/** Example values for ARN placeholders, used by the docs' least-privilege policies and their tests. */
import type { CatalogEntry } from './catalog/types.js';

const EXAMPLES: Readonly<Record<string, string>> = {
  Partition: 'aws', Region: 'us-east-1', Account: '111122223333',
  ApplicationId: 'a1b2c3d4e5f67890a1b2c3d4e5f67890', SegmentId: 'segment-0123', CampaignId: 'campaign-0123', JourneyId: 'journey-0123',
  EndpointId: 'endpoint-0123', UserId: 'user-0123', JobId: 'job-0123', KpiName: 'successful-delivery-rate', JourneyActivityId: 'activity-0123',
  RecommenderId: 'recommender-0123', TemplateName: 'welcome', TemplateType: 'EMAIL', AttributeType: 'endpoint-custom-attributes',
  ResourceArn: 'arn:aws:mobiletargeting:us-east-1:111122223333:apps/a1b2c3d4e5f67890a1b2c3d4e5f67890',
};

export const exampleValue = (placeholder: string): string => EXAMPLES[placeholder] ?? `example-${placeholder}`;

/** The entry's ARN for one example resource. */
export const exampleResource = (e: CatalogEntry): string => e.resource.replace(/\$\{(\w+)\}/g, (_, p: string) => exampleValue(p));

/** The least-privilege identity policy allowing exactly this action on one example resource. */
export function examplePolicy(e: CatalogEntry): object {
  return {
    Version: '2012-10-17',
    Statement: [{ Sid: `Allow${e.actionName}`, Effect: 'Allow', Action: e.action, Resource: exampleResource(e) }],
  };
}
