/**
 * IAM and STS answers that echo what they were sent: the principal loader and `whoami` show none of the caller's
 * secret key, session token or computed signatures, whether the echo comes in XML, JSON or plain text.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPrincipal } from '../../src/principal/load.js';
import { PrincipalLoadError } from '../../src/principal/errors.js';
import { ROLE_ARN } from './support.js';
import { pinpointGuard } from '../examples/examples.js';

const KEYS = { accessKeyId: 'AKIDECHOED', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYECHOEDKEY', sessionToken: 'IQoJb3JpZ2luX2VjECHOED/SESSION+TOKEN==' } as const;

type Format = 'xml' | 'json' | 'text';
let format: Format = 'xml';
const signatures: string[] = [];
let server: Server;
let url = '';

/** What the hostile service sends back: every header it was sent that matters, and the secret key. */
function echo(req: IncomingMessage): string {
  const authorization = String(req.headers.authorization ?? '');
  signatures.push(/Signature=([0-9a-f]+)/.exec(authorization)?.[1] ?? '');
  return `${authorization} token=${String(req.headers['x-amz-security-token'] ?? '')} ${encodeURIComponent(KEYS.sessionToken)} key=${KEYS.secretAccessKey}`;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    const text = echo(req);
    if (format === 'xml') {
      res.writeHead(403, { 'content-type': 'text/xml' });
      res.end(`<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>${text}</Message></Error><RequestId>r-1</RequestId></ErrorResponse>`);
    } else if (format === 'json') {
      res.writeHead(400, { 'content-type': 'application/json', 'x-amzn-errortype': 'InvalidClientTokenId' });
      res.end(JSON.stringify({ __type: 'InvalidClientTokenId', message: text }));
    } else {
      res.writeHead(400, { 'content-type': 'text/plain' });
      res.end(`upstream proxy refused: ${text}`);
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((r) => server.close(r)));

const renderings = (err: unknown): string[] => [String(err), (err as Error).stack ?? '', JSON.stringify(err, Object.getOwnPropertyNames(err)), inspect(err, { depth: 6, showHidden: true })];

function expectClean(texts: readonly string[]): void {
  const secrets = [KEYS.secretAccessKey, KEYS.sessionToken, encodeURIComponent(KEYS.sessionToken), ...signatures.filter(Boolean)];
  expect(signatures.filter(Boolean).length).toBeGreaterThan(0);
  for (const text of texts) for (const s of secrets) expect(text).not.toContain(s);
}

describe('the principal loader redacts what IAM and STS echo', () => {
  it.each(['xml', 'json', 'text'] as const)('an echo in %s: the PrincipalLoadError (and its cause) carry no secret', async (f) => {
    format = f;
    signatures.length = 0;
    const err = await loadPrincipal({ region: 'us-east-1', credentials: KEYS, stsEndpoint: url, iamEndpoint: url, maxAttempts: 1 }).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(PrincipalLoadError);
    expect((err as Error).message).toMatch(/^cannot load the principal from IAM: sts:GetCallerIdentity/);
    expectClean(renderings(err));
  });

  it('an IAM read for a named principal: the same', async () => {
    format = 'xml';
    signatures.length = 0;
    const err = await loadPrincipal({ region: 'us-east-1', credentials: KEYS, principalArn: ROLE_ARN, stsEndpoint: url, iamEndpoint: url, maxAttempts: 1 }).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(PrincipalLoadError);
    expect((err as Error).message).toContain('iam:GetRole was refused (AccessDenied): AWS4-HMAC-SHA256 Credential=<redacted>');
    expectClean(renderings(err));
  });

  it('whoami against an STS that echoes the signed headers prints none of them', async () => {
    format = 'xml';
    signatures.length = 0;
    const r = await pinpointGuard(['whoami'], {
      env: { AWS_ACCESS_KEY_ID: KEYS.accessKeyId, AWS_SECRET_ACCESS_KEY: KEYS.secretAccessKey, AWS_SESSION_TOKEN: KEYS.sessionToken, AWS_PROFILE: '', AWS_ACCOUNT_ID: '', AWS_ENDPOINT_URL_IAM: url, AWS_ENDPOINT_URL_STS: url, AWS_MAX_ATTEMPTS: '1' },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: cannot load the principal from IAM: sts:GetCallerIdentity was refused \(AccessDenied\)/);
    expectClean([r.stdout, r.stderr]);
  }, 60_000);
});
