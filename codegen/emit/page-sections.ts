/**
 * The parts of an action page built from the catalog's shapes and facts: member tables (one level into the payload),
 * errors, condition keys, lifecycle caveats and the example call. Pure; docs.ts renders them with the template.
 */
import type { Catalog, LifecycleCaveat, Member, Shape, TypeRef } from '../catalog/types.js';
import { keyFamily } from '../catalog/page-facts.js';
import { referencedShapes } from '../catalog/type-grammar.js';
import { exampleValue } from '../examples.js';
import { toLiteral, RawCode } from './literal.js';
import { tsType } from './shapes.js';
import type { EntryModel } from '../model.js';

/** Markdown table cells must not contain pipes or line breaks. */
export const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

export interface MemberRow { readonly name: string; readonly type: string; readonly required: string; readonly where: string; readonly description: string }
export interface MemberTable { readonly title: string; readonly rows: readonly MemberRow[] }

/** `ChannelType`, with its values when it is (or contains) an enum: the reader should not need the type declarations. */
export function typeText(t: TypeRef, shapes: Catalog['shapes']): string {
  const enums = referencedShapes(t).map((n) => shapes.get(n)).filter((s): s is Extract<Shape, { kind: 'enum' }> => s?.kind === 'enum');
  const values = enums.map((e) => `${enums.length > 1 ? `${e.name}: ` : ''}${e.values.map((v) => `\`${v}\``).join(', ')}`).join('; ');
  return `\`${tsType(t)}\`${values ? ` — one of ${values}` : ''}`;
}

export function caveatText(c: LifecycleCaveat): string {
  const label = { supported: 'continues', 'end-of-support': '**ends 2026-10-30**', unclear: '**unclear after 2026-10-30**' }[c.status];
  return `${label}: ${c.note}`;
}

function rows(shape: Shape | undefined, catalog: Catalog, prefix: string, where: (m: Member) => string, caveats: readonly LifecycleCaveat[]): MemberRow[] {
  if (shape?.kind !== 'structure') return [];
  const texts = catalog.descriptions.get(shape.name);
  return shape.members.map((m) => {
    const path = `${prefix}${m.name}`;
    const caveat = caveats.find((c) => c.member === path);
    const description = [texts?.get(m.name), caveat ? `Lifecycle: ${caveatText(caveat)}.` : undefined].filter(Boolean).join(' ');
    return { name: `\`${path}\``, type: cell(typeText(m.type, catalog.shapes)), required: m.required ? '**required**' : 'optional', where: where(m), description: cell(description) };
  });
}

const nestedTitle = (member: string, shape: string): string => (member === shape ? `\`${member}\`` : `\`${member}\` (a \`${shape}\`)`);

const structureOf = (t: TypeRef, catalog: Catalog): Shape | undefined => (t.kind === 'ref' && catalog.shapes.get(t.name)?.kind === 'structure' ? catalog.shapes.get(t.name) : undefined);

/** The input's members, then each structure member's members one level down (the JSON body, above all). */
export function inputTables(e: EntryModel, catalog: Catalog): MemberTable[] {
  const op = e.entry.operation;
  if (!op) return [];
  const input = catalog.shapes.get(op.input);
  const caveats = catalog.caveats.get(e.entry.actionName) ?? [];
  const query = new Map(op.http.query.map((q) => [q.member, q.wire]));
  const where = (m: Member): string =>
    op.http.labels.includes(m.name) ? `path \`{${m.name}}\`` : query.has(m.name) ? `query \`${query.get(m.name)}\`` : op.http.body === m.name ? 'JSON body' : '';
  const out: MemberTable[] = [{ title: `\`${e.operation!.names.input}\``, rows: rows(input, catalog, '', where, caveats) }];
  for (const m of input?.kind === 'structure' ? input.members : []) {
    const s = structureOf(m.type, catalog);
    if (s) out.push({ title: nestedTitle(m.name, s.name), rows: rows(s, catalog, `${m.name}.`, () => '', caveats) });
  }
  return out;
}

