/**
 * One-time passwords: SendOTPMessage "sends" a code (recorded in `mock.store.messages` and readable with
 * `mock.sentOtpCode(...)`), VerifyOTPMessage checks one. As Pinpoint, verification answers 200 `{ Valid }` whatever
 * the outcome: `true` only for the code last sent to that destination under that reference id, within its validity
 * period, before `AllowedAttempts` wrong codes have locked it, and only once. Invalid send parameters are a
 * `BadRequestException` naming the parameter and its range.
 */
import { createHash } from 'node:crypto';
import type { MessageResponse, SendOTPMessageRequestParameters, VerificationResponse, VerifyOTPMessageRequestParameters } from '../../../generated/shapes.js';
import type { HandlerTable } from '../context.js';
import { otpKey, type MemoryStore } from '../store.js';
import { badRequest } from '../errors.js';
import { delivered } from './messages.js';

/** An optional integer parameter: its range and the value Pinpoint uses when it is omitted. */
interface Bounded { readonly member: 'CodeLength' | 'ValidityPeriod' | 'AllowedAttempts'; readonly min: number; readonly max: number; readonly fallback: number }

/** Pinpoint's OTP limits (developer guide, "Sending and validating OTPs"): code 5–8 digits, 5–60 minutes, 1–5 attempts. */
const LIMITS: readonly Bounded[] = [
  { member: 'CodeLength', min: 5, max: 8, fallback: 6 },
  { member: 'ValidityPeriod', min: 5, max: 60, fallback: 15 },
  { member: 'AllowedAttempts', min: 1, max: 5, fallback: 3 },
];

const BRAND_MAX = 20;
const E164 = /^\+[1-9]\d{6,14}$/;

function bounded(req: SendOTPMessageRequestParameters, limit: Bounded): number {
  const value = req[limit.member];
  if (value === undefined) return limit.fallback;
  if (!Number.isInteger(value) || value < limit.min || value > limit.max) {
    throw badRequest(`Invalid ${limit.member}: expected an integer from ${limit.min} to ${limit.max}, got ${JSON.stringify(value)}`);
  }
  return value;
}

function checkSend(req: SendOTPMessageRequestParameters): Record<Bounded['member'], number> {
  if (req.Channel !== 'SMS') throw badRequest(`Invalid Channel ${JSON.stringify(req.Channel)}: the only supported value is SMS`);
  if (req.BrandName.length > BRAND_MAX) throw badRequest(`Invalid BrandName: at most ${BRAND_MAX} characters, got ${req.BrandName.length}`);
  if (!E164.test(req.DestinationIdentity)) throw badRequest(`Invalid DestinationIdentity ${JSON.stringify(req.DestinationIdentity)}: expected a phone number in E.164 format (+12065550100)`);
  return Object.fromEntries(LIMITS.map((l) => [l.member, bounded(req, l)])) as Record<Bounded['member'], number>;
}

/** A code of `length` digits, derived from a fresh store id: unpredictable to the code under test, reproducible per mock. */
function codeFrom(seed: string, length: number): string {
  const digits = BigInt(`0x${createHash('sha256').update(seed).digest('hex')}`).toString().slice(-length);
  return digits.padStart(length, '0');
}

export const otpHandlers: HandlerTable = {
  SendOTPMessage: (ctx) => {
    const app = ctx.app();
    const request = ctx.body as unknown as SendOTPMessageRequestParameters;
    const limits = checkSend(request);
    const code = codeFrom(ctx.store.nextId(), limits.CodeLength);
    const sentAt = ctx.now();
    const expiresAt = new Date(Date.parse(sentAt) + limits.ValidityPeriod * 60_000).toISOString();
    app.otps.set(otpKey(request.ReferenceId, request.DestinationIdentity), { request, code, expiresAt, attemptsLeft: limits.AllowedAttempts, verified: false });
    const response: MessageResponse = { ApplicationId: app.app.Id, RequestId: ctx.requestId, Result: { [request.DestinationIdentity]: delivered(ctx) } };
    ctx.store.messages.push({ operation: 'SendOTPMessage', applicationId: app.app.Id, sentAt, request, response, code });
    return response;
  },
  VerifyOTPMessage: (ctx) => {
    const { DestinationIdentity, Otp, ReferenceId } = ctx.body as unknown as VerifyOTPMessageRequestParameters;
    const otp = ctx.app().otps.get(otpKey(ReferenceId, DestinationIdentity));
    const answer = (Valid: boolean): VerificationResponse => ({ Valid });
    if (!otp || otp.verified || otp.attemptsLeft <= 0 || Date.parse(ctx.now()) >= Date.parse(otp.expiresAt)) return answer(false);
    if (Otp !== otp.code) {
      otp.attemptsLeft -= 1;
      return answer(false);
    }
    otp.verified = true;
    return answer(true);
  },
};

/** The code of the last OTP sent to `destination` (and `referenceId`, when given): what `mock.sentOtpCode` answers. */
export function sentOtpCode(store: MemoryStore, destination: string, referenceId?: string): string {
  for (let i = store.messages.length - 1; i >= 0; i -= 1) {
    const m = store.messages[i]!;
    if (m.operation === 'SendOTPMessage' && m.request.DestinationIdentity === destination && (referenceId === undefined || m.request.ReferenceId === referenceId)) return m.code;
  }
  const sent = store.messages.flatMap((m) => (m.operation === 'SendOTPMessage' ? [`${m.request.DestinationIdentity} (${m.request.ReferenceId})`] : []));
  throw new Error(`sentOtpCode: no OTP was sent to ${destination}${referenceId === undefined ? '' : ` with ReferenceId ${JSON.stringify(referenceId)}`}; sent so far: ${sent.length ? sent.join(', ') : 'none'}`);
}
