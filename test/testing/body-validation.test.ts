/**
 * The kit rejects request bodies AWS rejects (issue 27): every operation's body is checked against the catalog's shapes
 * — JSON types, enum values, required members — from the generated table, answering BadRequestException (400) with a
 * message naming the body and the member's path. Walked over the whole operations table, then through our client and
 * the official SDK.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import {
  BadRequestException as SdkBadRequest, CreateAppCommand, CreateSegmentCommand, PinpointClient as SdkClient, SendMessagesCommand, UpdateEndpointCommand,
} from '@aws-sdk/client-pinpoint';
import { bodyRules } from '../../generated/validation.js';
import { operations } from '../../generated/operations.js';
import { BadRequestException } from '../../src/index.js';
import { type OperationSpec } from '../../src/tooling/index.js';
import { createPinpointMock, REQUIRED_BEYOND_SHAPES, type ShapeRule, type ValueRule } from '../../src/testing/index.js';
import { credentials, newClient } from './support.js';

const auth = { authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/mobiletargeting/aws4_request, SignedHeaders=host, Signature=00' };
const shape = (name: string): ShapeRule => bodyRules.shapes[name] as ShapeRule;

/** A valid value of `rule`: every required member filled, lists and maps empty, an enum's first value. */
function valid(rule: ValueRule): unknown {
  if (typeof rule === 'string') return { string: 'x', number: 1, boolean: true, timestamp: '2026-01-01T00:00:00Z', blob: 'eA==', document: {} }[rule];
  if ('list' in rule) return [];
  if ('map' in rule) return {};
  const s = shape(rule.ref);
  if ('enum' in s) return s.enum[0];
  return Object.fromEntries(s.required.map((m) => [m, valid(s.members[m] as ValueRule)]));
}

interface Planted { readonly body: unknown; readonly path: string }

/**
 * A valid body with `bad` planted at the shallowest member `pick` chooses (breadth first through structures, one-element
 * lists and one-key maps); undefined when none is reachable. `bad` returns the planted value, or `undefined` to leave
 * the member out.
 */
function plant(root: string, pick: (owner: Extract<ShapeRule, { members: object }>, member: string, rule: ValueRule) => boolean, bad: unknown): Planted | undefined {
  type Step = { readonly key: string | number; readonly rule: ValueRule };
  const queue: { steps: Step[]; rule: ValueRule }[] = [{ steps: [], rule: { ref: root } }];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const { steps, rule } = queue.shift()!;
    if (typeof rule === 'string') continue;
    if ('list' in rule) { queue.push({ steps: [...steps, { key: 0, rule: rule.list }], rule: rule.list }); continue; }
    if ('map' in rule) { queue.push({ steps: [...steps, { key: 'k', rule: rule.map }], rule: rule.map }); continue; }
    if (seen.has(rule.ref)) continue;
    seen.add(rule.ref);
    const s = shape(rule.ref);
    if ('enum' in s) continue;
    for (const [member, r] of Object.entries(s.members)) {
      if (pick(s, member, r)) return build([...steps, { key: member, rule: r }], root, bad);
      queue.push({ steps: [...steps, { key: member, rule: r }], rule: r });
    }
  }
  return undefined;
}

/** An empty container, or a valid structure, for a value on the way to the planted member. */
const container = (rule: ValueRule): unknown => (typeof rule === 'object' && 'list' in rule ? [] : typeof rule === 'object' && 'map' in rule ? {} : valid(rule));

function build(steps: readonly { key: string | number; rule: ValueRule }[], root: string, bad: unknown): Planted {
  const body = validBody(root);
  let at = body as Record<string | number, unknown>;
  for (const step of steps.slice(0, -1)) {
    at[step.key] ??= container(step.rule);
    at = at[step.key] as Record<string | number, unknown>;
  }
  const last = steps.at(-1)!;
  if (bad === undefined) delete at[last.key];
  else at[last.key] = bad;
  return { body, path: steps.map((s) => (typeof s.key === 'number' ? `[${s.key}]` : `.${s.key}`)).join('').slice(1) };
}

/** A valid body of an operation whose body shape is `root`, with the members AWS requires beyond the shapes. */
function validBody(root: string): Record<string, unknown> {
  const op = Object.entries(bodyRules.operations).find(([, shapeName]) => shapeName === root)?.[0] as keyof typeof REQUIRED_BEYOND_SHAPES;
  const s = shape(root) as { members: Record<string, ValueRule> };
  const extra = (REQUIRED_BEYOND_SHAPES[op] ?? []).filter((p) => !p.includes('.')).map((m) => [m, valid(s.members[m] as ValueRule)] as const);
  return { ...(valid({ ref: root }) as object), ...Object.fromEntries(extra) };
}

/** How messages name an operation's body: its body member. */
const labelOf = (op: string): string | undefined => (operations[op as keyof typeof operations] as OperationSpec).body;
const isEnum = (r: ValueRule) => typeof r === 'object' && 'ref' in r && 'enum' in shape(r.ref);
const withBody = Object.entries(bodyRules.operations);

