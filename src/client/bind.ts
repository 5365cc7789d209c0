/**
 * Validates a call's input against its operation and binds it to the wire: the path (encoded), the query, the body,
 * and the raw parameter values the ARN is built from. The URL and the ARN come from this one result, so what the
 * guard checks is what is sent.
 */
import type { OperationSpec, QuerySpec } from './spec.js';
import { ValidationError } from '../errors/validation.js';
import { fillPath, timestampText } from './encode.js';
import { toWireNames } from './wire-names.js';
import { parseArn } from '../resource/arn.js';

export interface BoundCall {
  readonly spec: OperationSpec;
  /** Raw (decoded) values of the path placeholders: the server decodes the path back to exactly these. */
  readonly params: Readonly<Record<string, string>>;
  /** The path with every placeholder encoded as exactly one segment. */
  readonly path: string;
  /** Decoded (wire name, value) pairs in order; `queryString` encodes them. */
  readonly query: readonly (readonly [string, string])[];
  readonly body: string | undefined;
  /** `aws:RequestTag/*` and `aws:TagKeys` when the request carries tags. */
  readonly tags: { readonly requestTags: Readonly<Record<string, string>>; readonly tagKeys: readonly string[] } | undefined;
}

/** With the `u` flag this matches only unpaired surrogates, which cannot be percent-encoded (encodeURIComponent throws). */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

const describe = (v: unknown): string =>
  v === undefined ? 'nothing' : v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'string' ? `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}` : typeof v;

/**
 * Validates one path id (`SegmentId`, `ResourceArn`) as every call's labels are validated; the dry-run tooling uses it
 * for ids it is given without an operation. @throws ValidationError naming `spec.name` and `member`.
 */
export function checkLabel(spec: Pick<OperationSpec, 'name'>, member: string, value: unknown): string {
  const problem = labelProblem(member, value);
  if (problem !== undefined) throw new ValidationError(spec.name, member, problem, describe(value));
  return value as string;
}

/**
 * What a path id should have been, or undefined when it is fine. A function returning the reason rather than a
 * closure that throws it: every label of every call passes here, and a closure would be made for each.
 */
function labelProblem(member: string, value: unknown): string | undefined {
  if (typeof value !== 'string') return 'a string (it fills a path segment)';
  if (value === '') return 'a non-empty string';
  if (value === '.' || value === '..') return 'an id other than "." or ".." (they would move up the path)';
  const chars = labelChars(value);
  if (chars & CONTROL_CHAR) return 'a string without control characters';
  if (chars & LONE_SURROGATE_CHAR) return 'well-formed Unicode (no unpaired surrogate)';
  if (member === 'ResourceArn') {
    const arn = parseArn(value);
    return !arn || arn.service !== 'mobiletargeting' ? 'an Amazon Pinpoint ARN (arn:<partition>:mobiletargeting:<region>:<account>:<resource>)' : undefined;
  }
  // Pinpoint ids never contain "/"; one that did would name a different resource in the ARN than the encoded segment does.
  if (chars & SLASH) return 'an id without "/"';
  return undefined;
}

/** What `labelChars` finds in a path id: bits. */
const CONTROL_CHAR = 1;
const LONE_SURROGATE_CHAR = 2;
const SLASH = 4;

/**
 * One pass over a path id for control characters, unpaired surrogates and `/`: every label of every guarded call
 * passes here, and three scans (two of them regular expressions) cost more than the rest of binding a call.
 */
function labelChars(value: string): number {
  let found = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return CONTROL_CHAR;
    if (c === 0x2f) found |= SLASH;
    else if (c >= 0xd800 && c <= 0xdfff) {
      const next = i + 1 < value.length ? value.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) i++;
      else found |= LONE_SURROGATE_CHAR;
    }
  }
  return found;
}

/** Refuses a query member's value (a function, not a closure made per call). */
function badQuery(spec: OperationSpec, q: QuerySpec, value: unknown, expected: string): never {
  throw new ValidationError(spec.name, q.member, expected, describe(value));
}

function serialiseQuery(spec: OperationSpec, q: QuerySpec, value: unknown): string[] {
  switch (q.type) {
    case 'string':
      if (typeof value !== 'string' || value === '') return badQuery(spec, q, value, 'a non-empty string');
      if (LONE_SURROGATE.test(value)) return badQuery(spec, q, value, 'well-formed Unicode (no unpaired surrogate)');
      return [value];
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return badQuery(spec, q, value, 'a finite number');
      return [String(value)];
    case 'boolean':
      if (typeof value !== 'boolean') return badQuery(spec, q, value, 'a boolean');
      return [String(value)];
    case 'timestamp':
      if (!(value instanceof Date) || Number.isNaN(value.getTime())) return badQuery(spec, q, value, 'a valid Date');
      return [timestampText(value)];
    case 'list': {
      if (!Array.isArray(value)) return badQuery(spec, q, value, 'a non-empty array of non-empty strings');
      const items: unknown[] = [...value]; // one read of each element: what is checked is what is sent
      if (items.length === 0 || !items.every((v) => typeof v === 'string' && v !== '')) return badQuery(spec, q, value, 'a non-empty array of non-empty strings');
      if (items.some((v) => LONE_SURROGATE.test(v as string))) return badQuery(spec, q, value, 'strings of well-formed Unicode (no unpaired surrogate)');
      return items as string[];
    }
  }
}

/** Thrown inside JSON.stringify's replacer; the path is found only then, so valid bodies pay nothing for it. */
class InvalidDate extends Error {}

/** Dates written as the SDK writes them; `this` is the holder, whose raw value JSON.stringify has already `toJSON`ed. */
function wireValue(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key];
  if (!(raw instanceof Date)) return value;
  if (Number.isNaN(raw.getTime())) throw new InvalidDate();
  return timestampText(raw);
}

