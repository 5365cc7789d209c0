/**
 * SigV4, checked by an independent computation with node:crypto, following AWS's SigV4 documentation
 * ("Create a canonical request", "Create a string to sign", "Calculate the signature"): the client's authorization
 * header as msw saw it must be the one recomputed here from the request msw saw, under a pinned clock.
 */
import { createHash, createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HttpResponse } from 'msw';
import { CREDENTIALS, SESSION_TOKEN, makeClient, recordingHandler, useWire, type Seen } from './support.js';

const wire = useWire();

const sha256 = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');
const hmac = (key: Buffer | string, s: string): Buffer => createHmac('sha256', key).update(s, 'utf8').digest();

/** URI-encode as SigV4 says: every byte except A-Z a-z 0-9 - . _ ~ as %XX (upper-case hex). */
function uriEncode(s: string): string {
  return [...Buffer.from(s, 'utf8')].map((b) => {
    const c = String.fromCharCode(b);
    return /[A-Za-z0-9\-._~]/.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }).join('');
}

interface SigInput {
  readonly method: string;
  /** The path as sent (already encoded once). */
  readonly path: string;
  /** The raw query string as sent, without `?`. */
  readonly rawQuery: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly signedHeaders: readonly string[];
  readonly body: string;
  readonly amzDate: string;
  readonly region: string;
  readonly service: string;
  readonly secretAccessKey: string;
}

/** SigV4 per AWS's documentation, for services other than S3 (each path segment is encoded twice). */
function sigV4(i: SigInput): { canonicalRequest: string; stringToSign: string; signature: string } {
  const canonicalUri = i.path.split('/').map(uriEncode).join('/') || '/';
  const canonicalQuery = i.rawQuery === ''
    ? ''
    : i.rawQuery.split('&').map((p) => {
      const eq = p.indexOf('=');
      const k = decodeURIComponent(eq < 0 ? p : p.slice(0, eq));
      const v = eq < 0 ? '' : decodeURIComponent(p.slice(eq + 1));
      return [uriEncode(k), uriEncode(v)] as const;
    }).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0)).map(([k, v]) => `${k}=${v}`).join('&');
  const names = [...i.signedHeaders].map((h) => h.toLowerCase()).sort();
  const canonicalHeaders = names.map((h) => `${h}:${(i.headers[h] ?? '').trim().replace(/\s+/g, ' ')}\n`).join('');
  const canonicalRequest = [i.method, canonicalUri, canonicalQuery, canonicalHeaders, names.join(';'), sha256(i.body)].join('\n');
  const day = i.amzDate.slice(0, 8);
  const scope = `${day}/${i.region}/${i.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', i.amzDate, scope, sha256(canonicalRequest)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${i.secretAccessKey}`, day), i.region), i.service), 'aws4_request');
  return { canonicalRequest, stringToSign, signature: createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex') };
}

/** Parses `AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...`. */
function parseAuthorization(header: string | undefined): { credential: string; signedHeaders: string[]; signature: string } {
  const m = /^AWS4-HMAC-SHA256 Credential=([^,]+), SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(header ?? '');
  if (!m) throw new Error(`not a SigV4 authorization header: ${header}`);
  return { credential: m[1]!, signedHeaders: m[2]!.split(';'), signature: m[3]! };
}

function recompute(seen: Seen, signedHeaders: readonly string[]): string {
  return sigV4({
    method: seen.method,
    path: seen.rawPath,
    rawQuery: seen.url.search.replace(/^\?/, ''),
    headers: seen.headers,
    signedHeaders,
    body: seen.body,
    amzDate: seen.headers['x-amz-date']!,
    region: 'us-east-1',
    service: 'mobiletargeting',
    secretAccessKey: CREDENTIALS.secretAccessKey,
  }).signature;
}

