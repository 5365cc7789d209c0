/**
 * Conformance, walked from the generated operations table: every one of the catalog's operations, called through our
 * client with a valid input against the kit, gets a 2xx — after a fault injected for that very operation (throttling,
 * a gateway's 5xx or latency, in turn) — and the body the kit answered decodes through the official SDK's own
 * deserialiser (`@aws-sdk/client-pinpoint`, its whole middleware stack, fed the kit's HTTP response) to the same values
 * our client decoded.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import * as sdk from '@aws-sdk/client-pinpoint';
import { type OperationName } from '../../src/index.js';
import { operations, type OperationSpec } from '../../src/tooling/index.js';
import { createPinpointMock, type FaultSpec } from '../../src/testing/index.js';
import { credentials, newClient } from './support.js';

const mock = createPinpointMock();
const server = setupServer(...mock.handlers);
/** The kit's answers, in order, as msw handed them to the client. */
const answers: Promise<{ status: number; headers: Record<string, string>; body: string }>[] = [];
server.events.on('response:mocked', ({ response }) => {
  const headers: Record<string, string> = {};
  response.headers.forEach((v, k) => { headers[k] = v; });
  answers.push(response.clone().text().then((body) => ({ status: response.status, headers, body })));
});
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => { mock.reset(); answers.length = 0; });
afterAll(() => server.close());

const client = newClient();
const ROLE = 'arn:aws:iam::123456789012:role/pinpoint';
const PERSONALIZE = 'arn:aws:personalize:us-east-1:123456789012:campaign/recs';
const TEMPLATE = 'tpl';
const PHONE = '+12065550100';
const DAY = new Date('2026-11-29T00:00:00Z');

type Stem = 'Adm' | 'Apns' | 'ApnsSandbox' | 'ApnsVoip' | 'ApnsVoipSandbox' | 'Baidu' | 'Email' | 'Gcm' | 'Sms' | 'Voice';
type ChannelOperation = `${'Get' | 'Update' | 'Delete'}${Stem}Channel`;

/** A valid update body of each channel. */
const CHANNELS: Readonly<Record<Stem, Record<string, unknown>>> = {
  Adm: { ClientId: 'id', ClientSecret: 'secret' },
  Apns: { TokenKey: 'k', TokenKeyId: 'kid', BundleId: 'b', TeamId: 't' },
  ApnsSandbox: { Certificate: 'c', PrivateKey: 'p' },
  ApnsVoip: { Certificate: 'c', PrivateKey: 'p' },
  ApnsVoipSandbox: { Certificate: 'c', PrivateKey: 'p' },
  Baidu: { ApiKey: 'k', SecretKey: 's' },
  Email: { FromAddress: 'a@example.com', Identity: 'arn:aws:ses:us-east-1:123456789012:identity/example.com' },
  Gcm: { ServiceJson: '{}', DefaultAuthenticationMethod: 'TOKEN' },
  Sms: { SenderId: 'ACME' },
  Voice: { Enabled: true },
};
/** The request member each channel's update body goes in. */
const CHANNEL_MEMBER: Readonly<Record<Stem, string>> = {
  Adm: 'ADMChannelRequest', Apns: 'APNSChannelRequest', ApnsSandbox: 'APNSSandboxChannelRequest', ApnsVoip: 'APNSVoipChannelRequest',
  ApnsVoipSandbox: 'APNSVoipSandboxChannelRequest', Baidu: 'BaiduChannelRequest', Email: 'EmailChannelRequest', Gcm: 'GCMChannelRequest',
  Sms: 'SMSChannelRequest', Voice: 'VoiceChannelRequest',
};

/** A valid body of each template type, by its request member. */
const TEMPLATES = {
  EmailTemplateRequest: { Subject: 'Hi {{User.Name}}', HtmlPart: '<p>hi</p>', TextPart: 'hi', DefaultSubstitutions: '{"User.Name":"you"}' },
  InAppTemplateRequest: { Layout: 'BOTTOM_BANNER', Content: [{ BodyConfig: { Alignment: 'LEFT', Body: 'hi', TextColor: '#000000' } }], CustomConfig: { k: 'v' } },
  PushNotificationTemplateRequest: { Default: { Title: 'Hi', Body: 'hi' }, GCM: { Body: 'hi', Action: 'OPEN_APP' } },
  SMSTemplateRequest: { Body: 'hi', TemplateDescription: 'greeting' },
  VoiceTemplateRequest: { Body: 'hi', LanguageCode: 'en-US', VoiceId: 'Joanna' },
} as const;

