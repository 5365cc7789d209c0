/**
 * The catalog against what `@aws-sdk/client-pinpoint` actually sends. Every catalog operation is sent through the SDK
 * with a recording request handler (no network): the recorded method, path, query and JSON body must be the ones the
 * catalog's HTTP binding describes. The catalog's shapes are compared with the SDK's type declarations as well, so that
 * an SDK upgrade that changes a binding or a shape fails here first.
 */
import { Readable } from 'node:stream';
import * as sdk from '@aws-sdk/client-pinpoint';
// `@smithy/protocol-http` is not installed as a package of its own; `@smithy/core` (a dependency of the SDK) exports the same class.
import { HttpResponse } from '@smithy/core/protocols';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCatalog } from '../../codegen/catalog/read.js';
import { formatType, parseType, referencedShapes } from '../../codegen/catalog/type-grammar.js';
import type { CatalogEntry, Member, Operation, Shape, TypeRef } from '../../codegen/catalog/types.js';
import { readSdkModel, type SdkModel } from '../../codegen/import/sdk.js';

const catalog = readCatalog();
const operations = catalog.entries.filter((e): e is CatalogEntry & { operation: Operation } => e.operation !== undefined);

function structure(name: string): Extract<Shape, { kind: 'structure' }> {
  const shape = catalog.shapes.get(name);
  if (shape?.kind !== 'structure') throw new Error(`${name} is not a structure in the catalog`);
  return shape;
}
const memberOf = (shape: string, name: string): Member => {
  const m = structure(shape).members.find((x) => x.name === name);
  if (!m) throw new Error(`${shape}.${name} is not a member`);
  return m;
};

// ---------------------------------------------------------------------------------------------------------------------
// Inputs built from the catalog's shapes

const labelValue = (member: string): string => `label-${member}`;

/** A query value of the member's type, distinct per member, and how the SDK is expected to put it on the wire. */
function queryValue(member: Member, index: number): { value: unknown; wire: string | string[] } {
  const t = member.type;
  if (t.kind === 'primitive' && t.name === 'string') return { value: `query-${member.name}`, wire: `query-${member.name}` };
  if (t.kind === 'primitive' && t.name === 'number') return { value: 100 + index, wire: String(100 + index) };
  if (t.kind === 'primitive' && t.name === 'boolean') return { value: true, wire: 'true' };
  if (t.kind === 'primitive' && t.name === 'timestamp') {
    const date = new Date(Date.UTC(2024, 0, 1 + index, 12, 30, 15));
    return { value: date, wire: date.toISOString().replace('.000Z', 'Z') };
  }
  if (t.kind === 'list' && t.item.kind === 'primitive' && t.item.name === 'string') {
    return { value: [`${member.name}-1`, `${member.name}-2`], wire: [`${member.name}-1`, `${member.name}-2`] };
  }
  throw new Error(`no query value for ${member.name}: ${formatType(t)}`);
}

/**
 * A small JSON value of a type: strings, numbers, booleans and enum values as themselves; structures with every
 * required member and every optional scalar member (optional nested structures are left out to keep it small).
 * Returns undefined for types whose JSON form differs from the JS value (timestamp, blob, document).
 */
function bodyValue(t: TypeRef, name: string, depth = 0): unknown {
  if (depth > 8) throw new Error(`body value too deep at ${name}`);
  switch (t.kind) {
    case 'primitive':
      return { string: `${name}-value`, number: 42, boolean: true }[t.name as string];
    case 'list': {
      const item = bodyValue(t.item, name, depth + 1);
      return item === undefined ? undefined : [item];
    }
    case 'map': {
      const value = bodyValue(t.value, name, depth + 1);
      const key = t.key ? enumValues(t.key)[0]! : `${name}-key`;
      return value === undefined ? undefined : { [key]: value };
    }
    case 'ref': {
      const shape = catalog.shapes.get(t.name)!;
      if (shape.kind === 'enum') return shape.values[0];
      const out: Record<string, unknown> = {};
      for (const m of shape.members) {
        const scalar = m.type.kind === 'primitive' || (m.type.kind === 'ref' && catalog.shapes.get(m.type.name)?.kind === 'enum');
        if (!m.required && !scalar) continue;
        const v = bodyValue(m.type, m.name, depth + 1);
        if (v === undefined && m.required) throw new Error(`no JSON value for required ${t.name}.${m.name}: ${formatType(m.type)}`);
        if (v !== undefined) out[m.name] = v;
      }
      return out;
    }
  }
}

