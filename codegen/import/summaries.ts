/** Drafts a one-line summary and a group for an action from its name (entries keep any summary people wrote). */

const NOUNS: Record<string, string> = {
  Adm: 'Amazon Device Messaging (ADM)', Apns: 'APNs', ApnsSandbox: 'APNs sandbox', ApnsVoip: 'APNs VoIP', ApnsVoipSandbox: 'APNs VoIP sandbox',
  Baidu: 'Baidu Cloud Push', Gcm: 'Firebase Cloud Messaging (GCM)', Sms: 'SMS', Email: 'email', Voice: 'voice', InApp: 'in-app', Push: 'push notification',
};

const SPECIAL: Record<string, string> = {
  GetReports: 'View analytics reports in the Amazon Pinpoint console (console-only permission, no API operation).',
  PhoneNumberValidate: 'Look up a phone number and return its carrier, type and location details.',
  SendMessages: 'Send a message directly to addresses or to endpoints of a project.',
  SendUsersMessages: 'Send a message to all endpoints of one or more user ids.',
  SendOTPMessage: 'Send a one-time password (OTP) to a phone number.',
  VerifyOTPMessage: 'Check a one-time password (OTP) that a recipient entered.',
  PutEvents: 'Record events for endpoints and create or update those endpoints.',
  PutEventStream: 'Create or replace the event stream that exports a project\'s events to Kinesis or Firehose.',
  GetEventStream: 'Read the event stream settings of a project.',
  DeleteEventStream: 'Delete the event stream of a project.',
  RemoveAttributes: 'Remove attribute definitions (endpoint custom, metric or user attributes) from a project.',
  TagResource: 'Add tags to an app, campaign, journey, segment or message template.',
  UntagResource: 'Remove tags from an app, campaign, journey, segment or message template.',
  ListTagsForResource: 'List the tags of an app, campaign, journey, segment or message template.',
  GetApps: 'List the projects (apps) in the account and Region.',
  CreateApp: 'Create a project (app).',
  GetApp: 'Read a project (app).',
  DeleteApp: 'Delete a project (app) and everything in it.',
  GetApplicationSettings: 'Read the default settings of a project (quiet time, limits, hooks).',
  UpdateApplicationSettings: 'Change the default settings of a project (quiet time, limits, hooks).',
  GetChannels: 'Read the status and settings of every channel of a project.',
  UpdateEndpointsBatch: 'Create or update up to 100 endpoints in one call.',
  GetUserEndpoints: 'List every endpoint associated with a user id.',
  DeleteUserEndpoints: 'Delete every endpoint associated with a user id.',
  GetInAppMessages: 'Read the in-app messages due to one endpoint.',
  ListTemplates: 'List the message templates of the account.',
  ListTemplateVersions: 'List the versions of a message template.',
  UpdateTemplateActiveVersion: 'Choose which version of a message template is active.',
  UpdateJourneyState: 'Pause, resume or cancel a journey.',
  GetJourneyRuns: 'List the runs of a journey.',
  ListJourneys: 'List the journeys of a project.',
};

const words = (s: string): string => s.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

export function summaryFor(action: string): string {
  if (SPECIAL[action]) return SPECIAL[action]!;
  const channel = /^(Get|Update|Delete)(\w+)Channel$/.exec(action);
  if (channel) {
    const verb = { Get: 'Read the settings of', Update: 'Enable, disable or change', Delete: 'Disable and delete' }[channel[1] as 'Get'];
    return `${verb} the ${NOUNS[channel[2]!] ?? words(channel[2]!)} channel of a project.`;
  }
  const template = /^(Create|Get|Update|Delete)(Email|Sms|Voice|Push|InApp)Template$/.exec(action);
  if (template) {
    const verb = { Create: 'Create', Get: 'Read', Update: 'Change', Delete: 'Delete' }[template[1] as 'Get'];
    return `${verb} a${template[2] === 'InApp' ? 'n' : ''} ${NOUNS[template[2]!]} message template.`;
  }
  const kpi = /^Get(Application|Campaign|Journey)DateRangeKpi$/.exec(action);
  if (kpi) return `Read a key performance indicator of a ${kpi[1]!.toLowerCase()} over a date range.`;
  const metrics = /^Get(Journey(?:Run)?)(Execution(?:Activity)?Metrics)$/.exec(action);
  if (metrics) return `Read the ${words(metrics[2]!)} of a ${words(metrics[1]!)}.`;
  const m = /^(Create|Get|Update|Delete)(\w+?)(s?)$/.exec(action);
  if (m) {
    const noun = words(m[2]!).replace(/^recommender configuration/, 'recommender model configuration');
    const verb = m[1]!;
    if (verb === 'Get' && m[3]) return `List the ${noun}s of ${/version|activitie/.test(noun) ? 'its parent' : 'a project'}.`.replace('activitie', 'activity');
    const article = /^[aeiou]/.test(noun) ? 'an' : 'a';
    return `${{ Create: 'Create', Get: 'Read', Update: 'Change', Delete: 'Delete' }[verb as 'Get']} ${article} ${noun}.`;
  }
  throw new Error(`no summary rule for ${action}`);
}

export function groupFor(action: string): string {
  const rules: readonly [RegExp, string][] = [
    [/Template/, 'Templates'],
    [/DateRangeKpi|ExecutionMetrics|ExecutionActivityMetrics/, 'Analytics'],
    [/Journey/, 'Journeys'],
    [/Recommender/, 'Recommenders'],
    [/^(Tag|Untag)Resource$|^ListTagsForResource$/, 'Tags'],
    [/Channel/, 'Channels'],
    [/OTP/, 'One-time passwords'],
    [/^PutEvents$/, 'Events'],
    [/^RemoveAttributes$/, 'Endpoints'],
    [/InAppMessages/, 'In-app messages'],
  ];
  const hit = rules.find(([re]) => re.test(action));
  if (!hit) throw new Error(`no group rule for ${action}`);
  return hit[1];
}
