/**
 * Every generated method on the wire: what msw sees (method, encoded path, query, JSON body, SigV4 headers) and what
 * the call resolves to; then the same inputs through `@aws-sdk/client-pinpoint` with a recording request handler, so
 * that our wire format is the SDK's.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import * as sdk from '@aws-sdk/client-pinpoint';
// `@smithy/protocol-http` is not installed on its own; `@smithy/core` (an SDK dependency) exports the same class.
import { HttpResponse as SmithyResponse } from '@smithy/core/protocols';
import { HttpResponse } from 'msw';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { operations } from '../../generated/operations.js';
import type { OperationSpec, QuerySpec } from '../../src/client/spec.js';
import { ACCOUNT, CREDENTIALS, SESSION_TOKEN, callByName, makeClient, recordingHandler, rejection, useWire, type Seen } from './support.js';

const wire = useWire();
const specs = Object.values(operations) as readonly OperationSpec[];

// ---------------------------------------------------------------------------------------------------------------------
// Inputs built from each operation's metadata

/** A distinct label value per member, with characters that must be percent-encoded (space, colon). */
function labelValue(spec: OperationSpec, member: string): string {
  if (member === 'ResourceArn') return `arn:aws:mobiletargeting:us-east-1:${ACCOUNT}:apps/app-for-${spec.name}`;
  // A member whose value fills the ARN from an enum (TemplateType) takes one of its values, as the service spells them.
  return spec.arnEnums?.[member]?.[0] ?? `${member} of ${spec.name}:1`;
}

/** A query value of the member's type and the decoded strings expected on the wire. */
function queryValue(q: QuerySpec, index: number): { value: unknown; wire: string[] } {
  switch (q.type) {
    case 'string': return { value: `q ${q.member}&=${index}`, wire: [`q ${q.member}&=${index}`] };
    case 'number': return { value: 10 + index, wire: [String(10 + index)] };
    case 'boolean': return { value: index % 2 === 0, wire: [String(index % 2 === 0)] };
    case 'timestamp': {
      const d = new Date(Date.UTC(2024, 0, 1 + index, 12, 30, 15));
      return { value: d, wire: [d.toISOString().replace('.000Z', 'Z')] };
    }
    case 'list': return { value: [`${q.member}-1`, `${q.member} 2`], wire: [`${q.member}-1`, `${q.member} 2`] };
  }
}

type SchemaNode = unknown[];
const sdkExports = sdk as unknown as Record<string, unknown>;
const resolve = (s: unknown): SchemaNode => (typeof s === 'function' ? (s as () => SchemaNode)() : (s as SchemaNode));

/**
 * A small body: the body structure's string, number and boolean members as the SDK's own schema lists them (so the
 * SDK does not drop them), each with a distinct value. Structures without scalar members get `{}`.
 */
function bodyValue(spec: OperationSpec): Record<string, unknown> {
  const op = sdkExports[`${spec.name}$`] as SchemaNode;
  const input = resolve(op[4]);
  const members = input[4] as string[];
  const schemas = input[5] as unknown[];
  const i = members.indexOf(spec.body!);
  const structure = resolve((schemas[i] as unknown[])[0]);
  const out: Record<string, unknown> = {};
  (structure[4] as string[]).forEach((name, j) => {
    const kind = (structure[5] as unknown[])[j];
    if (kind === 0) out[name] = `${name} for ${spec.name}`;
    else if (kind === 1) out[name] = 7 + j;
    else if (kind === 2) out[name] = j % 2 === 0;
  });
  return out;
}

interface Case {
  readonly spec: OperationSpec;
  readonly input: Record<string, unknown>;
  readonly labels: Record<string, string>;
  readonly query: (readonly [string, string])[];
  readonly body: Record<string, unknown> | undefined;
}