/** What every operation's input refers to: one of each resource, made through the client. */
interface Fixture {
  readonly ApplicationId: string;
  readonly SegmentId: string;
  readonly CampaignId: string;
  /** Published (`ACTIVE`), with one run. */
  readonly JourneyId: string;
  readonly DraftJourneyId: string;
  readonly RunId: string;
  readonly RecommenderId: string;
  readonly ImportJobId: string;
  readonly ExportJobId: string;
  readonly Otp: string;
}

const AUTH = { authorization: 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261129/us-east-1/mobiletargeting/aws4_request, SignedHeaders=host, Signature=00' };

/** The fixture is made straight through `mock.handle` (no signing, no msw): 122 of them must stay cheap. */
async function send(method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const res = await mock.handle({ method, path, headers: AUTH, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  if (res.status >= 300) throw new Error(`fixture: ${method} ${path} answered ${res.status} ${res.body}`);
  return res.body ? JSON.parse(res.body) as Record<string, unknown> : {};
}

const CHANNEL_PATH: Readonly<Record<Stem, string>> = {
  Adm: 'adm', Apns: 'apns', ApnsSandbox: 'apns_sandbox', ApnsVoip: 'apns_voip', ApnsVoipSandbox: 'apns_voip_sandbox', Baidu: 'baidu', Email: 'email', Gcm: 'gcm', Sms: 'sms', Voice: 'voice',
};
const TEMPLATE_PATH: Readonly<Record<keyof typeof TEMPLATES, string>> = {
  EmailTemplateRequest: 'email', InAppTemplateRequest: 'inapp', PushNotificationTemplateRequest: 'push', SMSTemplateRequest: 'sms', VoiceTemplateRequest: 'voice',
};

async function fixture(): Promise<Fixture> {
  const ApplicationId = String((await send('POST', '/v1/apps', { Name: 'conformance', tags: { team: 'a' } })).Id);
  const base = `/v1/apps/${ApplicationId}`;
  for (const [stem, body] of Object.entries(CHANNELS) as [Stem, Record<string, unknown>][]) await send('PUT', `${base}/channels/${CHANNEL_PATH[stem]}`, body);
  await send('PUT', `${base}/endpoints/ep-1`, {
    ChannelType: 'SMS', Address: PHONE, Attributes: { color: ['red'] }, Metrics: { visits: 2 }, User: { UserId: 'user-1', UserAttributes: { plan: ['pro'] } },
  });
  const SegmentId = String((await send('POST', `${base}/segments`, { Name: 's', Dimensions: { Demographic: { Platform: { Values: ['ios'] } } } })).Id);
  await send('PUT', `${base}/segments/${SegmentId}`, { Name: 's2' });
  for (const [member, body] of Object.entries(TEMPLATES) as [keyof typeof TEMPLATES, object][]) {
    await send('POST', `/v1/templates/${TEMPLATE}/${TEMPLATE_PATH[member]}`, { ...body, tags: { team: 'a' } });
  }
  const CampaignId = String((await send('POST', `${base}/campaigns`, {
    Name: 'c', SegmentId, Schedule: { StartTime: 'IMMEDIATE' }, Limits: { Daily: 1, Session: 1, Total: 3 }, Priority: 1,
    MessageConfiguration: { InAppMessage: { Layout: 'TOP_BANNER', Content: [{ BodyConfig: { Alignment: 'CENTER', Body: 'hello', TextColor: '#000000' } }] } },
    tags: { team: 'a' },
  })).Id);
  // On the wire, as the client sends it: SegmentDimensions is `segmentDimensions` in a journey's conditions.
  const journey = {
    Name: 'j', StartActivity: 'a1',
    Activities: {
      a1: { EMAIL: { TemplateName: TEMPLATE, NextActivity: 'a2' } },
      a2: { ConditionalSplit: { Condition: { Conditions: [{ segmentDimensions: { Demographic: { Platform: { Values: ['ios'] } } } }] }, TrueActivity: 'a3' } },
      a3: { Wait: { WaitTime: { WaitFor: 'PT1H' } } },
    },
  };
  const JourneyId = String((await send('POST', `${base}/journeys`, { ...journey, State: 'ACTIVE' })).Id);
  const DraftJourneyId = String((await send('POST', `${base}/journeys`, journey)).Id);
  const RunId = String(((await send('GET', `${base}/journeys/${JourneyId}/runs`)).Item as { RunId: string }[])[0]!.RunId);
  const RecommenderId = String((await send('POST', '/v1/recommenders', { Name: 'r', RecommendationProviderRoleArn: ROLE, RecommendationProviderUri: PERSONALIZE })).Id);
  const ImportJobId = String((await send('POST', `${base}/jobs/import`, { Format: 'CSV', RoleArn: ROLE, S3Url: 's3://b/k', SegmentId })).Id);
  const ExportJobId = String((await send('POST', `${base}/jobs/export`, { RoleArn: ROLE, S3UrlPrefix: 's3://b/', SegmentId })).Id);
  mock.completeJobs();
  await send('POST', `${base}/eventstream`, { DestinationStreamArn: 'arn:aws:kinesis:us-east-1:123456789012:stream/s', RoleArn: ROLE });
  await send('POST', `${base}/messages`, { Addresses: { [PHONE]: { ChannelType: 'SMS' } }, MessageConfiguration: { SMSMessage: { Body: 'hi' } } });
  await send('POST', `${base}/otp`, { BrandName: 'Acme', Channel: 'SMS', DestinationIdentity: PHONE, OriginationIdentity: '+18005550199', ReferenceId: 'ref' });
  return { ApplicationId, SegmentId, CampaignId, JourneyId, DraftJourneyId, RunId, RecommenderId, ImportJobId, ExportJobId, Otp: mock.sentOtpCode(PHONE, 'ref') };
}

type Input = (f: Fixture) => Record<string, unknown>;
const app = (f: Fixture): { ApplicationId: string } => ({ ApplicationId: f.ApplicationId });
const kpi = { KpiName: 'successful-delivery-rate-grouped-by-date', StartTime: new Date(DAY.getTime() - 2 * 86_400_000), EndTime: DAY };

const channelInputs = Object.fromEntries((Object.keys(CHANNELS) as Stem[]).flatMap((stem) => [
  [`Get${stem}Channel`, app],
  [`Delete${stem}Channel`, app],
  [`Update${stem}Channel`, (f: Fixture) => ({ ...app(f), [CHANNEL_MEMBER[stem]]: CHANNELS[stem] })],
])) as unknown as Record<ChannelOperation, Input>;

/** A valid input of every other operation: the compiler holds this table to the catalog's operation names. */
const inputs: Record<Exclude<OperationName, ChannelOperation>, Input> = {
  CreateApp: () => ({ CreateApplicationRequest: { Name: 'new', tags: { k: 'v' } } }),
  GetApp: app,
  GetApps: () => ({}),
  DeleteApp: app,
  GetApplicationSettings: app,
  UpdateApplicationSettings: (f) => ({ ...app(f), WriteApplicationSettingsRequest: { QuietTime: { Start: '22:00', End: '07:00' }, CloudWatchMetricsEnabled: true } }),
  GetChannels: app,
  CreateSegment: (f) => ({ ...app(f), WriteSegmentRequest: { Name: 'new' } }),
  GetSegment: (f) => ({ ...app(f), SegmentId: f.SegmentId }),
  GetSegments: app,
  UpdateSegment: (f) => ({ ...app(f), SegmentId: f.SegmentId, WriteSegmentRequest: { Name: 'renamed' } }),
  DeleteSegment: (f) => ({ ...app(f), SegmentId: f.SegmentId }),
  GetSegmentVersion: (f) => ({ ...app(f), SegmentId: f.SegmentId, Version: '1' }),
  GetSegmentVersions: (f) => ({ ...app(f), SegmentId: f.SegmentId }),
  GetSegmentImportJobs: (f) => ({ ...app(f), SegmentId: f.SegmentId }),
  GetSegmentExportJobs: (f) => ({ ...app(f), SegmentId: f.SegmentId }),
  CreateCampaign: (f) => ({ ...app(f), WriteCampaignRequest: { Name: 'new', SegmentId: f.SegmentId } }),
  GetCampaign: (f) => ({ ...app(f), CampaignId: f.CampaignId }),
  GetCampaigns: app,
  UpdateCampaign: (f) => ({ ...app(f), CampaignId: f.CampaignId, WriteCampaignRequest: { Name: 'renamed', IsPaused: true } }),
  DeleteCampaign: (f) => ({ ...app(f), CampaignId: f.CampaignId }),
  GetCampaignVersion: (f) => ({ ...app(f), CampaignId: f.CampaignId, Version: '1' }),
  GetCampaignVersions: (f) => ({ ...app(f), CampaignId: f.CampaignId }),
  GetCampaignActivities: (f) => ({ ...app(f), CampaignId: f.CampaignId }),
  GetCampaignDateRangeKpi: (f) => ({ ...app(f), CampaignId: f.CampaignId, ...kpi }),
  GetApplicationDateRangeKpi: (f) => ({ ...app(f), ...kpi }),
  GetJourneyDateRangeKpi: (f) => ({ ...app(f), JourneyId: f.JourneyId, ...kpi }),
  GetEndpoint: (f) => ({ ...app(f), EndpointId: 'ep-1' }),
  UpdateEndpoint: (f) => ({ ...app(f), EndpointId: 'ep-2', EndpointRequest: { ChannelType: 'EMAIL', Address: 'b@example.com' } }),
  UpdateEndpointsBatch: (f) => ({ ...app(f), EndpointBatchRequest: { Item: [{ Id: 'ep-3', ChannelType: 'SMS', Address: '+12065550103' }] } }),
  DeleteEndpoint: (f) => ({ ...app(f), EndpointId: 'ep-1' }),
  GetUserEndpoints: (f) => ({ ...app(f), UserId: 'user-1' }),
  DeleteUserEndpoints: (f) => ({ ...app(f), UserId: 'user-1' }),
  RemoveAttributes: (f) => ({ ...app(f), AttributeType: 'endpoint-custom-attributes', UpdateAttributesRequest: { Blacklist: ['color'] } }),
  PutEvents: (f) => ({
    ...app(f),
    EventsRequest: { BatchItem: { 'ep-1': { Endpoint: { ChannelType: 'SMS', Address: PHONE }, Events: { e1: { EventType: 'session.start', Timestamp: '2026-11-29T10:00:00Z' } } } } },
  }),
  GetEventStream: app,
  PutEventStream: (f) => ({ ...app(f), WriteEventStream: { DestinationStreamArn: 'arn:aws:firehose:us-east-1:123456789012:deliverystream/d', RoleArn: ROLE } }),
  DeleteEventStream: app,
  CreateImportJob: (f) => ({ ...app(f), ImportJobRequest: { Format: 'JSON', RoleArn: ROLE, S3Url: 's3://b/other', DefineSegment: true, SegmentName: 'imported' } }),
  GetImportJob: (f) => ({ ...app(f), JobId: f.ImportJobId }),
  GetImportJobs: app,
  CreateExportJob: (f) => ({ ...app(f), ExportJobRequest: { RoleArn: ROLE, S3UrlPrefix: 's3://b/all/' } }),
  GetExportJob: (f) => ({ ...app(f), JobId: f.ExportJobId }),
  GetExportJobs: app,
  SendMessages: (f) => ({
    ...app(f), MessageRequest: { Addresses: { [PHONE]: { ChannelType: 'SMS' } }, Endpoints: { 'ep-1': {}, missing: {} }, MessageConfiguration: { SMSMessage: { Body: 'hi' } } },
  }),
  SendUsersMessages: (f) => ({ ...app(f), SendUsersMessageRequest: { MessageConfiguration: { SMSMessage: { Body: 'hi' } }, Users: { 'user-1': {} } } }),
  SendOTPMessage: (f) => ({
    ...app(f), SendOTPMessageRequestParameters: { BrandName: 'Acme', Channel: 'SMS', DestinationIdentity: PHONE, OriginationIdentity: '+18005550199', ReferenceId: 'other', CodeLength: 8 },
  }),
  VerifyOTPMessage: (f) => ({ ...app(f), VerifyOTPMessageRequestParameters: { DestinationIdentity: PHONE, Otp: f.Otp, ReferenceId: 'ref' } }),
  PhoneNumberValidate: () => ({ NumberValidateRequest: { PhoneNumber: '+442071838750' } }),
  GetInAppMessages: (f) => ({ ...app(f), EndpointId: 'ep-1' }),
  CreateJourney: (f) => ({ ...app(f), WriteJourneyRequest: { Name: 'new' } }),
  GetJourney: (f) => ({ ...app(f), JourneyId: f.JourneyId }),
  ListJourneys: app,
  UpdateJourney: (f) => ({ ...app(f), JourneyId: f.DraftJourneyId, WriteJourneyRequest: { Name: 'renamed', State: 'ACTIVE' } }),
  UpdateJourneyState: (f) => ({ ...app(f), JourneyId: f.JourneyId, JourneyStateRequest: { State: 'PAUSED' } }),
  DeleteJourney: (f) => ({ ...app(f), JourneyId: f.JourneyId }),
  GetJourneyRuns: (f) => ({ ...app(f), JourneyId: f.JourneyId }),
  GetJourneyExecutionMetrics: (f) => ({ ...app(f), JourneyId: f.JourneyId }),
  GetJourneyExecutionActivityMetrics: (f) => ({ ...app(f), JourneyId: f.JourneyId, JourneyActivityId: 'a1' }),
  GetJourneyRunExecutionMetrics: (f) => ({ ...app(f), JourneyId: f.JourneyId, RunId: f.RunId }),
  GetJourneyRunExecutionActivityMetrics: (f) => ({ ...app(f), JourneyId: f.JourneyId, RunId: f.RunId, JourneyActivityId: 'a2' }),
  CreateRecommenderConfiguration: () => ({ CreateRecommenderConfiguration: { RecommendationProviderRoleArn: ROLE, RecommendationProviderUri: PERSONALIZE, RecommendationsPerMessage: 3 } }),
  GetRecommenderConfiguration: (f) => ({ RecommenderId: f.RecommenderId }),
  GetRecommenderConfigurations: () => ({}),
  UpdateRecommenderConfiguration: (f) => ({ RecommenderId: f.RecommenderId, UpdateRecommenderConfiguration: { RecommendationProviderRoleArn: ROLE, RecommendationProviderUri: PERSONALIZE, Name: 'renamed' } }),
  DeleteRecommenderConfiguration: (f) => ({ RecommenderId: f.RecommenderId }),
  CreateEmailTemplate: () => ({ TemplateName: 'new', EmailTemplateRequest: TEMPLATES.EmailTemplateRequest }),
  CreateInAppTemplate: () => ({ TemplateName: 'new', InAppTemplateRequest: TEMPLATES.InAppTemplateRequest }),
  CreatePushTemplate: () => ({ TemplateName: 'new', PushNotificationTemplateRequest: TEMPLATES.PushNotificationTemplateRequest }),
  CreateSmsTemplate: () => ({ TemplateName: 'new', SMSTemplateRequest: TEMPLATES.SMSTemplateRequest }),
  CreateVoiceTemplate: () => ({ TemplateName: 'new', VoiceTemplateRequest: TEMPLATES.VoiceTemplateRequest }),
  GetEmailTemplate: () => ({ TemplateName: TEMPLATE }),
  GetInAppTemplate: () => ({ TemplateName: TEMPLATE }),
  GetPushTemplate: () => ({ TemplateName: TEMPLATE }),
  GetSmsTemplate: () => ({ TemplateName: TEMPLATE, Version: '1' }),
  GetVoiceTemplate: () => ({ TemplateName: TEMPLATE }),
  UpdateEmailTemplate: () => ({ TemplateName: TEMPLATE, CreateNewVersion: true, EmailTemplateRequest: { Subject: 'v2' } }),
  UpdateInAppTemplate: () => ({ TemplateName: TEMPLATE, InAppTemplateRequest: { Layout: 'MIDDLE_BANNER' } }),
  UpdatePushTemplate: () => ({ TemplateName: TEMPLATE, Version: '1', PushNotificationTemplateRequest: { Default: { Body: 'v1b' } } }),
  UpdateSmsTemplate: () => ({ TemplateName: TEMPLATE, CreateNewVersion: true, SMSTemplateRequest: { Body: 'v2' } }),
  UpdateVoiceTemplate: () => ({ TemplateName: TEMPLATE, VoiceTemplateRequest: { Body: 'v1b' } }),
  DeleteEmailTemplate: () => ({ TemplateName: TEMPLATE }),
  DeleteInAppTemplate: () => ({ TemplateName: TEMPLATE }),
  DeletePushTemplate: () => ({ TemplateName: TEMPLATE, Version: '1' }),
  DeleteSmsTemplate: () => ({ TemplateName: TEMPLATE }),
  DeleteVoiceTemplate: () => ({ TemplateName: TEMPLATE }),
  ListTemplates: () => ({ TemplateType: 'SMS' }),
  ListTemplateVersions: () => ({ TemplateName: TEMPLATE, TemplateType: 'SMS' }),
  UpdateTemplateActiveVersion: () => ({ TemplateName: TEMPLATE, TemplateType: 'EMAIL', TemplateActiveVersionRequest: { Version: 'latest' } }),
  TagResource: (f) => ({ ResourceArn: `arn:aws:mobiletargeting:us-east-1:123456789012:apps/${f.ApplicationId}/journeys/${f.JourneyId}`, TagsModel: { tags: { stage: 'prod' } } }),
  UntagResource: () => ({ ResourceArn: `arn:aws:mobiletargeting:us-east-1:123456789012:templates/${TEMPLATE}/VOICE`, TagKeys: ['team'] }),
  ListTagsForResource: (f) => ({ ResourceArn: `arn:aws:mobiletargeting:us-east-1:123456789012:apps/${f.ApplicationId}/campaigns/${f.CampaignId}` }),
};

const ALL: Record<OperationName, Input> = { ...channelInputs, ...inputs };

/** A fault for the operation, in turn: throttling, a gateway's 5xx, latency. Each is retried or waited out by the client. */
const FAULTS: readonly ((operation: string) => FaultSpec)[] = [
  (operation) => ({ operation, status: 429, retryAfter: 0 }),
  (operation) => ({ operation, status: 503 }),
  (operation) => ({ operation, delayMs: 5 }),
];

/** The official SDK's client, answered by `response` instead of the network: what it decodes is its deserialiser's work alone. */
function sdkFed(response: { status: number; headers: Record<string, string>; body: string }): sdk.PinpointClient {
  return new sdk.PinpointClient({
    region: 'us-east-1', credentials, maxAttempts: 1,
    requestHandler: { handle: async () => ({ response: { statusCode: response.status, reason: '', headers: response.headers, body: Buffer.from(response.body) } }) },
  });
}

const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);
const withoutMetadata = (o: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(o).filter(([k]) => k !== '$metadata'));

describe('conformance: every operation of the catalog', () => {
  const names = Object.keys(operations) as OperationName[];

  it('the table of valid inputs names every operation, and nothing else', () => {
    expect(Object.keys(ALL).sort()).toEqual([...names].sort());
    expect(names).toHaveLength(122);
  });

  it.each(names.map((name, i) => [name, i] as const))('%s: 2xx through our client after a fault; the SDK decodes the same body to the same values', async (name, i) => {
    const f = await fixture();
    const input = ALL[name](f);
    const fault = FAULTS[i % FAULTS.length]!(name);
    mock.injectFault(fault);
    answers.length = 0;
    const before = mock.requests.length;
    const ours = await (client as unknown as Record<string, (i: unknown) => Promise<Record<string, unknown> & { $metadata: { httpStatusCode: number } }>>)[lowerFirst(name)]!.call(client, input);
    const spec: OperationSpec = operations[name];
    expect(ours.$metadata.httpStatusCode).toBe(spec.status);
    expect(mock.requests.slice(before).filter((r) => r.operation === name).map((r) => r.status)).toEqual(fault.status === undefined ? [spec.status] : [fault.status, spec.status]);
    expect(mock.pendingFaults).toEqual([]);

    const answered = await answers.at(-1)!;
    expect(answered.status).toBe(spec.status);
    const Command = (sdk as unknown as Record<string, new (input: unknown) => sdk.$Command<object, object, object>>)[`${name}Command`];
    expect(Command, `@aws-sdk/client-pinpoint has ${name}Command`).toBeTypeOf('function');
    const theirs = await sdkFed(answered).send(new Command!(input) as never) as unknown as Record<string, unknown>;
    expect(withoutMetadata(theirs)).toEqual(withoutMetadata(ours));
    if (spec.outputBody) expect(ours[spec.outputBody], `${name} answers a ${spec.outputBody}`).toBeTypeOf('object');
  });
});