describe(sigV4.name, () => {
  it('reproduces the get-vanilla example of AWS\'s SigV4 test suite (checks the checker)', () => {
    const { signature } = sigV4({
      method: 'GET', path: '/', rawQuery: '', body: '',
      headers: { host: 'example.amazonaws.com', 'x-amz-date': '20150830T123600Z' },
      signedHeaders: ['host', 'x-amz-date'],
      amzDate: '20150830T123600Z', region: 'us-east-1', service: 'service',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
    });
    expect(signature).toBe('5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31');
  });

  it('encodes each path segment twice, as non-S3 services sign it', () => {
    const { canonicalRequest } = sigV4({
      method: 'GET', path: '/v1/apps/a%20b', rawQuery: 'z=1&a=x%2Fy', body: '', headers: {}, signedHeaders: [],
      amzDate: '20240101T000000Z', region: 'us-east-1', service: 'mobiletargeting', secretAccessKey: 'k',
    });
    expect(canonicalRequest.split('\n').slice(0, 3)).toEqual(['GET', '/v1/apps/a%2520b', 'a=x%2Fy&z=1']);
  });
});

describe('the client\'s SigV4 signature', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2024-03-15T10:11:12.345Z'));
  });
  afterEach(() => { vi.useRealTimers(); });

  it('signs a GET with a query and an id that needs encoding', async () => {
    wire.pinpoint();
    await makeClient().getSegments({ ApplicationId: 'app 1:x', PageSize: '10', Token: 'tok/en=+ ü' });
    const seen = wire.requests[0]!;
    expect(seen.rawPath).toBe('/v1/apps/app%201%3Ax/segments');
    expect(seen.headers['x-amz-date']).toBe('20240315T101112Z');
    const auth = parseAuthorization(seen.headers.authorization);
    expect(auth.credential).toBe(`${CREDENTIALS.accessKeyId}/20240315/us-east-1/mobiletargeting/aws4_request`);
    expect([...auth.signedHeaders].sort()).toEqual(['host', 'x-amz-content-sha256', 'x-amz-date']);
    expect(auth.signature).toBe(recompute(seen, auth.signedHeaders));
  });

  it('signs a DELETE with a repeated query parameter (values sorted in the canonical query)', async () => {
    wire.pinpoint();
    await makeClient().untagResource({ ResourceArn: 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/abc', TagKeys: ['team', 'cost center', 'a'] });
    const seen = wire.requests[0]!;
    expect(seen.url.searchParams.getAll('tagKeys')).toEqual(['team', 'cost center', 'a']);
    const auth = parseAuthorization(seen.headers.authorization);
    expect(auth.signature).toBe(recompute(seen, auth.signedHeaders));
  });

  it('signs a POST with a JSON body and a session token (both covered by the signature)', async () => {
    wire.pinpoint();
    const body = { Name: 'Ünïcode segment', Dimensions: { Demographic: { Platform: { DimensionType: 'INCLUSIVE' as const, Values: ['ios'] } } } };
    await makeClient({ credentials: { ...CREDENTIALS, sessionToken: SESSION_TOKEN } }).createSegment({ ApplicationId: 'app-1', WriteSegmentRequest: body });
    const seen = wire.requests[0]!;
    expect(JSON.parse(seen.body)).toEqual(body);
    expect(seen.headers['x-amz-security-token']).toBe(SESSION_TOKEN);
    expect(seen.headers['x-amz-content-sha256']).toBe(sha256(seen.body));
    const auth = parseAuthorization(seen.headers.authorization);
    expect([...auth.signedHeaders].sort()).toEqual(['content-type', 'host', 'x-amz-content-sha256', 'x-amz-date', 'x-amz-security-token']);
    expect(auth.signature).toBe(recompute(seen, auth.signedHeaders));
    // The recomputation is sensitive to what it covers: another body or token would give another signature.
    expect(recompute({ ...seen, body: seen.body.replace('ios', 'android') }, auth.signedHeaders)).not.toBe(auth.signature);
    expect(recompute({ ...seen, headers: { ...seen.headers, 'x-amz-security-token': 'other' } }, auth.signedHeaders)).not.toBe(auth.signature);
  });

  it('signs the host with its port and the endpoint\'s base path in front of the operation path', async () => {
    const seen: Seen[] = [];
    wire.server.use(recordingHandler('http://localhost:4566/base%20path/*', seen, () => HttpResponse.json({})));
    await makeClient({ endpoint: 'http://localhost:4566/base%20path/' }).getSegment({ ApplicationId: 'a b', SegmentId: 's' });
    const [req] = seen;
    expect(req!.rawPath).toBe('/base%20path/v1/apps/a%20b/segments/s');
    expect(req!.headers.host).toBe('localhost:4566');
    const auth = parseAuthorization(req!.headers.authorization);
    expect(auth.signature).toBe(recompute(req!, auth.signedHeaders));
  });
});