async function send(operation: string, body: unknown): Promise<{ status: number; headers: Record<string, string>; Message: string }> {
  const spec = operations[operation as keyof typeof operations];
  const path = spec.path.replace(/\{(\w+)\+?\}/g, (_, label: string) => (label === 'ResourceArn' ? encodeURIComponent('arn:aws:mobiletargeting:us-east-1:123456789012:apps/a1') : 'a1'));
  const res = await createPinpointMock().handle({ method: spec.method, path, headers: auth, body: JSON.stringify(body) });
  return { status: res.status, headers: { ...res.headers }, Message: res.body === '' ? '' : (JSON.parse(res.body) as { Message?: string }).Message ?? '' };
}

describe('every operation with a body, from the operations table', () => {
  it('the table names a body shape for every operation the catalog sends a body with, and nothing else', () => {
    const bodied = (Object.values(operations) as OperationSpec[]).filter((o) => o.body !== undefined).map((o) => o.name).sort();
    expect(Object.keys(bodyRules.operations).sort()).toEqual(bodied);
    expect(bodied.length).toBeGreaterThanOrEqual(45);
  });

  const enums = withBody.flatMap(([op, root]) => {
    const planted = plant(root, (_, __, r) => isEnum(r), 'NOT_A_VALUE');
    return planted ? [[op, root, planted] as const] : [];
  });
  // Many enum-like members are plain strings in AWS's model (Pinpoint accepts any text there): only true enums are checked.
  it('those whose body reaches an enum member are all walked', () => {
    expect(enums.length).toBeGreaterThanOrEqual(18);
    expect(enums.map(([op]) => op)).toEqual(expect.arrayContaining(['SendMessages', 'UpdateEndpoint', 'CreateSegment', 'UpdateJourneyState']));
  });
  it.each(enums)('%s: an undefined enum value is BadRequestException (400), naming the member', async (op, root, planted) => {
    const r = await send(op, planted.body);
    expect(r.status).toBe(400);
    expect(r.headers['x-amzn-ErrorType']).toBe('BadRequestException');
    const label = labelOf(op);
    expect(r.Message).toMatch(new RegExp(`^${label}: ${planted.path.replace(/[[\].]/g, '\\$&')} must be a \\w+ \\(one of [A-Z_, 0-9]+\\), got "NOT_A_VALUE"$`));
    expect(root).toBeTruthy();
  });

  const required = withBody.flatMap(([op, root]) => {
    const planted = plant(root, (owner, member) => owner.required.includes(member), undefined);
    return planted ? [[op, planted] as const] : [];
  });
  it('many of them reach a required member', () => expect(required.length).toBeGreaterThanOrEqual(20));

  /** A value of the wrong JSON type for each primitive (a document takes anything), list, map, enum and structure. */
  const WRONG_PRIMITIVE: Readonly<Record<string, unknown>> = { string: {}, timestamp: {}, blob: {}, number: 'high', boolean: 'maybe' };
  const wrongFor = (rule: ValueRule): unknown =>
    typeof rule === 'string' ? WRONG_PRIMITIVE[rule] : 'list' in rule ? 'x' : 'map' in rule ? [] : 'enum' in shape(rule.ref) ? 5 : [];
  const typed = withBody.map(([op, root]) => {
    let planted: Planted | undefined;
    for (const [member, r] of Object.entries((shape(root) as { members: Record<string, ValueRule> }).members)) {
      const bad = wrongFor(r);
      if (bad !== undefined) { planted = plant(root, (owner, m) => owner === shape(root) && m === member, bad); break; }
    }
    return [op, planted!] as const;
  });
  it.each(typed)('%s: a member of the wrong JSON type is BadRequestException (400), naming it', async (op, planted) => {
    const r = await send(op, planted.body);
    expect([r.status, r.headers['x-amzn-ErrorType']]).toEqual([400, 'BadRequestException']);
    expect(r.Message).toMatch(new RegExp(`^${labelOf(op)}: ${planted.path} must be `));
  });
  it.each(required)('%s: a missing required member is BadRequestException (400), naming it', async (op, planted) => {
    const r = await send(op, planted.body);
    expect([r.status, r.headers['x-amzn-ErrorType']]).toEqual([400, 'BadRequestException']);
    expect(r.Message).toBe(`${labelOf(op)}: the required member ${planted.path} is missing`);
  });

  const beyond = Object.entries(REQUIRED_BEYOND_SHAPES).flatMap(([op, paths]) => (paths ?? []).map((path) => [op, path] as const));
  it.each(beyond)('%s: %s, which AWS requires though the shape does not say so, is BadRequestException when missing', async (op, path) => {
    const body = validBody(bodyRules.operations[op] as string);
    const [list, member] = path.split('[].');
    if (member === undefined) delete body[path];
    else body[list as string] = [{}];
    const r = await send(op, body);
    expect([r.status, r.Message]).toEqual([400, `${labelOf(op)}: the required member ${member === undefined ? path : `${list}[0].${member}`} is missing`]);
  });

  it.each(withBody)('%s: a valid body passes the check (whatever the handler then answers)', async (op, root) => {
    const r = await send(op, validBody(root));
    expect(r.Message).not.toMatch(/ must be |the required member .* is missing/);
  });

  it('wrong JSON types are rejected: a string for a number, a scalar for a list, a list for an object', async () => {
    const cases: [string, object, string][] = [
      ['CreateApp', { Name: 5 }, 'CreateApplicationRequest: Name must be a string, got 5'],
      ['SendMessages', { MessageConfiguration: {}, Addresses: [] }, 'MessageRequest: Addresses must be an object, got []'],
      ['CreateSegment', { Name: 's', Dimensions: { Demographic: { Channel: { DimensionType: 'INCLUSIVE', Values: 'SMS' } } } },
        'WriteSegmentRequest: Dimensions.Demographic.Channel.Values must be a list, got "SMS"'],
      ['UpdateEndpoint', { Metrics: { score: 'high' } }, 'EndpointRequest: Metrics.score must be a number, got "high"'],
    ];
    for (const [op, body, message] of cases) expect((await send(op, body)).Message).toBe(message);
  });
});

