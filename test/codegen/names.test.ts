import { describe, expect, it } from 'vitest';
import { namesFor, words } from '../../codegen/model.js';

describe(namesFor.name, () => {
  const cases: [string, { method: string; input: string; output: string; docPage: string; paginator: string }][] = [
    ['GetSegment', { method: 'getSegment', input: 'GetSegmentInput', output: 'GetSegmentOutput', docPage: 'get-segment.md', paginator: 'paginateGetSegment' }],
    ['SendOTPMessage', { method: 'sendOTPMessage', input: 'SendOTPMessageInput', output: 'SendOTPMessageOutput', docPage: 'send-otp-message.md', paginator: 'paginateSendOTPMessage' }],
    ['GetApnsVoipSandboxChannel', { method: 'getApnsVoipSandboxChannel', input: 'GetApnsVoipSandboxChannelInput', output: 'GetApnsVoipSandboxChannelOutput', docPage: 'get-apns-voip-sandbox-channel.md', paginator: 'paginateGetApnsVoipSandboxChannel' }],
    ['PhoneNumberValidate', { method: 'phoneNumberValidate', input: 'PhoneNumberValidateInput', output: 'PhoneNumberValidateOutput', docPage: 'phone-number-validate.md', paginator: 'paginatePhoneNumberValidate' }],
    ['GetApplicationDateRangeKpi', { method: 'getApplicationDateRangeKpi', input: 'GetApplicationDateRangeKpiInput', output: 'GetApplicationDateRangeKpiOutput', docPage: 'get-application-date-range-kpi.md', paginator: 'paginateGetApplicationDateRangeKpi' }],
  ];
  it.each(cases)('%s', (given, want) => {
    expect(namesFor(given)).toEqual(want);
  });
});

describe(words.name, () => {
  it.each([
    ['SendOTPMessage', ['Send', 'OTP', 'Message']],
    ['VerifyOTPMessage', ['Verify', 'OTP', 'Message']],
    ['GetGcmChannel', ['Get', 'Gcm', 'Channel']],
    ['UpdateEndpointsBatch', ['Update', 'Endpoints', 'Batch']],
  ])('%s', (given, want) => expect(words(given)).toEqual(want));
});
