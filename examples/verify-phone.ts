/**
 * App code under test in verify-phone.test.ts: verifies a user's phone number with a one-time password sent by SMS,
 * an API that continues after Pinpoint's end of support (under AWS End User Messaging).
 */
import type { PinpointClient } from 'pinpoint-guard';

export interface PhoneCheck {
  readonly applicationId: string;
  /** The number the SMS is sent from (an origination number of the account). */
  readonly from: string;
  readonly userId: string;
  readonly phone: string;
}

/** One reference id per user: the code sent under it is the one VerifyOTPMessage checks. */
const referenceId = (check: PhoneCheck): string => `verify-phone-${check.userId}`;

export async function sendCode(client: PinpointClient, check: PhoneCheck): Promise<void> {
  await client.sendOTPMessage({
    ApplicationId: check.applicationId,
    SendOTPMessageRequestParameters: {
      BrandName: 'ExampleShop', Channel: 'SMS', DestinationIdentity: check.phone, OriginationIdentity: check.from,
      ReferenceId: referenceId(check), CodeLength: 6, ValidityPeriod: 10, AllowedAttempts: 3,
    },
  });
}

export async function checkCode(client: PinpointClient, check: PhoneCheck, code: string): Promise<boolean> {
  const { VerificationResponse } = await client.verifyOTPMessage({
    ApplicationId: check.applicationId,
    VerifyOTPMessageRequestParameters: { DestinationIdentity: check.phone, Otp: code, ReferenceId: referenceId(check) },
  });
  return VerificationResponse.Valid === true;
}