function caseOf(spec: OperationSpec): Case {
  const input: Record<string, unknown> = {};
  const labels: Record<string, string> = {};
  for (const l of spec.labels) input[l] = labels[l] = labelValue(spec, l);
  const query: (readonly [string, string])[] = [];
  spec.query.forEach((q, i) => {
    const { value, wire: w } = queryValue(q, i);
    input[q.member] = value;
    for (const v of w) query.push([q.wire, v]);
  });
  const body = spec.body ? bodyValue(spec) : undefined;
  if (spec.body) input[spec.body] = body;
  return { spec, input, labels, query, body };
}

const cases = specs.map(caseOf);
const sortPairs = (pairs: readonly (readonly [string, string])[]): string[] => pairs.map(([k, v]) => `${k}=${v}`).sort();
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The path template with each label replaced by its decoded value: what the server decodes the path to. */
const decodedSegments = (c: Case): string[] => c.spec.path.split('/').map((s) => s.replace(/^\{(\w+)\}$/, (_, l: string) => c.labels[l]!));

// ---------------------------------------------------------------------------------------------------------------------

describe('every generated method on the wire (msw)', () => {
  const seen = new Map<string, { request: Seen; output: unknown }>();
  beforeAll(async () => {
    wire.pinpoint((_, n) => {
      const spec = cases[n - 1]!.spec;
      return HttpResponse.json({ Id: `response of ${spec.name}`, Count: n }, { status: spec.status, headers: { 'x-amzn-RequestId': `rid-${spec.name}` } });
    });
    const client = makeClient({ credentials: { ...CREDENTIALS, sessionToken: SESSION_TOKEN } });
    for (const c of cases) {
      const before = wire.requests.length;
      const output = await callByName(client, c.spec.name, c.input);
      expect(wire.requests.length, `${c.spec.name} sends exactly one request`).toBe(before + 1);
      seen.set(c.spec.name, { request: wire.requests[before]!, output });
    }
  });

  it('covers every operation with a method of the client', () => {
    expect(seen.size).toBe(specs.length);
    expect(specs.length).toBe(122);
  });

  it.each(cases.map((c) => [c.spec.name, c] as const))('%s: method, encoded path, query, body, signature headers and output', (name, c) => {
    const { request, output } = seen.get(name)!;
    expect(request.method).toBe(c.spec.method);
    // Each label is exactly one segment, and decodes back to the value given.
    const segments = request.rawPath.split('/');
    expect(segments.map(decodeURIComponent)).toEqual(decodedSegments(c));
    expect(request.rawPath).not.toMatch(/[ :]/);
    expect(sortPairs([...request.url.searchParams])).toEqual(sortPairs(c.query));
    if (c.body) {
      expect(JSON.parse(request.body)).toEqual(c.body);
      expect(request.headers['content-type']).toBe('application/json');
    } else {
      expect(request.body).toBe('');
    }

    const date = request.headers['x-amz-date'];
    expect(date).toMatch(/^\d{8}T\d{6}Z$/);
    expect(request.headers.authorization).toMatch(
      new RegExp(`^AWS4-HMAC-SHA256 Credential=${CREDENTIALS.accessKeyId}/${date!.slice(0, 8)}/us-east-1/mobiletargeting/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$`),
    );
    expect(request.headers['x-amz-content-sha256']).toBe(sha256(request.body));
    expect(request.headers['x-amz-security-token']).toBe(SESSION_TOKEN);

    const expected: Record<string, unknown> = {
      $metadata: { httpStatusCode: c.spec.status, requestId: `rid-${name}`, attempts: 1, totalRetryDelay: 0 },
    };
    if (c.spec.outputBody) expected[c.spec.outputBody] = { Id: `response of ${name}`, Count: cases.indexOf(c) + 1 };
    expect(output).toStrictEqual(expected);
  });

  it('sends no x-amz-security-token with long-term keys, and signs it when a session token is given', async () => {
    wire.pinpoint();
    await makeClient().getApps({});
    await makeClient({ credentials: { ...CREDENTIALS, sessionToken: SESSION_TOKEN } }).getApps({});
    const [plain, temporary] = wire.requests;
    expect(plain!.headers).not.toHaveProperty('x-amz-security-token');
    expect(plain!.headers.authorization).not.toContain('x-amz-security-token');
    expect(temporary!.headers.authorization).toMatch(/SignedHeaders=[^,]*x-amz-security-token/);
  });

  it('sends to a custom endpoint with a base path, keeping that path in front of the operation path', async () => {
    const requests: Seen[] = [];
    wire.server.use(recordingHandler('https://proxy.example.com/pinpoint/*', requests, () => HttpResponse.json({})));
    await makeClient({ endpoint: 'https://proxy.example.com/pinpoint/' }).getApp({ ApplicationId: 'a b' });
    expect(requests.map((r) => r.rawPath)).toEqual(['/pinpoint/v1/apps/a%20b']);
  });
});

