/**
 * The official AWS SDK (`@aws-sdk/client-pinpoint`) as a client of pinpoint-guard's testing kit: a team that has not
 * adopted pinpoint-guard's client tests its own Pinpoint code against the in-memory Pinpoint over HTTP.
 *
 * Run: `npx tsx examples/officialSdk.ts`. It starts the kit on 127.0.0.1 (on `PINPOINT_KIT_PORT`, default any free
 * port), runs the "app code" below with the SDK pointed at it, and prints what the kit saw as JSON.
 */
import {
  CreateAppCommand, CreateSmsTemplateCommand, GetSmsTemplateCommand, ListTagsForResourceCommand, NotFoundException, PinpointClient,
  SendOTPMessageCommand, TagResourceCommand, UpdateSmsTemplateCommand, UpdateTemplateActiveVersionCommand, VerifyOTPMessageCommand,
} from '@aws-sdk/client-pinpoint';
import { startPinpointMockServer } from 'pinpoint-guard/testing';

// #region app-code
/** The app code under test: sends a login code by SMS. */
async function sendLoginCode(pinpoint: PinpointClient, ApplicationId: string, phone: string): Promise<void> {
  await pinpoint.send(new SendOTPMessageCommand({
    ApplicationId,
    SendOTPMessageRequestParameters: { Channel: 'SMS', BrandName: 'ExampleCorp', DestinationIdentity: phone, OriginationIdentity: '+18005550199', ReferenceId: 'login' },
  }));
}

/** The app code under test: checks the code the user typed. */
async function checkLoginCode(pinpoint: PinpointClient, ApplicationId: string, phone: string, Otp: string): Promise<boolean> {
  const { VerificationResponse } = await pinpoint.send(new VerifyOTPMessageCommand({
    ApplicationId, VerifyOTPMessageRequestParameters: { DestinationIdentity: phone, Otp, ReferenceId: 'login' },
  }));
  return VerificationResponse?.Valid === true;
}
// #endregion

const kit = await startPinpointMockServer({ port: Number(process.env.PINPOINT_KIT_PORT ?? 0), region: 'us-east-1' });
try {
  const pinpoint = new PinpointClient({ region: 'us-east-1', endpoint: kit.url, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } });
  const { ApplicationResponse } = await pinpoint.send(new CreateAppCommand({ CreateApplicationRequest: { Name: 'login' } }));
  const ApplicationId = ApplicationResponse!.Id!;
  const phone = '+12065550100';

  await sendLoginCode(pinpoint, ApplicationId, phone);
  const code = kit.mock.sentOtpCode(phone); // what the user's phone received
  const wrong = await checkLoginCode(pinpoint, ApplicationId, phone, code === '000000' ? '111111' : '000000');
  const right = await checkLoginCode(pinpoint, ApplicationId, phone, code);
  const reused = await checkLoginCode(pinpoint, ApplicationId, phone, code);

  // Templates keep versions; the active one is what Get answers without a version.
  const TemplateName = 'login-code';
  await pinpoint.send(new CreateSmsTemplateCommand({ TemplateName, SMSTemplateRequest: { Body: 'Your code: {{code}}', tags: { team: 'identity' } } }));
  await pinpoint.send(new UpdateSmsTemplateCommand({ TemplateName, CreateNewVersion: true, SMSTemplateRequest: { Body: 'Code {{code}} (expires in 15 min)' } }));
  await pinpoint.send(new UpdateTemplateActiveVersionCommand({ TemplateName, TemplateType: 'SMS', TemplateActiveVersionRequest: { Version: 'latest' } }));
  const { SMSTemplateResponse } = await pinpoint.send(new GetSmsTemplateCommand({ TemplateName }));

  await pinpoint.send(new TagResourceCommand({ ResourceArn: SMSTemplateResponse!.Arn!, TagsModel: { tags: { owner: 'alice' } } }));
  const { TagsModel } = await pinpoint.send(new ListTagsForResourceCommand({ ResourceArn: SMSTemplateResponse!.Arn! }));

  // Errors arrive as the SDK's own exception classes.
  const missing = await pinpoint.send(new GetSmsTemplateCommand({ TemplateName: 'nope' })).catch((e: unknown) => e);

  console.log(JSON.stringify({
    otp: { wrong, right, reused },
    template: { version: SMSTemplateResponse!.Version, body: SMSTemplateResponse!.Body, tags: TagsModel!.tags },
    notFound: missing instanceof NotFoundException ? missing.message : String(missing),
    operations: kit.mock.requests.map((r) => `${r.operation} ${r.status}`),
  }, null, 2));
} finally {
  await kit.close();
}