/** Where the first invalid Date of a body is, as a member path (`WriteJourneyRequest.Schedule.StartTime`). */
function invalidDatePath(node: unknown, path: string): string | undefined {
  if (node instanceof Date) return Number.isNaN(node.getTime()) ? path : undefined;
  if (node === null || typeof node !== 'object') return undefined;
  for (const [k, v] of Object.entries(node)) {
    const found = invalidDatePath(v, Array.isArray(node) ? `${path}[${k}]` : `${path}.${k}`);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The JSON body as the SDK sends it (timestamps included). */
function bodyJson(spec: OperationSpec, value: object): string {
  const wire = toWireNames(value, spec.bodyWireNames);
  try {
    return JSON.stringify(wire, wireValue);
  } catch (e) {
    if (!(e instanceof InvalidDate)) throw e;
    throw new ValidationError(spec.name, invalidDatePath(value, spec.body as string) ?? (spec.body as string), 'a valid Date', 'an invalid Date');
  }
}

type Tags = NonNullable<BoundCall['tags']>;

/**
 * The request's tags, read from what will be sent (the serialised body, the query pairs), never from the input
 * again: an input whose getters or toJSON answer differently on a second read cannot show the guard other tags.
 */
function tagsOf(spec: OperationSpec, body: string | undefined, pairs: readonly (readonly [string, string])[]): Tags | undefined {
  const where = spec.tags;
  if (!where) return undefined;
  if (where.in === 'query') return { requestTags: {}, tagKeys: uniqueKeys(spec, pairs.filter(([k]) => k === where.wire).map(([, v]) => v)) };
  const sent = body === undefined ? undefined : (JSON.parse(body) as Record<string, unknown>)[where.key];
  if (sent === undefined) return undefined;
  if (sent === null || typeof sent !== 'object' || Array.isArray(sent)) throw new ValidationError(spec.name, `${spec.body}.${where.key}`, 'a map of tag keys to string values', describe(sent));
  const requestTags: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [k, v] of Object.entries(sent as Record<string, unknown>)) {
    if (typeof v !== 'string') throw new ValidationError(spec.name, `${spec.body}.${where.key}.${k}`, 'a string tag value', describe(v));
    requestTags[k] = v;
  }
  return { requestTags, tagKeys: uniqueKeys(spec, Object.keys(requestTags)) };
}

/** IAM compares tag keys without regard to case; two keys that differ only in case would let one hide the other. */
function uniqueKeys(spec: OperationSpec, keys: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const k of keys) {
    const prior = seen.get(k.toLowerCase());
    if (prior !== undefined && prior !== k) throw new ValidationError(spec.name, 'tags', 'tag keys that differ in more than letter case', `both "${prior}" and "${k}"`);
    seen.set(k.toLowerCase(), k);
  }
  return [...new Set(keys)];
}

const membersBySpec = new WeakMap<OperationSpec, ReadonlySet<string>>();
/** The input members an operation binds, computed once per operation. */
function inputMembers(spec: OperationSpec): ReadonlySet<string> {
  let known = membersBySpec.get(spec);
  if (!known) {
    known = new Set([...spec.labels, ...spec.query.map((q) => q.member), ...(spec.body ? [spec.body] : [])]);
    membersBySpec.set(spec, known);
  }
  return known;
}

/** Validates `input` for `spec` and binds it; throws `ValidationError` naming the member and what was expected. */
export function bindCall(spec: OperationSpec, input: unknown): BoundCall {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) throw new ValidationError(spec.name, '(input)', 'an object', describe(input));
  const record = input as Readonly<Record<string, unknown>>;
  const known = inputMembers(spec);
  for (const key of Object.keys(record)) {
    if (!known.has(key) && record[key] !== undefined) throw new ValidationError(spec.name, key, `one of the input members (${[...known].join(', ') || 'none'})`, 'an unknown member');
  }
  const params: Record<string, string> = {};
  for (const member of spec.labels) params[member] = checkLabel(spec, member, record[member]);
  // A value that fills the ARN must be spelled as the service spells it: `email` would build an ARN no policy names.
  if (spec.arnEnums) {
    for (const [member, values] of Object.entries(spec.arnEnums)) {
      if (!values.includes(params[member]!)) throw new ValidationError(spec.name, member, `one of ${values.join(', ')} (as the service spells them)`, describe(params[member]));
    }
  }
  const pairs: [string, string][] = [];
  for (const q of spec.query) {
    const value = record[q.member];
    if (value === undefined) continue;
    for (const v of serialiseQuery(spec, q, value)) pairs.push([q.wire, v]);
  }
  let body: string | undefined;
  if (spec.body) {
    const value = record[spec.body];
    if (value !== undefined && (value === null || typeof value !== 'object' || Array.isArray(value))) {
      throw new ValidationError(spec.name, spec.body, 'an object (it is the JSON body)', describe(value));
    }
    body = bodyJson(spec, value ?? {});
  }
  return new Bound(spec, params, pairs, body, tagsOf(spec, body, pairs));
}

/**
 * A bound call whose encoded path is made from its checked ids when first read: the client reads it for every
 * request, the SDK plugin (whose SDK encodes its own path from the same checked copy) only for a dry-run's request.
 */
class Bound implements BoundCall {
  #path: string | undefined;
  constructor(
    readonly spec: OperationSpec,
    readonly params: Readonly<Record<string, string>>,
    readonly query: readonly (readonly [string, string])[],
    readonly body: string | undefined,
    readonly tags: BoundCall['tags'],
  ) {}

  get path(): string {
    return (this.#path ??= fillPath(this.spec.path, this.params));
  }
}
