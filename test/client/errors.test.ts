/**
 * Pinpoint's error responses become typed errors (one class per documented status) carrying status, message and
 * request id; transport failures become NetworkError / TimeoutError / AbortError. No error ever shows a credential,
 * the signature or the session token, however it is printed.
 */
import { inspect } from 'node:util';
import { delay, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  BadRequestException, ConflictException, ForbiddenException, InternalServerErrorException, MethodNotAllowedException, NotFoundException,
  PayloadTooLargeException, PinpointServiceError, TooManyRequestsException,
} from '../../src/errors/service.js';
import { AbortError, InvalidResponseError, NetworkError, TimeoutError } from '../../src/errors/transport.js';
import { AccessDeniedError, AccountResolutionError } from '../../src/errors/guard.js';
import { ValidationError } from '../../src/errors/validation.js';
import { CREDENTIALS, SESSION_TOKEN, STS, makeClient, recordingHandler, rejection, useWire, type Seen } from './support.js';

const wire = useWire();
const once = { maxAttempts: 1 } as const;

describe('service errors', () => {
  it.each([
    [400, BadRequestException, 'client'],
    [403, ForbiddenException, 'client'],
    [404, NotFoundException, 'client'],
    [405, MethodNotAllowedException, 'client'],
    [409, ConflictException, 'client'],
    [413, PayloadTooLargeException, 'client'],
    [429, TooManyRequestsException, 'client'],
    [500, InternalServerErrorException, 'server'],
  ] as const)('HTTP %i → %O with status, message and request id from Pinpoint\'s JSON', async (status, Class, fault) => {
    wire.pinpoint(() => HttpResponse.json({ Message: `problem ${status}`, RequestID: `body-rid-${status}` }, { status, headers: { 'x-amzn-RequestId': 'header-rid' } }));
    const err = await rejection(makeClient({ retry: once }).getSegment({ ApplicationId: 'a', SegmentId: 's' }));
    expect(err).toBeInstanceOf(Class);
    expect(err).toBeInstanceOf(PinpointServiceError);
    expect(err).toMatchObject({
      name: Class.name,
      message: `problem ${status}`,
      status,
      requestId: `body-rid-${status}`,
      $fault: fault,
      retryable: status === 429 || status === 500,
      $metadata: { httpStatusCode: status, requestId: `body-rid-${status}`, attempts: 1, totalRetryDelay: 0 },
    });
    expect(wire.requests).toHaveLength(1);
  });

  it('the names are Pinpoint\'s exception names', () => {
    expect([BadRequestException, ForbiddenException, NotFoundException, MethodNotAllowedException, ConflictException, PayloadTooLargeException, TooManyRequestsException, InternalServerErrorException].map((c) => c.name))
      .toEqual(['BadRequestException', 'ForbiddenException', 'NotFoundException', 'MethodNotAllowedException', 'ConflictException', 'PayloadTooLargeException', 'TooManyRequestsException', 'InternalServerErrorException']);
  });

  it('takes the request id from x-amzn-RequestId when the body has none, and accepts a lower-case "message"', async () => {
    wire.pinpoint(() => HttpResponse.json({ message: 'lower' }, { status: 404, headers: { 'x-amzn-RequestId': 'header-rid' } }));
    const err = await rejection(makeClient().getApp({ ApplicationId: 'a' }));
    expect(err).toMatchObject({ name: 'NotFoundException', message: 'lower', requestId: 'header-rid' });
  });

  it('keeps the status of a body that is not JSON, and of a status Pinpoint does not document', async () => {
    wire.pinpoint((_, n) => (n === 1 ? new HttpResponse('<html>Bad Gateway</html>', { status: 502 }) : new HttpResponse('', { status: 418 })));
    const gateway = await rejection(makeClient({ retry: once }).getApp({ ApplicationId: 'a' }));
    // A gateway's 502 is no Pinpoint exception: the base class, named as such, still a retryable server fault.
    expect(gateway.constructor).toBe(PinpointServiceError);
    expect(gateway).not.toBeInstanceOf(InternalServerErrorException);
    expect(gateway).toMatchObject({ name: 'PinpointServiceError', status: 502, message: 'HTTP 502: <html>Bad Gateway</html>', $fault: 'server', retryable: true });
    const teapot = await rejection(makeClient().getApp({ ApplicationId: 'a' }));
    expect(teapot.constructor).toBe(PinpointServiceError);
    expect(teapot).toMatchObject({ status: 418, message: 'HTTP 418', retryable: false });
  });
});

