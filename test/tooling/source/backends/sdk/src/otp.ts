// One-time passwords, with a namespace import; one command is built here, one is built by the caller and passed in.
import * as pp from '@aws-sdk/client-pinpoint';

export async function sendCode(client: pp.PinpointClient, phone: string) {
  const command = new pp.SendOTPMessageCommand({
    ApplicationId: process.env.PINPOINT_APP_ID,
    SendOTPMessageRequestParameters: { BrandName: 'Shop', Channel: 'SMS', DestinationIdentity: phone, OriginationIdentity: '+15550100', ReferenceId: 'login' },
  });
  return client.send(command); // expect: SendOTPMessage apps/shopapp/otp
}

export const resend = (client: pp.PinpointClient, command: pp.SendOTPMessageCommand) => client.send(command); // expect: SendOTPMessage apps/shopapp/otp