/** The output's members, then the response body's members one level down. */
export function outputTables(e: EntryModel, catalog: Catalog): MemberTable[] {
  const op = e.entry.operation;
  const output = op?.output ? catalog.shapes.get(op.output) : undefined;
  if (!op || output?.kind !== 'structure') return [];
  const out: MemberTable[] = [{ title: `\`${e.operation!.names.output}\``, rows: rows(output, catalog, '', (m) => (m.name === op.outputBody ? 'JSON body' : ''), []) }];
  for (const m of output.members) {
    const s = structureOf(m.type, catalog);
    if (s) out.push({ title: nestedTitle(m.name, s.name), rows: rows(s, catalog, `${m.name}.`, () => '', []) });
  }
  return out;
}

/** What each Pinpoint exception means (status and cause), as src/errors/service.ts maps them. */
const PINPOINT_ERRORS: Readonly<Record<string, string>> = {
  BadRequestException: '400: the request is malformed or a member is invalid',
  ForbiddenException: '403: AWS refused the request (signature, credentials, or IAM evaluated by AWS itself)',
  NotFoundException: '404: the project or other resource does not exist',
  MethodNotAllowedException: '405: the method is not allowed on that resource',
  ConflictException: '409: the request conflicts with the resource\'s current state',
  PayloadTooLargeException: '413: the request body is too large',
  TooManyRequestsException: '429: throttled; the client retries with backoff',
  InternalServerErrorException: '500: a fault on Pinpoint\'s side; the client retries with backoff',
};

export interface ErrorRow { readonly name: string; readonly from: string; readonly when: string }

export function errorRows(e: EntryModel, catalog: Catalog): ErrorRow[] {
  const facts = catalog.facts.get(e.entry.actionName);
  const guard: ErrorRow[] = [
    { name: 'ValidationError', from: 'the client', when: 'the input does not fit the operation (the error names the member and what was expected); nothing is sent' },
    { name: 'AccessDeniedError', from: 'the guard', when: 'the configured policies do not allow the call on its ARN; nothing is sent' },
    { name: 'UncertainDecisionError', from: 'the guard', when: 'the decision depends on condition keys the guard cannot see and `whenUncertain` is `\'deny\'` (the default); nothing is sent' },
    ...(e.entry.lifecycle.status === 'end-of-support'
      ? [{ name: 'EndOfSupportError', from: 'the client', when: 'the client is configured with `lifecycle: \'error\'` (the default `\'warn\'` logs once and sends); nothing is sent' }]
      : []),
  ];
  const pinpoint = (facts?.errors ?? []).map((name) => ({ name, from: 'Pinpoint', when: PINPOINT_ERRORS[name] ?? 'see the API reference' }));
  return [...guard, ...pinpoint];
}

export interface KeyRow { readonly key: string; readonly type: string; readonly known: string; readonly how: string }

/** The condition keys AWS lists for the action, each with what the guard knows of it (catalog/condition-keys.yaml). */
export function conditionKeyRows(e: EntryModel, catalog: Catalog): KeyRow[] {
  const facts = catalog.facts.get(e.entry.actionName);
  return (facts?.conditionKeys ?? []).map((key) => {
    const spec = catalog.conditionKeys.find((k) => k.key.toLowerCase() === keyFamily(key).toLowerCase());
    return { key: `\`${key}\``, type: spec?.type ?? '', known: spec?.known ?? 'unknown to the catalog', how: cell(spec?.how ?? '') };
  });
}

