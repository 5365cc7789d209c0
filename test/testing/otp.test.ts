import { describe, expect, it } from 'vitest';
import { BadRequestException, NotFoundException } from '../../src/index.js';
import type { SendOTPMessageRequestParameters } from '../../src/shapes/index.js';
import { createPinpointMock } from '../../src/testing/index.js';
import { useMock } from './support.js';

let clock = Date.parse('2026-11-29T10:00:00Z');
const { mock, client } = useMock({ now: () => new Date(clock) });

const phone = '+12065550100';
const params = (extra: Partial<SendOTPMessageRequestParameters> = {}): SendOTPMessageRequestParameters => ({
  BrandName: 'ExampleCorp', Channel: 'SMS', DestinationIdentity: phone, OriginationIdentity: '+18005550199', ReferenceId: 'login-1', ...extra,
});

async function app(): Promise<string> {
  return (await client.createApp({ CreateApplicationRequest: { Name: 'otp' } })).ApplicationResponse.Id;
}

const verify = async (ApplicationId: string, Otp: string, ReferenceId = 'login-1', DestinationIdentity = phone): Promise<boolean | undefined> =>
  (await client.verifyOTPMessage({ ApplicationId, VerifyOTPMessageRequestParameters: { DestinationIdentity, Otp, ReferenceId } })).VerificationResponse.Valid;

describe('SendOTPMessage and VerifyOTPMessage', () => {
  it('sends a code the test reads back; the right code verifies once, as { Valid: true }', async () => {
    const ApplicationId = await app();
    const sent = await client.sendOTPMessage({ ApplicationId, SendOTPMessageRequestParameters: params() });
    expect(sent.MessageResponse).toEqual({
      ApplicationId, RequestId: expect.any(String),
      Result: { [phone]: { DeliveryStatus: 'SUCCESSFUL', StatusCode: 200, MessageId: expect.any(String), StatusMessage: expect.stringMatching(/^MessageId: /) } },
    });
    const code = mock.sentOtpCode(phone);
    expect(code).toMatch(/^\d{6}$/);
    expect(mock.store.messages.at(-1)).toMatchObject({ operation: 'SendOTPMessage', applicationId: ApplicationId, code, request: { ReferenceId: 'login-1' } });
    expect(await verify(ApplicationId, code)).toBe(true);
    // Reused: a code verifies once.
    expect(await verify(ApplicationId, code)).toBe(false);
  });

  it('a wrong code is { Valid: false } and uses up an attempt; after AllowedAttempts the right code no longer verifies', async () => {
    const ApplicationId = await app();
    await client.sendOTPMessage({ ApplicationId, SendOTPMessageRequestParameters: params({ AllowedAttempts: 2, CodeLength: 8 }) });
    const code = mock.sentOtpCode(phone, 'login-1');
    expect(code).toHaveLength(8);
    const wrong = code === '00000000' ? '11111111' : '00000000';
    expect(await verify(ApplicationId, wrong)).toBe(false);
    expect(await verify(ApplicationId, code, 'login-2')).toBe(false);
    expect(await verify(ApplicationId, code, 'login-1', '+12065550111')).toBe(false);
    expect(await verify(ApplicationId, code)).toBe(true);

    await client.sendOTPMessage({ ApplicationId, SendOTPMessageRequestParameters: params({ AllowedAttempts: 2 }) });
    const next = mock.sentOtpCode(phone);
    const other = next === '000000' ? '111111' : '000000';
    expect(await verify(ApplicationId, other)).toBe(false);
    expect(await verify(ApplicationId, other)).toBe(false);
    expect(await verify(ApplicationId, next)).toBe(false);
  });

  it('a code expires after ValidityPeriod minutes; a new send replaces the old code', async () => {
    const ApplicationId = await app();
    await client.sendOTPMessage({ ApplicationId, SendOTPMessageRequestParameters: params({ ValidityPeriod: 5 }) });
    const first = mock.sentOtpCode(phone);
    clock += 5 * 60_000;
    expect(await verify(ApplicationId, first)).toBe(false);
    await client.sendOTPMessage({ ApplicationId, SendOTPMessageRequestParameters: params() });
    const second = mock.sentOtpCode(phone);
    clock += 14 * 60_000;
    if (second !== first) expect(await verify(ApplicationId, first)).toBe(false);
    expect(await verify(ApplicationId, second)).toBe(true);
  });

  it.each([
    [{ Channel: 'EMAIL' }, /Invalid Channel "EMAIL": the only supported value is SMS/],
    [{ CodeLength: 4 }, /Invalid CodeLength: expected an integer from 5 to 8, got 4/],
    [{ ValidityPeriod: 61 }, /Invalid ValidityPeriod: expected an integer from 5 to 60, got 61/],
    [{ AllowedAttempts: 0 }, /Invalid AllowedAttempts: expected an integer from 1 to 5, got 0/],
    [{ BrandName: 'x'.repeat(21) }, /Invalid BrandName: at most 20 characters, got 21/],
    [{ DestinationIdentity: '2065550100' }, /Invalid DestinationIdentity "2065550100": expected a phone number in E.164 format/],
    [{ ReferenceId: '' }, /SendOTPMessageRequestParameters: the required member ReferenceId is missing/],
  ] as const)('refuses %j with BadRequestException', async (extra, message) => {
    const ApplicationId = await app();
    const error = await client.sendOTPMessage({ ApplicationId, SendOTPMessageRequestParameters: params(extra) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestException);
    expect((error as Error).message).toMatch(message);
    expect(() => mock.sentOtpCode(phone)).toThrow(/sentOtpCode: no OTP was sent to \+12065550100; sent so far: none/);
  });

  it('an unknown project is NotFoundException, for sending and verifying', async () => {
    await expect(client.sendOTPMessage({ ApplicationId: 'nope', SendOTPMessageRequestParameters: params() })).rejects.toBeInstanceOf(NotFoundException);
    await expect(verify('nope', '123456')).rejects.toBeInstanceOf(NotFoundException);
  });

  it('codes differ between sends and are the same for the same history in another mock (reproducible runs)', async () => {
    const codes = async (): Promise<string[]> => {
      const m = createPinpointMock({ checkAuthorization: false });
      const id = (JSON.parse((await m.handle({ method: 'POST', path: '/v1/apps', body: '{"Name":"p"}' })).body) as { Id: string }).Id;
      for (let i = 0; i < 3; i += 1) await m.handle({ method: 'POST', path: `/v1/apps/${id}/otp`, body: JSON.stringify(params({ ReferenceId: `r${i}` })) });
      return ['r0', 'r1', 'r2'].map((r) => m.sentOtpCode(phone, r));
    };
    const [a, b] = [await codes(), await codes()];
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(3);
  });
});
