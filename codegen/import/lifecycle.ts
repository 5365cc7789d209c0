/**
 * Drafts each action's lifecycle from AWS's end-of-support notice for Amazon Pinpoint. The rule: only what the
 * notice names is classified; everything else stays `unclear` (issue 8: "Do not guess").
 */
/** The full wording lives in catalog/README.md and the generated end-of-support page; entries cite it by this line. */
export const NOTICE_SOURCE = 'AWS end-of-support notice for Amazon Pinpoint, effective 2026-10-30 (on every page of the Pinpoint documentation)';
export const NOTICE_WORDING =
  "AWS end-of-support notice on every page of the Amazon Pinpoint documentation: after 2026-10-30 the console and Pinpoint's engagement resources (endpoints, segments, campaigns, journeys and analytics) can no longer be accessed; the APIs for SMS, voice, mobile push, OTP and phone number validation are not affected and continue under AWS End User Messaging.";

const SMS_VOICE_SUCCESSOR = 'AWS End User Messaging SMS and Voice v2 API (SendTextMessage, SendVoiceMessage, phone pools and origination identities)';

interface Lifecycle { status: 'supported' | 'end-of-support' | 'unclear'; reason: string; source: string; successor?: string }

const RETIRED_GROUPS: Record<string, string> = {
  Campaigns: 'campaigns are named as retired',
  Segments: 'segments (and their import and export job listings) are named as retired',
  Endpoints: 'endpoints are named as retired',
  Users: 'user endpoints are endpoints, which are named as retired',
  Journeys: 'journeys are named as retired',
  Analytics: 'analytics are named as retired',
  Reports: 'analytics (console reports) are named as retired',
};

const BY_ACTION: Record<string, Omit<Lifecycle, 'source'>> = {
  SendMessages: { status: 'supported', reason: 'sending SMS, voice and push messages is named as continuing; this action straddles the line: messages sent to raw addresses (Addresses) continue, messages sent to endpoint ids (Endpoints) depend on endpoints, which are retired', successor: SMS_VOICE_SUCCESSOR + ' for SMS and voice; this API continues for push to addresses' },
  SendUsersMessages: { status: 'end-of-support', reason: 'sends to user ids, which resolve to endpoints, and endpoints are named as retired' },
  SendOTPMessage: { status: 'supported', reason: 'one-time passwords (OTP) are named as continuing' },
  VerifyOTPMessage: { status: 'supported', reason: 'one-time passwords (OTP) are named as continuing' },
  PhoneNumberValidate: { status: 'supported', reason: 'phone number validation is named as continuing' },
  RemoveAttributes: { status: 'end-of-support', reason: 'removes endpoint and user attributes, which exist only on endpoints, and endpoints are named as retired' },
  PutEvents: { status: 'end-of-support', reason: 'records analytics events and endpoint updates; analytics and endpoints are named as retired' },
  GetInAppMessages: { status: 'end-of-support', reason: 'returns the in-app messages of one endpoint (by endpoint id), and endpoints are named as retired' },
};

const CHANNEL = /^(Get|Update|Delete)(Sms|Voice|Apns|ApnsSandbox|ApnsVoip|ApnsVoipSandbox|Gcm|Baidu|Adm)Channel$/;

export function lifecycleFor(action: string, group: string): Lifecycle {
  const source = NOTICE_SOURCE;
  const specific = BY_ACTION[action];
  if (specific) return { ...specific, source };
  const channel = CHANNEL.exec(action);
  if (channel) {
    const kind = channel[2] === 'Sms' ? 'SMS' : channel[2] === 'Voice' ? 'voice' : 'mobile push';
    return {
      status: 'supported', source,
      reason: `configures the ${kind} channel; ${kind} is named as continuing under AWS End User Messaging`,
      ...(kind === 'mobile push' ? {} : { successor: SMS_VOICE_SUCCESSOR }),
    };
  }
  const retired = RETIRED_GROUPS[group];
  if (retired) return { status: 'end-of-support', reason: retired, source };
  return { status: 'unclear', reason: `the notice names neither ${group.toLowerCase()} nor this action; kept unclear rather than guessed`, source };
}