const EXAMPLE_DATE = '2026-06-01T00:00:00.000Z';
const ROLE = 'arn:aws:iam::111122223333:role/PinpointAccess';
/** Example values of string members a built example sets (ARN placeholders take theirs from codegen/examples.ts). */
const MEMBER_EXAMPLES: Readonly<Record<string, string>> = {
  Version: '1', RunId: 'run-0123', RoleArn: ROLE, RecommendationProviderRoleArn: ROLE, Name: 'order-notifications',
  Body: 'Your order has shipped.', BodyOverride: 'Your order has shipped.', HtmlPart: '<p>Your order has shipped.</p>',
  RawContent: '{"default":"Your order has shipped."}', DefaultSubstitutions: '{"name":"customer"}', Address: '+12065550100',
  Certificate: '<PEM certificate from Apple>', PrivateKey: '<PEM private key>', BundleId: 'com.example.app', ApiKey: '<API key from the push service>',
  SecretKey: '<secret key from the push service>', ClientId: '<client id from the push service>', ClientSecret: '<client secret from the push service>',
  DefaultAuthenticationMethod: 'CERTIFICATE', TemplateDescription: 'Order shipped notice', Description: 'Order shipped notice', TagKeys: 'team',
  Identity: 'arn:aws:ses:us-east-1:111122223333:identity/example.com', FromAddress: 'sender@example.com',
  DestinationStreamArn: 'arn:aws:kinesis:us-east-1:111122223333:stream/pinpoint-events',
  RecommendationProviderUri: 'arn:aws:personalize:us-east-1:111122223333:campaign/example',
};
/** Paging members are not what an example call shows. */
const NOT_SHOWN = new Set(['PageSize', 'Token', 'NextToken']);
const stringExample = (name: string): string => MEMBER_EXAMPLES[name] ?? exampleValue(name);

/** A value of type `t` built from required members only (example values for ids), for operations with no written example. */
function build(t: TypeRef, name: string, catalog: Catalog, depth: number): unknown {
  switch (t.kind) {
    case 'primitive':
      return { string: stringExample(name), number: 1, boolean: true, timestamp: EXAMPLE_DATE, blob: 'example', document: {} }[t.name];
    case 'list': return [build(t.item, name, catalog, depth + 1)];
    case 'map': {
      const key = t.key ? catalog.shapes.get(t.key) : undefined;
      return { [key?.kind === 'enum' ? key.values[0]! : 'key']: build(t.value, name, catalog, depth + 1) };
    }
    case 'ref': {
      const s = catalog.shapes.get(t.name);
      if (s?.kind === 'enum') return s.values[0];
      if (s?.kind !== 'structure' || depth > 8) return {};
      const required = s.members.filter((m) => m.required);
      // A structure with nothing required still shows what a call sets: its first few plain members.
      const shown = required.length ? required : s.members.filter((m) => !NOT_SHOWN.has(m.name)).filter((m) => m.type.kind === 'primitive' || catalog.shapes.get(m.type.kind === 'ref' ? m.type.name : '')?.kind === 'enum').slice(0, 2);
      return Object.fromEntries(shown.map((m) => [m.name, build(m.type, m.name, catalog, depth + 1)]));
    }
  }
}

/** Timestamps in example data (ISO strings, as YAML holds them) become `new Date(...)` in the code. */
function withDates(t: TypeRef, v: unknown, catalog: Catalog): unknown {
  if (t.kind === 'primitive') return t.name === 'timestamp' && typeof v === 'string' ? new RawCode(`new Date('${v}')`) : v;
  if (t.kind === 'list') return Array.isArray(v) ? v.map((x) => withDates(t.item, x, catalog)) : v;
  if (v === null || typeof v !== 'object') return v;
  const record = v as Record<string, unknown>;
  if (t.kind === 'map') return Object.fromEntries(Object.entries(record).map(([k, x]) => [k, withDates(t.value, x, catalog)]));
  const s = catalog.shapes.get(t.name);
  if (s?.kind !== 'structure') return v;
  return Object.fromEntries(Object.entries(record).map(([k, x]) => {
    const m = s.members.find((y) => y.name === k);
    return [k, m ? withDates(m.type, x, catalog) : x];
  }));
}

/** The example input: the catalog's written one (catalog/examples.yaml), else one built from the required members. */
export function exampleInput(e: EntryModel, catalog: Catalog): unknown {
  const op = e.entry.operation;
  if (!op) return undefined;
  return catalog.examples.get(e.entry.actionName) ?? build({ kind: 'ref', name: op.input }, op.input, catalog, 0);
}

export function exampleCall(e: EntryModel, catalog: Catalog): string {
  const op = e.operation;
  if (!op) return '';
  const input = withDates({ kind: 'ref', name: op.inputShape }, exampleInput(e, catalog), catalog);
  return `const result = await client.${op.names.method}(${toLiteral(input)});`;
}
