/**
 * The model stage: derives every name once from the validated catalog (`GetSegment` → `getSegment`,
 * `GetSegmentInput`, `GetSegmentOutput`, `get-segment.md`) and the runtime metadata each operation needs.
 */
import type { Catalog, CatalogEntry, Member, Shape, TypeRef } from './catalog/types.js';
import type { ActionSpec, OperationSpec, QueryType, TagsSpec, WireName } from '../src/client/spec.js';

export interface Names {
  readonly method: string;
  readonly input: string;
  readonly output: string;
  readonly docPage: string;
  readonly paginator: string;
}

/** Splits `SendOTPMessage` into `Send`, `OTP`, `Message`: an acronym ends where a capitalised word starts. */
export function words(name: string): string[] {
  return name.match(/[A-Z]+(?=[A-Z][a-z]|\d|$)|[A-Z]?[a-z]+|\d+/g) ?? [name];
}

export function namesFor(name: string): Names {
  const w = words(name);
  const first = w[0] ?? name;
  return {
    method: first.toLowerCase() + name.slice(first.length),
    input: `${name}Input`,
    output: `${name}Output`,
    docPage: `${w.map((x) => x.toLowerCase()).join('-')}.md`,
    paginator: `paginate${name}`,
  };
}

export interface OperationModel {
  readonly entry: CatalogEntry;
  readonly names: Names;
  readonly spec: OperationSpec;
  readonly inputShape: string;
  readonly outputShape: string | undefined;
}

export interface EntryModel {
  readonly entry: CatalogEntry;
  readonly names: Names;
  readonly spec: ActionSpec;
  readonly operation: OperationModel | undefined;
}

export interface Model {
  readonly catalog: Catalog;
  readonly entries: readonly EntryModel[];
  readonly operations: readonly OperationModel[];
  readonly groups: readonly { readonly name: string; readonly entries: readonly EntryModel[] }[];
}

function memberType(shape: Shape | undefined, member: string): TypeRef | undefined {
  return shape?.kind === 'structure' ? shape.members.find((m) => m.name === member)?.type : undefined;
}

function queryType(t: TypeRef | undefined): QueryType {
  if (!t) return 'string';
  if (t.kind === 'list') return 'list';
  if (t.kind === 'ref') return 'string'; // enums are strings on the wire
  if (t.kind === 'primitive' && (t.name === 'number' || t.name === 'boolean' || t.name === 'timestamp')) return t.name;
  return 'string';
}

type TypeVisitor = (type: TypeRef, path: string, member: Member | undefined) => void;

/**
 * Visits every type reachable from `t`, with its path (`a.b`, `[]` for list items, `{}` for map values) and, for a
 * structure member, the member. A shape is not re-entered within its own path, so recursive shapes end.
 */
function visitTypes(t: TypeRef | undefined, shapes: Catalog['shapes'], visit: TypeVisitor, prefix = '', member?: Member, seen: ReadonlySet<string> = new Set()): void {
  if (!t) return;
  visit(t, prefix, member);
  if (t.kind === 'list') visitTypes(t.item, shapes, visit, `${prefix}[]`, undefined, seen);
  else if (t.kind === 'map') visitTypes(t.value, shapes, visit, `${prefix}{}`, undefined, seen);
  else if (t.kind === 'ref') {
    const s = shapes.get(t.name);
    if (s?.kind !== 'structure' || seen.has(t.name)) return;
    const next = new Set(seen).add(t.name);
    for (const m of s.members) visitTypes(m.type, shapes, visit, prefix ? `${prefix}.${m.name}` : m.name, m, next);
  }
}

/** Paths of every timestamp under a type. */
export function timestampPaths(t: TypeRef | undefined, shapes: Catalog['shapes']): string[] {
  const out: string[] = [];
  visitTypes(t, shapes, (type, path) => { if (type.kind === 'primitive' && type.name === 'timestamp') out.push(path); });
  return out;
}

/** Paths (through member names) of every member whose JSON key differs from its name, with that key. */
export function wireNamePaths(t: TypeRef | undefined, shapes: Catalog['shapes']): WireName[] {
  const out: WireName[] = [];
  visitTypes(t, shapes, (_, path, member) => { if (member?.wireName) out.push({ path, wire: member.wireName }); });
  return out;
}

