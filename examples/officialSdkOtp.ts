// The official AWS SDK pointed at the testing kit over HTTP: send an OTP, read the code the phone received, verify it.
import { PinpointClient, SendOTPMessageCommand, VerifyOTPMessageCommand, CreateAppCommand } from '@aws-sdk/client-pinpoint';
import { startPinpointMockServer } from 'pinpoint-guard/testing';

const kit = await startPinpointMockServer({ region: 'us-east-1' });
const pinpoint = new PinpointClient({ region: 'us-east-1', endpoint: kit.url, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } });
const { ApplicationResponse } = await pinpoint.send(new CreateAppCommand({ CreateApplicationRequest: { Name: 'login' } }));
const ApplicationId = ApplicationResponse!.Id!;
await pinpoint.send(new SendOTPMessageCommand({
  ApplicationId,
  SendOTPMessageRequestParameters: { Channel: 'SMS', BrandName: 'ExampleCorp', DestinationIdentity: '+12065550100', OriginationIdentity: '+18005550199', ReferenceId: 'login' },
}));
const Otp = kit.mock.sentOtpCode('+12065550100'); // what the phone received
const { VerificationResponse } = await pinpoint.send(new VerifyOTPMessageCommand({
  ApplicationId, VerifyOTPMessageRequestParameters: { DestinationIdentity: '+12065550100', Otp, ReferenceId: 'login' },
}));
console.log(VerificationResponse?.Valid); // true — and false the second time: a code verifies once
await kit.close();