function enumValues(name: string): readonly string[] {
  const shape = catalog.shapes.get(name);
  if (shape?.kind !== 'enum') throw new Error(`${name} is not an enum`);
  return shape.values;
}

interface WireCase {
  readonly input: Record<string, unknown>;
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, string | string[]>;
  readonly body: unknown;
}

/** The SDK input for an operation, and the request the catalog says it becomes. */
function wireCase(op: Operation): WireCase {
  const input: Record<string, unknown> = {};
  for (const l of op.http.labels) input[l] = labelValue(l);
  const query: Record<string, string | string[]> = {};
  op.http.query.forEach((q, i) => {
    const { value, wire } = queryValue(memberOf(op.input, q.member), i);
    input[q.member] = value;
    query[q.wire] = wire;
  });
  let body: unknown;
  if (op.http.body) {
    body = bodyValue(memberOf(op.input, op.http.body).type, op.http.body);
    input[op.http.body] = body;
  }
  const path = op.http.path.replace(/\{(\w+)\}/g, (_, l: string) => labelValue(l));
  return { input, method: op.http.method, path, query, body };
}

// ---------------------------------------------------------------------------------------------------------------------
// Sending through the SDK with a recording handler

interface Recorded { method: string; path: string; query: Record<string, string | string[] | null>; body: unknown }

const recorded: Recorded[] = [];
const recorder = {
  handle: async (req: { method: string; path: string; query?: Record<string, string | string[] | null>; body?: unknown }) => {
    recorded.push({ method: req.method, path: req.path, query: { ...(req.query ?? {}) }, body: req.body });
    return { response: new HttpResponse({ statusCode: 200, headers: {}, body: Readable.from([Buffer.from('{}')]) }) };
  },
};
const client = new sdk.PinpointClient({
  region: 'us-east-1',
  credentials: { accessKeyId: 'AKID', secretAccessKey: 'SECRET' },
  requestHandler: recorder as never,
});

/** The request body as text: the SDK hands the handler a string or bytes (or nothing). */
function bodyText(body: unknown): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  throw new Error(`unexpected request body: ${Object.prototype.toString.call(body)}`);
}

async function send(op: string, input: Record<string, unknown>): Promise<Recorded> {
  const Command = (sdk as unknown as Record<string, new (input: unknown) => Parameters<typeof client.send>[0]>)[`${op}Command`];
  if (typeof Command !== 'function') throw new Error(`@aws-sdk/client-pinpoint has no ${op}Command`);
  const before = recorded.length;
  // The dummy `{}` response may not parse as the operation's output; only the recorded request matters.
  await client.send(new Command(input)).catch(() => undefined);
  if (recorded.length !== before + 1) throw new Error(`${op}: expected one request, recorded ${recorded.length - before}`);
  return recorded[before]!;
}

// ---------------------------------------------------------------------------------------------------------------------

describe('@aws-sdk/client-pinpoint on the wire', () => {
  const sent = new Map<string, { want: WireCase; got: Recorded }>();
  beforeAll(async () => {
    for (const e of operations) {
      const want = wireCase(e.operation);
      sent.set(e.operation.name, { want, got: await send(e.operation.name, want.input) });
    }
  });

  it('has a command for every catalog operation and no command the catalog lacks', () => {
    const commands = Object.keys(sdk).filter((k) => /^[A-Z]\w*Command$/.test(k) && typeof (sdk as Record<string, unknown>)[k] === 'function').map((k) => k.slice(0, -'Command'.length));
    expect(commands.sort()).toEqual(operations.map((e) => e.operation.name).sort());
    expect(operations).toHaveLength(122);
  });

  it.each(operations.map((e) => [e.operation.name, e.operation] as const))('%s: method, path, query and body as the catalog says', (name, op) => {
    const { want, got } = sent.get(name)!;
    expect(got.method).toBe(op.http.method);
    expect(got.path).toBe(want.path);
    expect(Object.keys(got.query).sort()).toEqual(op.http.query.map((q) => q.wire).sort());
    expect(got.query).toEqual(want.query);
    const text = bodyText(got.body);
    if (op.http.body) expect(JSON.parse(text ?? 'null')).toEqual(want.body);
    else expect(text ?? '').toBe('');
  });

  it('sends path labels URL-encoded, so that the path the catalog fills is the path sent for ordinary ids', async () => {
    const got = await send('GetSegment', { ApplicationId: 'app/1 2', SegmentId: 'seg:1' });
    expect(got.path).toBe('/v1/apps/app%2F1%202/segments/seg%3A1');
  });
});