/** Where the request carries tags: a `tags` string map in the body shape, or a `TagKeys` list bound to the query. */
function tagsSpec(op: NonNullable<CatalogEntry['operation']>, input: Shape | undefined, catalog: Catalog): TagsSpec | undefined {
  const keys = op.http.query.find((q) => q.member === 'TagKeys');
  if (keys) return { in: 'query', wire: keys.wire };
  const bodyType = op.http.body ? memberType(input, op.http.body) : undefined;
  const bodyShape = bodyType?.kind === 'ref' ? catalog.shapes.get(bodyType.name) : undefined;
  const tags = bodyShape?.kind === 'structure' ? bodyShape.members.find((m) => m.name.toLowerCase() === 'tags') : undefined;
  if (!tags || tags.type.kind !== 'map' || tags.type.value.kind !== 'primitive' || tags.type.value.name !== 'string') return undefined;
  return { in: 'body', key: tags.wireName ?? tags.name };
}

/** A resource template that is one placeholder (`${ResourceArn}`) takes the whole ARN from that input member. */
const wholeArnOf = (resource: string): { wholeArn?: string } => {
  const member = /^\$\{(\w+)\}$/.exec(resource)?.[1];
  return member ? { wholeArn: member } : {};
};

function actionSpec(e: CatalogEntry): ActionSpec {
  return {
    action: e.action,
    group: e.group,
    accessLevel: e.accessLevel,
    resource: e.resource,
    lifecycle: { status: e.lifecycle.status, reason: e.lifecycle.reason, source: e.lifecycle.source, ...(e.lifecycle.successor ? { successor: e.lifecycle.successor } : {}) },
    operation: e.operation?.name,
  };
}

function operationModel(e: CatalogEntry, catalog: Catalog): OperationModel | undefined {
  const op = e.operation;
  if (!op) return undefined;
  const input = catalog.shapes.get(op.input);
  const output = op.output ? catalog.shapes.get(op.output) : undefined;
  const bodyType = op.outputBody ? memberType(output, op.outputBody) : undefined;
  const bodyShape = bodyType?.kind === 'ref' ? catalog.shapes.get(bodyType.name) : undefined;
  const wires = new Map(op.http.query.map((q) => [q.wire, q.member]));
  const bodyWireNames = op.http.body ? wireNamePaths(memberType(input, op.http.body), catalog.shapes) : [];
  const outputWireNames = wireNamePaths(bodyType, catalog.shapes);
  const inputToken = wires.get('token') ?? wires.get('next-token');
  const pageSize = wires.get('page-size');
  const hasNextToken = bodyShape?.kind === 'structure' && bodyShape.members.some((m) => m.name === 'NextToken');
  const spec: OperationSpec = {
    ...actionSpec(e),
    name: op.name,
    operation: op.name,
    method: op.http.method,
    path: op.http.path,
    labels: op.http.labels,
    query: op.http.query.map((q) => ({ wire: q.wire, member: q.member, type: queryType(memberType(input, q.member)) })),
    body: op.http.body,
    status: op.http.status,
    outputBody: op.outputBody,
    outputTimestamps: timestampPaths(bodyType, catalog.shapes),
    ...(bodyWireNames.length ? { bodyWireNames } : {}),
    ...(outputWireNames.length ? { outputWireNames } : {}),
    pagination: inputToken && pageSize && hasNextToken ? { inputToken, outputToken: 'NextToken', pageSize } : undefined,
    tags: tagsSpec(op, input, catalog),
    ...wholeArnOf(e.resource),
    ...(e.guard.resourceTags ? { resourceTags: e.guard.resourceTags } : {}),
    ...(e.guard.arnEnums ? { arnEnums: e.guard.arnEnums } : {}),
  };
  return { entry: e, names: namesFor(op.name), spec, inputShape: op.input, outputShape: op.output };
}

export function buildModel(catalog: Catalog): Model {
  const entries = catalog.entries.map((entry): EntryModel => ({
    entry,
    names: namesFor(entry.actionName),
    spec: actionSpec(entry),
    operation: operationModel(entry, catalog),
  }));
  const groupNames = [...new Set(entries.map((e) => e.entry.group))].sort();
  return {
    catalog,
    entries,
    operations: entries.flatMap((e) => (e.operation ? [e.operation] : [])),
    groups: groupNames.map((name) => ({ name, entries: entries.filter((e) => e.entry.group === name) })),
  };
}