describe('transport errors', () => {
  it('a failed connection is a NetworkError', async () => {
    wire.pinpoint(() => HttpResponse.error());
    const err = await rejection(makeClient({ retry: once }).getApps({}));
    expect(err).toBeInstanceOf(NetworkError);
    expect(err).toMatchObject({ name: 'NetworkError', attempts: 1 });
  });

  it('a response slower than the per-call timeout is a TimeoutError', async () => {
    wire.pinpoint(async () => { await delay(400); return HttpResponse.json({}); });
    const err = await rejection(makeClient({ retry: once }).getApps({}, { timeout: 25 }));
    expect(err).toBeInstanceOf(TimeoutError);
    expect(err).toMatchObject({ name: 'TimeoutError', timeoutMs: 25 });
  });

  it('the client-wide timeout applies when the call sets none', async () => {
    wire.pinpoint(async () => { await delay(400); return HttpResponse.json({}); });
    const err = await rejection(makeClient({ retry: once, timeout: 20 }).getApps({}));
    expect(err).toMatchObject({ name: 'TimeoutError', timeoutMs: 20 });
  });
});

// ---------------------------------------------------------------------------------------------------------------------

/** Every way an error may be shown: message, stack, JSON, util.inspect (deep, hidden properties too) and String(). */
function renderings(err: unknown): string[] {
  return [
    String(err),
    (err as Error).message,
    (err as Error).stack ?? '',
    JSON.stringify(err),
    JSON.stringify(err, Object.getOwnPropertyNames(err)),
    inspect(err, { depth: Infinity, showHidden: true, getters: true }),
  ];
}

function expectNoSecrets(err: unknown, signatures: readonly string[]): void {
  const secrets = [CREDENTIALS.secretAccessKey, SESSION_TOKEN, ...signatures];
  for (const text of renderings(err)) for (const s of secrets) expect(text).not.toContain(s);
  // The access key id alone is not secret, but no error has a reason to carry it either.
  for (const text of renderings(err)) expect(text).not.toContain(CREDENTIALS.accessKeyId);
}

const signaturesOf = (requests: readonly Seen[]): string[] =>
  requests.flatMap((r) => [r.headers.authorization ?? '', /Signature=([0-9a-f]+)/.exec(r.headers.authorization ?? '')?.[1] ?? '']).filter(Boolean);

describe('no error shows a credential, the signature or the session token', () => {
  const credentials = { ...CREDENTIALS, sessionToken: SESSION_TOKEN };

  it.each([400, 403, 404, 405, 409, 413, 429, 500, 503])('HTTP %i', async (status) => {
    wire.pinpoint(() => HttpResponse.json({ Message: 'no', RequestID: 'r' }, { status }));
    const err = await rejection(makeClient({ credentials, retry: { maxAttempts: 2, baseDelayMs: 0 } }).createApp({ CreateApplicationRequest: { Name: 'n' } }));
    expect(err).toBeInstanceOf(PinpointServiceError);
    expect(signaturesOf(wire.requests).length).toBeGreaterThan(0);
    expectNoSecrets(err, signaturesOf(wire.requests));
  });

  it('NetworkError', async () => {
    wire.pinpoint(() => HttpResponse.error());
    const err = await rejection(makeClient({ credentials, retry: once }).getApps({}));
    expect(err).toBeInstanceOf(NetworkError);
    expectNoSecrets(err, signaturesOf(wire.requests));
  });

  it('TimeoutError', async () => {
    wire.pinpoint(async () => { await delay(400); return HttpResponse.json({}); });
    const err = await rejection(makeClient({ credentials, retry: once }).getApps({}, { timeout: 20 }));
    expect(err).toBeInstanceOf(TimeoutError);
    expect(wire.requests).toHaveLength(1);
    expectNoSecrets(err, signaturesOf(wire.requests));
  });

  it('AbortError', async () => {
    const controller = new AbortController();
    wire.pinpoint(async () => { controller.abort(); await delay(400); return HttpResponse.json({}); });
    const err = await rejection(makeClient({ credentials }).getApps({}, { signal: controller.signal }));
    expect(err).toBeInstanceOf(AbortError);
    expectNoSecrets(err, signaturesOf(wire.requests));
  });

  it('AccountResolutionError (STS unreachable)', async () => {
    const sts: Seen[] = [];
    wire.server.use(recordingHandler(STS, sts, () => HttpResponse.error()));
    const err = await rejection(makeClient({ credentials, accountId: undefined }).getApps({}));
    expect(err).toBeInstanceOf(AccountResolutionError);
    expect(sts).toHaveLength(1);
    expectNoSecrets(err, signaturesOf(sts));
  });

  /** What a hostile server or proxy echoes back: the signature, the token, and the secret key it learned elsewhere. */
  const echoes = (req: Seen): string => [req.headers.authorization, req.headers['x-amz-security-token'], encodeURIComponent(SESSION_TOKEN), CREDENTIALS.secretAccessKey, JSON.stringify(CREDENTIALS.secretAccessKey).replaceAll('/', '\\/')].join(' | ');
  it.each([
    ['JSON (403)', (req: Seen) => HttpResponse.json({ Message: `The request signature we calculated does not match: ${echoes(req)}` }, { status: 403 })],
    ['text (500)', (req: Seen) => new HttpResponse(`upstream said: ${echoes(req)}`, { status: 500, headers: { 'content-type': 'text/plain' } })],
    ['XML (400)', (req: Seen) => new HttpResponse(`<Error><Message>${echoes(req)}</Message></Error>`, { status: 400, headers: { 'content-type': 'application/xml' } })],
    ['a request id header (404)', (req: Seen) => HttpResponse.json({ Message: 'no' }, { status: 404, headers: { 'x-amzn-RequestId': echoes(req) } })],
    ['an HTML page on 200', (req: Seen) => new HttpResponse(`"${echoes(req)}"`, { status: 200 })],
    ['invalid JSON on 200', (req: Seen) => new HttpResponse(`${CREDENTIALS.secretAccessKey} ${echoes(req)}`, { status: 200 })],
  ])('a server echoing the secrets in %s: removed by value from the error', async (_, respond) => {
    wire.pinpoint((req) => respond(req));
    const err = await rejection(makeClient({ credentials, retry: { maxAttempts: 2, baseDelayMs: 0 } }).getApps({}));
    expect(signaturesOf(wire.requests).length).toBeGreaterThan(0);
    expectNoSecrets(err, signaturesOf(wire.requests));
    // The echo is still shown, with the secrets replaced, where it is shown at all (a 200's body is not quoted).
    if (!(err instanceof InvalidResponseError)) expect(`${err.message} ${(err as PinpointServiceError).requestId}`).toContain('Signature=<redacted> | ');
  });

  it('AccessDeniedError and ValidationError', async () => {
    const denied = await rejection(makeClient({ credentials, policy: { Version: '2012-10-17', Statement: [] } }).getApps({}));
    expect(denied).toBeInstanceOf(AccessDeniedError);
    expectNoSecrets(denied, []);
    const invalid = await rejection(makeClient({ credentials }).getApp({ ApplicationId: '' }));
    expect(invalid).toBeInstanceOf(ValidationError);
    expectNoSecrets(invalid, []);
  });
});