describe('through the clients', () => {
  const mock = createPinpointMock();
  const server = setupServer(...mock.handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  it('our client: SendMessages with ChannelType TEXT or MessageType URGENT is BadRequestException, nothing delivered', async () => {
    const client = newClient();
    const ApplicationId = (await client.createApp({ CreateApplicationRequest: { Name: 'v' } })).ApplicationResponse.Id;
    const text = await client.sendMessages({ ApplicationId, MessageRequest: { Addresses: { '+12065550100': { ChannelType: 'TEXT' as never } }, MessageConfiguration: {} } }).catch((e: unknown) => e);
    expect(text).toBeInstanceOf(BadRequestException);
    expect(text).toMatchObject({ message: expect.stringMatching(/^MessageRequest: Addresses\.\+12065550100\.ChannelType must be a ChannelType \(one of ADM, .*VOICE\), got "TEXT"$/) as unknown });
    const urgent = await client.sendMessages({ ApplicationId, MessageRequest: { Addresses: { '+12065550100': { ChannelType: 'SMS' } }, MessageConfiguration: { SMSMessage: { Body: 'hi', MessageType: 'URGENT' as never } } } })
      .catch((e: unknown) => e);
    expect(urgent).toMatchObject({ name: 'BadRequestException', message: 'MessageRequest: MessageConfiguration.SMSMessage.MessageType must be a MessageType (one of PROMOTIONAL, TRANSACTIONAL), got "URGENT"' });
    expect(mock.store.messages).toEqual([]);
  });

  it('the official SDK: UpdateEndpoint with ChannelType PIGEON and a segment with DimensionType MAYBE are BadRequestException (400), nothing stored', async () => {
    const sdk = new SdkClient({ region: 'us-east-1', credentials });
    const ApplicationId = (await sdk.send(new CreateAppCommand({ CreateApplicationRequest: { Name: 'sdk' } }))).ApplicationResponse!.Id!;
    const pigeon = await sdk.send(new UpdateEndpointCommand({ ApplicationId, EndpointId: 'e1', EndpointRequest: { ChannelType: 'PIGEON' as never, Address: 'coop' } })).catch((e: unknown) => e);
    expect(pigeon).toBeInstanceOf(SdkBadRequest);
    expect(pigeon).toMatchObject({ $metadata: { httpStatusCode: 400 }, message: expect.stringMatching(/^EndpointRequest: ChannelType must be a ChannelType \(one of .*\), got "PIGEON"$/) as unknown });
    const maybe = await sdk.send(new CreateSegmentCommand({ ApplicationId, WriteSegmentRequest: { Name: 's',
      Dimensions: { Demographic: { Platform: { DimensionType: 'MAYBE' as never, Values: ['ios'] } } } } })).catch((e: unknown) => e);
    expect(maybe).toBeInstanceOf(SdkBadRequest);
    expect(maybe).toMatchObject({ message: 'WriteSegmentRequest: Dimensions.Demographic.Platform.DimensionType must be a DimensionType (one of EXCLUSIVE, INCLUSIVE), got "MAYBE"' });
    const sent = await sdk.send(new SendMessagesCommand({ ApplicationId, MessageRequest: { Addresses: { '+12065550100': { ChannelType: 'TEXT' as never } }, MessageConfiguration: {} } })).catch((e: unknown) => e);
    expect(sent).toBeInstanceOf(SdkBadRequest);
    const app = mock.store.apps.get(ApplicationId);
    expect([app?.endpoints.size, app?.segments.size, mock.store.messages.length]).toEqual([0, 0, 0]);
  });
});