describe(wireCase.name, () => {
  it('builds labels, distinct query values and a body from the catalog shapes', () => {
    const find = (name: string): Operation => operations.find((e) => e.operation.name === name)!.operation;
    expect(wireCase(find('GetSegments'))).toEqual({
      input: { ApplicationId: 'label-ApplicationId', PageSize: 'query-PageSize', Token: 'query-Token' },
      method: 'GET',
      path: '/v1/apps/label-ApplicationId/segments',
      query: { 'page-size': 'query-PageSize', token: 'query-Token' },
      body: undefined,
    });
    expect(wireCase(find('UpdateAdmChannel')).body).toEqual({ ClientId: 'ClientId-value', ClientSecret: 'ClientSecret-value', Enabled: true });
  });
});

describe(readSdkModel.name, () => {
  let model: SdkModel;
  beforeAll(() => { model = readSdkModel(); });

  it('has the catalog\'s status code, output shape and output body for every operation', () => {
    const fromCatalog = operations.map((e) => ({ name: e.operation.name, status: e.operation.http.status, output: e.operation.output, outputBody: e.operation.outputBody }));
    const fromSdk = model.operations.map((o) => ({ name: o.name, status: o.status, output: o.output, outputBody: o.outputBody }));
    const byName = (a: { name: string }, b: { name: string }): number => (a.name < b.name ? -1 : 1);
    expect(fromCatalog.sort(byName)).toEqual(fromSdk.sort(byName));
  });

  it('has every catalog shape with the same members, types and required members; every enum with the same values', () => {
    const drift: string[] = [];
    for (const shape of catalog.shapes.values()) {
      const theirs = model.shapes[shape.name];
      if (!theirs) { drift.push(`${shape.name}: not in the SDK`); continue; }
      if (theirs.kind !== shape.kind) { drift.push(`${shape.name}: ${shape.kind} here, ${theirs.kind} in the SDK`); continue; }
      if (shape.kind === 'enum' && theirs.kind === 'enum') {
        if (JSON.stringify([...shape.values].sort()) !== JSON.stringify([...theirs.values].sort())) drift.push(`${shape.name}: values ${shape.values.join(',')} here, ${theirs.values.join(',')} in the SDK`);
        continue;
      }
      if (shape.kind !== 'structure' || theirs.kind !== 'structure') continue;
      const ours = Object.fromEntries(shape.members.map((m) => [m.name, formatType(m.type)]));
      for (const [m, t] of Object.entries(theirs.members)) if (ours[m] !== t) drift.push(`${shape.name}.${m}: ${ours[m] ?? 'missing'} here, ${t} in the SDK`);
      for (const m of Object.keys(ours)) if (!(m in theirs.members)) drift.push(`${shape.name}.${m}: not in the SDK`);
      const required = shape.members.filter((m) => m.required).map((m) => m.name).sort();
      if (required.join(',') !== [...theirs.required].sort().join(',')) drift.push(`${shape.name}: required ${required.join(',')} here, ${[...theirs.required].sort().join(',')} in the SDK`);
    }
    expect(drift).toEqual([]);
  });

  it('needs no shape the catalog lacks: the catalog holds exactly the shapes the operations reach', () => {
    const reached = new Set<string>();
    const visit = (name: string): void => {
      if (reached.has(name)) return;
      reached.add(name);
      const shape = model.shapes[name];
      if (shape?.kind !== 'structure') return;
      for (const t of Object.values(shape.members)) {
        const type = parseType(t);
        if (typeof type !== 'string') referencedShapes(type).forEach(visit);
      }
    };
    for (const o of model.operations) { visit(o.input); if (o.output) visit(o.output); }
    expect([...reached].filter((n) => !catalog.shapes.has(n)).sort()).toEqual([]);
    expect([...catalog.shapes.keys()].filter((n) => !reached.has(n)).sort()).toEqual([]);
  });
});