describe('exception names and malformed success bodies', () => {
  it('takes the class from x-amzn-ErrorType when Pinpoint sends it, over the status', async () => {
    wire.pinpoint(() => HttpResponse.json({ Message: 'no such app', RequestID: 'r-9' }, { status: 400, headers: { 'x-amzn-ErrorType': 'NotFoundException:http://internal.amazon.com/coral/com.amazonaws.pinpoint/' } }));
    const err = await rejection(makeClient().getApp({ ApplicationId: 'a' }));
    expect(err).toBeInstanceOf(NotFoundException);
    expect(err).toMatchObject({ name: 'NotFoundException', status: 400, message: 'no such app', requestId: 'r-9' });
  });

  it('a 2xx whose body is not JSON is an InvalidResponseError with its metadata, not a bare SyntaxError', async () => {
    wire.pinpoint(() => new HttpResponse('<html>captive portal</html>', { status: 200, headers: { 'x-amzn-RequestId': 'r-html' } }));
    const err = await rejection(makeClient().getApp({ ApplicationId: 'a' }));
    expect(err).toBeInstanceOf(InvalidResponseError);
    expect(err).toMatchObject({ status: 200, requestId: 'r-html', $metadata: { httpStatusCode: 200, attempts: 1 } });
    expect(err.message).toBe("GetApp: HTTP 200 with a body that is not the JSON object the operation returns (not valid JSON: Unexpected token '<')");
  });

  it.each([
    ['a JSON array', '[{"Id":"a"}]', 'an array'],
    ['a JSON string', '"text"', 'string'],
    ['JSON null', 'null', 'null'],
  ])('a 2xx holding %s where the output is a structure is an InvalidResponseError, not returned as the output', async (_, body, got) => {
    wire.pinpoint(() => new HttpResponse(body, { status: 200, headers: { 'content-type': 'application/json' } }));
    const err = await rejection(makeClient().getApp({ ApplicationId: 'a' }));
    expect(err).toBeInstanceOf(InvalidResponseError);
    expect(err.message).toBe(`GetApp: HTTP 200 with a body that is not the JSON object the operation returns (expected a JSON object, got ${got})`);
    expect(wire.requests).toHaveLength(1);
  });
});