// ---------------------------------------------------------------------------------------------------------------------
// The same inputs through the AWS SDK

interface SdkRequest { method: string; path: string; query: Record<string, string | string[] | null>; body: unknown }

const sdkRequests: SdkRequest[] = [];
/** The body the recording handler answers with. */
let sdkResponse = '{}';
const sdkClient = new sdk.PinpointClient({
  region: 'us-east-1',
  credentials: CREDENTIALS,
  requestHandler: {
    handle: async (req: SdkRequest) => {
      sdkRequests.push({ method: req.method, path: req.path, query: { ...(req.query ?? {}) }, body: req.body });
      return { response: new SmithyResponse({ statusCode: 200, headers: {}, body: Readable.from([Buffer.from(sdkResponse)]) }) };
    },
  } as never,
});

async function sendWithSdk(operation: string, input: Record<string, unknown>): Promise<SdkRequest> {
  const Command = sdkExports[`${operation}Command`] as new (input: unknown) => Parameters<typeof sdkClient.send>[0];
  const before = sdkRequests.length;
  await sdkClient.send(new Command(input)).catch(() => undefined);
  if (sdkRequests.length !== before + 1) throw new Error(`${operation}: the SDK sent ${sdkRequests.length - before} requests`);
  return sdkRequests[before]!;
}

function sdkBodyText(body: unknown): string {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return Buffer.from(body).toString('utf8');
  throw new Error(`unexpected SDK body ${Object.prototype.toString.call(body)}`);
}

/** Decoded query pairs of the SDK's request, flattened as `k=v`. */
const sdkPairs = (q: SdkRequest['query']): string[] =>
  Object.entries(q).flatMap(([k, v]) => (v === null ? [k] : Array.isArray(v) ? v.map((x) => `${k}=${x}`) : [`${k}=${v}`])).sort();

describe('our wire format is @aws-sdk/client-pinpoint\'s', () => {
  const ours = new Map<string, Seen>();
  beforeAll(async () => {
    wire.pinpoint((_, n) => HttpResponse.json({}, { status: cases[n - 1]!.spec.status }));
    const client = makeClient();
    for (const c of cases) {
      const before = wire.requests.length;
      await callByName(client, c.spec.name, c.input);
      ours.set(c.spec.name, wire.requests[before]!);
    }
  });

  it.each(cases.map((c) => [c.spec.name, c] as const))('%s: same method, path, query and body as the SDK', async (name, c) => {
    const theirs = await sendWithSdk(name, c.input);
    const mine = ours.get(name)!;
    expect(mine.method).toBe(theirs.method);
    expect(mine.rawPath.split('/').map(decodeURIComponent)).toEqual(theirs.path.split('/').map(decodeURIComponent));
    expect(mine.rawPath).toBe(theirs.path);
    expect(sortPairs([...mine.url.searchParams])).toEqual(sdkPairs(theirs.query));
    const theirBody = sdkBodyText(theirs.body);
    if (theirBody === '') expect(mine.body).toBe('');
    else expect(JSON.parse(mine.body)).toEqual(JSON.parse(theirBody));
  });

  it.each([
    ['GetSegment', { ApplicationId: "app!'()*~", SegmentId: 'seg 1:ü~é' }],
    ['GetEndpoint', { ApplicationId: 'a+b=c&d', EndpointId: 'e%41#f?g' }],
    ['GetUserEndpoints', { ApplicationId: '@app$', UserId: 'user,name;x' }],
  ] as const)('%s encodes awkward ids exactly as the SDK does', async (operation, input) => {
    wire.pinpoint();
    await callByName(makeClient({ mode: 'off' }), operation, input);
    const theirs = await sendWithSdk(operation, input);
    expect(wire.requests[0]!.rawPath).toBe(theirs.path);
  });
});

