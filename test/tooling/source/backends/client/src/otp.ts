import type { PinpointClient } from '../../../../../../src/index.js';

/** One-time passwords: the project comes from the constructor, so the code does not fix it. */
export class Otp {
  constructor(private readonly client: PinpointClient<'enforce' | 'record' | 'off'>, private readonly appId: string) {}

  send(phone: string, referenceId: string) {
    return this.client.sendOTPMessage({ ApplicationId: this.appId, SendOTPMessageRequestParameters: { BrandName: 'Shop', Channel: 'SMS', DestinationIdentity: phone, OriginationIdentity: '+15550100', ReferenceId: referenceId } }); // expect: SendOTPMessage apps/shopapp/otp
  }

  verify(phone: string, referenceId: string, otp: string) {
    return this.client.verifyOTPMessage({ ApplicationId: this.appId, VerifyOTPMessageRequestParameters: { DestinationIdentity: phone, Otp: otp, ReferenceId: referenceId } }); // expect: VerifyOTPMessage apps/shopapp/verify-otp
  }
}
