/**
 * The official SDK (`@aws-sdk/client-pinpoint`) as a client of the kit, for teams that have not adopted our client:
 * pointed at `startPinpointMockServer()` over real HTTP, and at the msw handlers with its default endpoint.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import {
  CreateAppCommand, CreateSmsTemplateCommand, GetSmsTemplateCommand, ListTagsForResourceCommand, ListTemplateVersionsCommand, NotFoundException,
  BadRequestException, PinpointClient, SendOTPMessageCommand, TagResourceCommand, UntagResourceCommand, UpdateSmsTemplateCommand, VerifyOTPMessageCommand,
  type PinpointClientConfig,
} from '@aws-sdk/client-pinpoint';
import { createPinpointMock, startPinpointMockServer, type PinpointMock, type PinpointMockServer } from '../../src/testing/index.js';
import { credentials } from './support.js';

const phone = '+12065550100';

/** The same scenario through either transport: OTP, versioned template, tags, errors as the SDK's own classes, a fault. */
async function scenario(pinpoint: PinpointClient, mock: PinpointMock): Promise<void> {
  const ApplicationId = (await pinpoint.send(new CreateAppCommand({ CreateApplicationRequest: { Name: 'sdk', tags: { team: 'a' } } }))).ApplicationResponse!.Id!;
  const otp = { ApplicationId, SendOTPMessageRequestParameters: { Channel: 'SMS', BrandName: 'Acme', DestinationIdentity: phone, OriginationIdentity: '+18005550199', ReferenceId: 'r' } };
  const sent = await pinpoint.send(new SendOTPMessageCommand(otp));
  expect(sent.MessageResponse?.Result?.[phone]).toMatchObject({ DeliveryStatus: 'SUCCESSFUL', StatusCode: 200 });
  const verify = (Otp: string): Promise<boolean | undefined> => pinpoint.send(new VerifyOTPMessageCommand({
    ApplicationId, VerifyOTPMessageRequestParameters: { DestinationIdentity: phone, Otp, ReferenceId: 'r' },
  })).then((r) => r.VerificationResponse?.Valid);
  const code = mock.sentOtpCode(phone);
  expect(await verify(code === '000000' ? '111111' : '000000')).toBe(false);
  expect(await verify(code)).toBe(true);
  expect(await verify(code)).toBe(false);

  await pinpoint.send(new CreateSmsTemplateCommand({ TemplateName: 'welcome', SMSTemplateRequest: { Body: 'v1', tags: { team: 'a' } } }));
  await pinpoint.send(new UpdateSmsTemplateCommand({ TemplateName: 'welcome', CreateNewVersion: true, SMSTemplateRequest: { Body: 'v2' } }));
  const active = (await pinpoint.send(new GetSmsTemplateCommand({ TemplateName: 'welcome' }))).SMSTemplateResponse!;
  expect(active).toMatchObject({ Body: 'v1', Version: '1', TemplateType: 'SMS', tags: { team: 'a' } });
  expect(active.CreationDate).toEqual(expect.any(String));
  const versions = (await pinpoint.send(new ListTemplateVersionsCommand({ TemplateName: 'welcome', TemplateType: 'SMS' }))).TemplateVersionsResponse!.Item!;
  expect(versions.map((v) => v.Version)).toEqual(['1', '2']);

  const ResourceArn = active.Arn!;
  expect(ResourceArn).toBe('arn:aws:mobiletargeting:us-east-1:123456789012:templates/welcome/SMS');
  await pinpoint.send(new TagResourceCommand({ ResourceArn, TagsModel: { tags: { owner: 'alice', stage: 'dev' } } }));
  await pinpoint.send(new UntagResourceCommand({ ResourceArn, TagKeys: ['team', 'stage'] }));
  expect((await pinpoint.send(new ListTagsForResourceCommand({ ResourceArn }))).TagsModel?.tags).toEqual({ owner: 'alice' });

  const missing = await pinpoint.send(new GetSmsTemplateCommand({ TemplateName: 'nope' })).catch((e: unknown) => e);
  expect(missing).toBeInstanceOf(NotFoundException);
  expect(missing).toMatchObject({ message: 'Resource not found: SMS template "nope" does not exist', $metadata: { httpStatusCode: 404 } });
  const duplicate = await pinpoint.send(new CreateSmsTemplateCommand({ TemplateName: 'welcome', SMSTemplateRequest: {} })).catch((e: unknown) => e);
  expect(duplicate).toBeInstanceOf(BadRequestException);

  // Throttling, retried by the SDK's own retry strategy.
  mock.injectFault({ operation: 'GetSmsTemplate', status: 429, retryAfter: 0 });
  const retried = await pinpoint.send(new GetSmsTemplateCommand({ TemplateName: 'welcome' }));
  expect(retried.$metadata.attempts).toBe(2);
}

const config: PinpointClientConfig = { region: 'us-east-1', credentials, maxAttempts: 2 };

describe('the official SDK against startPinpointMockServer()', () => {
  let server: PinpointMockServer;
  beforeAll(async () => { server = await startPinpointMockServer({ region: 'us-east-1' }); });
  afterAll(() => server.close());

  it('runs the scenario over HTTP on 127.0.0.1', async () => {
    const pinpoint = new PinpointClient({ ...config, endpoint: server.url });
    await scenario(pinpoint, server.mock);
    // The kit checked the SDK's SigV4 scope, as it does our client's.
    expect(server.mock.requests.every((r) => /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/mobiletargeting\/aws4_request/.test(r.headers.authorization ?? ''))).toBe(true);
    pinpoint.destroy();
  });
});

describe('the official SDK against the msw handlers', () => {
  const mock = createPinpointMock();
  const server = setupServer(...mock.handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => mock.reset());
  afterAll(() => server.close());

  it('runs the scenario at its default endpoint (https://pinpoint.us-east-1.amazonaws.com), intercepted by msw', async () => {
    const pinpoint = new PinpointClient(config);
    await scenario(pinpoint, mock);
    expect(new Set(mock.requests.map((r) => r.operation)).size).toBeGreaterThan(8);
  });
});

describe('examples/officialSdk.ts', () => {
  it('runs as a program and prints what the kit saw', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'examples/officialSdk.ts'], { timeout: 60_000 });
    const out = JSON.parse(stdout) as Record<string, unknown>;
    expect(out).toMatchObject({
      otp: { wrong: false, right: true, reused: false },
      template: { version: '2', body: 'Code {{code}} (expires in 15 min)', tags: { team: 'identity', owner: 'alice' } },
      notFound: 'Resource not found: SMS template "nope" does not exist',
    });
    expect(out.operations).toContain('VerifyOTPMessage 200');
    expect(out.operations).toContain('GetSmsTemplate 404');
  });
});

describe('examples/officialSdkOtp.ts (the README block)', () => {
  it('prints true: the code the kit says was sent verifies', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'examples/officialSdkOtp.ts'], { timeout: 60_000 });
    expect(stdout.trim()).toBe('true');
  });
});