/** A response body with a distinct RFC 3339 string at each timestamp path (`a.b`, `list[].c`). */
function bodyWithTimestamps(paths: readonly string[]): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  paths.forEach((path, i) => {
    const steps = path.split(/\.|(?=\[\])/).filter(Boolean);
    let node: Record<string, unknown> = root;
    steps.forEach((step, j) => {
      const last = j === steps.length - 1;
      if (step === '[]') return;
      const nextIsList = steps[j + 1] === '[]';
      if (last) { node[step] = i % 2 === 0 ? `2024-0${i + 1}-15T10:20:30Z` : `2024-0${i + 1}-15T10:20:30.456Z`; return; }
      if (nextIsList) {
        const list = (node[step] ??= [{}]) as Record<string, unknown>[];
        node = list[0]!;
      } else {
        node = (node[step] ??= {}) as Record<string, unknown>;
      }
    });
  });
  return root;
}

describe('timestamps, as the SDK reads and writes them', () => {
  const withTimestamps = cases.filter((c) => c.spec.outputTimestamps.length > 0);

  it('there are operations with timestamps in their output', () => {
    expect(withTimestamps.map((c) => c.spec.name)).toEqual(expect.arrayContaining(['GetJourney', 'ListJourneys', 'GetApplicationDateRangeKpi']));
  });

  it.each(withTimestamps.map((c) => [c.spec.name, c] as const))('%s: the output is decoded to the SDK\'s output (Dates included)', async (name, c) => {
    const body = { ...bodyWithTimestamps(c.spec.outputTimestamps), ...(c.spec.outputBody === 'JourneyResponse' ? { Name: 'journey', ApplicationId: 'app' } : {}) };
    wire.pinpoint(() => HttpResponse.json(body, { status: c.spec.status }));
    const mine = (await callByName(makeClient(), name, c.input)) as Record<string, unknown>;
    sdkResponse = JSON.stringify(body);
    const Command = sdkExports[`${name}Command`] as new (input: unknown) => Parameters<typeof sdkClient.send>[0];
    const theirs = (await sdkClient.send(new Command(c.input)).finally(() => { sdkResponse = '{}'; })) as unknown as Record<string, unknown>;
    expect(mine[c.spec.outputBody!]).toEqual(theirs[c.spec.outputBody!]);
    const dates = JSON.stringify(mine[c.spec.outputBody!]);
    expect(dates).toContain('2024-01-15T10:20:30.000Z'); // a Date now, serialised by toJSON
  });

  it.each([
    ['whole seconds, without .000', '2015-09-01T00:00:00.000Z', '2015-09-01T00:00:00Z'],
    ['milliseconds when not zero', '2024-01-01T00:00:00.123Z', '2024-01-01T00:00:00.123Z'],
    ['trailing zero milliseconds kept', '2024-01-01T00:00:00.100Z', '2024-01-01T00:00:00.100Z'],
    ['an expanded year', '+020000-01-01T00:00:00.000Z', '+020000-01-01T00:00:00Z'],
  ])('a Date in the body (%s) is sent as the exact text the SDK sends', async (_, iso, text) => {
    wire.pinpoint();
    const date = new Date(iso);
    const input = { ApplicationId: 'app', WriteJourneyRequest: { Name: 'j', Schedule: { StartTime: date, EndTime: date } } };
    await makeClient().createJourney(input);
    const theirs = JSON.parse(sdkBodyText((await sendWithSdk('CreateJourney', input)).body)) as { Schedule: Record<string, string> };
    const mine = JSON.parse(wire.requests[0]!.body) as { Schedule: Record<string, string> };
    expect(mine.Schedule).toEqual({ StartTime: text, EndTime: text });
    expect(theirs.Schedule).toEqual({ StartTime: text, EndTime: text });
  });

  it('any Date in the body is sent as the SDK sends it (property)', async () => {
    wire.pinpoint();
    const client = makeClient();
    const instant = fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true });
    // Half of them on a whole second, where the SDK drops the milliseconds.
    const dates = fc.oneof(instant, instant.map((d) => new Date(Math.floor(d.getTime() / 1000) * 1000)));
    await fc.assert(fc.asyncProperty(dates, async (date) => {
      const input = { ApplicationId: 'app', WriteJourneyRequest: { Name: 'j', Schedule: { StartTime: date } } };
      const before = wire.requests.length;
      await client.createJourney(input);
      const theirs = JSON.parse(sdkBodyText((await sendWithSdk('CreateJourney', input)).body)) as { Schedule: Record<string, string> };
      expect((JSON.parse(wire.requests[before]!.body) as { Schedule: Record<string, string> }).Schedule.StartTime).toBe(theirs.Schedule.StartTime);
    }), { numRuns: 40 });
  });

  it('an invalid Date in the body is refused, naming the member, and nothing is sent', async () => {
    wire.pinpoint();
    const input = { ApplicationId: 'app', WriteJourneyRequest: { Name: 'j', Schedule: { StartTime: new Date(NaN) } } };
    const err = await rejection(makeClient().createJourney(input));
    expect(err.message).toContain('WriteJourneyRequest.Schedule.StartTime');
    expect(err.message).toContain('a valid Date');
    expect(wire.requests).toHaveLength(0);
  });

  // The SDK's schema gives SimpleCondition.SegmentDimensions the JSON name `segmentDimensions`; the catalog records it
  // (shapes.yaml wireNames) and the client renames it on the way out and back.
  it('CreateJourney: a SimpleCondition\'s SegmentDimensions is sent as `segmentDimensions`, as the SDK sends it', async () => {
    wire.pinpoint();
    const input = {
      ApplicationId: 'app',
      WriteJourneyRequest: { Name: 'j', Activities: { a1: { ConditionalSplit: { Condition: { Conditions: [{ SegmentDimensions: { Demographic: { Platform: { Values: ['ios'] } } } }] } } } } },
    };
    await makeClient().createJourney(input as never);
    const theirs = JSON.parse(sdkBodyText((await sendWithSdk('CreateJourney', input)).body)) as unknown;
    expect(JSON.stringify(theirs)).toContain('"segmentDimensions"');
    expect(JSON.parse(wire.requests[0]!.body)).toEqual(theirs);
  });

  it('GetJourney: a response\'s `segmentDimensions` comes back as SegmentDimensions, and the caller\'s input is not changed', async () => {
    const journey = { Id: 'j1', Name: 'j', ApplicationId: 'app', Activities: { a1: { MultiCondition: { Branches: [{ Condition: { segmentDimensions: { Demographic: { Platform: { Values: ['ios'] } } } } }] } } } };
    wire.pinpoint(() => HttpResponse.json(journey));
    const out = await makeClient().getJourney({ ApplicationId: 'app', JourneyId: 'j1' });
    expect(out.JourneyResponse.Activities?.a1?.MultiCondition?.Branches?.[0]?.Condition).toEqual({ SegmentDimensions: { Demographic: { Platform: { Values: ['ios'] } } } });
    const input = { ApplicationId: 'app', WriteJourneyRequest: { Name: 'j', Activities: { a1: { ConditionalSplit: { Condition: { Conditions: [{ SegmentDimensions: {} }] } } } } } };
    await makeClient().createJourney(input);
    expect(input.WriteJourneyRequest.Activities.a1.ConditionalSplit.Condition.Conditions[0]).toEqual({ SegmentDimensions: {} });
  });
});
