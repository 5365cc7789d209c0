/**
 * Validates a call's input against its operation and binds it to the wire: the path (encoded), the query, the body,
 * and the raw parameter values the ARN is built from. The URL and the ARN come from this one result, so what the
 * guard checks is what is sent.
 */
import type { OperationSpec, QuerySpec } from './spec.js';
import { ValidationError } from '../errors/validation.js';
import { fillPath } from './encode.js';
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

const CONTROL = /[\u0000-\u001f\u007f]/;
/** With the `u` flag this matches only unpaired surrogates, which cannot be percent-encoded (encodeURIComponent throws). */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

const describe = (v: unknown): string =>
  v === undefined ? 'nothing' : v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'string' ? `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}` : typeof v;

function checkLabel(spec: OperationSpec, member: string, value: unknown): string {
  const fail = (expected: string): never => { throw new ValidationError(spec.name, member, expected, describe(value)); };
  if (typeof value !== 'string') return fail('a string (it fills a path segment)');
  if (value === '') return fail('a non-empty string');
  if (value === '.' || value === '..') return fail('an id other than "." or ".." (they would move up the path)');
  if (CONTROL.test(value)) return fail('a string without control characters');
  if (LONE_SURROGATE.test(value)) return fail('well-formed Unicode (no unpaired surrogate)');
  if (member === 'ResourceArn') {
    const arn = parseArn(value);
    if (!arn || arn.service !== 'mobiletargeting') return fail('an Amazon Pinpoint ARN (arn:<partition>:mobiletargeting:<region>:<account>:<resource>)');
    return value;
  }
  // Pinpoint ids never contain "/"; one that did would name a different resource in the ARN than the encoded segment does.
  if (value.includes('/')) return fail('an id without "/"');
  return value;
}

function serialiseQuery(spec: OperationSpec, q: QuerySpec, value: unknown): string[] {
  const fail = (expected: string): never => { throw new ValidationError(spec.name, q.member, expected, describe(value)); };
  switch (q.type) {
    case 'string':
      if (typeof value !== 'string' || value === '') return fail('a non-empty string');
      if (LONE_SURROGATE.test(value)) return fail('well-formed Unicode (no unpaired surrogate)');
      return [value];
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return fail('a finite number');
      return [String(value)];
    case 'boolean':
      if (typeof value !== 'boolean') return fail('a boolean');
      return [String(value)];
    case 'timestamp':
      if (!(value instanceof Date) || Number.isNaN(value.getTime())) return fail('a valid Date');
      return [value.toISOString().replace('.000Z', 'Z')];
    case 'list':
      if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === 'string' && v !== '')) return fail('a non-empty array of non-empty strings');
      if (value.some((v: string) => LONE_SURROGATE.test(v))) return fail('strings of well-formed Unicode (no unpaired surrogate)');
      return value as string[];
  }
}

function tagsOf(spec: OperationSpec, input: Readonly<Record<string, unknown>>, bodyValue: unknown): BoundCall['tags'] {
  if (spec.name === 'UntagResource') return { requestTags: {}, tagKeys: (input.TagKeys as string[] | undefined) ?? [] };
  const tags = bodyValue && typeof bodyValue === 'object' ? (bodyValue as Record<string, unknown>).tags : undefined;
  if (!tags || typeof tags !== 'object') return undefined;
  const requestTags = Object.fromEntries(Object.entries(tags as Record<string, unknown>).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
  return { requestTags, tagKeys: Object.keys(requestTags) };
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
    body = JSON.stringify(toWireNames(value ?? {}, spec.bodyWireNames));
  }
  return {
    spec,
    params,
    path: fillPath(spec.path, params),
    query: pairs,
    body,
    tags: tagsOf(spec, record, spec.body ? record[spec.body] : undefined),
  };
}
