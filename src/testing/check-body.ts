/**
 * Request bodies checked as AWS checks them, before any handler runs: every value against the catalog's shapes (JSON
 * type, enum value, required members), from the table codegen emits into `generated/validation.ts`, then the few members
 * AWS requires although the shapes do not declare them. The first problem is a `BadRequestException` (400) naming the
 * body shape and the member's JSON path, as Pinpoint answers; unknown members are left alone, as Pinpoint leaves them.
 * The check goes only as deep as the shapes, which have no cycle (codegen refuses one), so its recursion is bounded.
 */
import { bodyRules } from '../../generated/validation.js';
import type { OperationName } from '../../generated/operations.js';
import { badRequest } from './errors.js';
import type { ShapeRule, ValueRule } from './shape-rules.js';

/**
 * Members AWS requires beyond what the shapes declare, as paths (`Item[].Id`: every element's `Id`). A request without
 * one gets a BadRequestException from Pinpoint although the SDK's model marks it optional.
 */
export const REQUIRED_BEYOND_SHAPES: Readonly<Partial<Record<OperationName, readonly string[]>>> = {
  // WriteCampaignRequest declares nothing required, but a campaign without a segment cannot exist (CampaignResponse.SegmentId).
  CreateCampaign: ['SegmentId'],
  UpdateEndpointsBatch: ['Item[].Id'],
  PhoneNumberValidate: ['PhoneNumber'],
  UpdateJourneyState: ['State'],
  UpdateTemplateActiveVersion: ['Version'],
};

/** Absent as Pinpoint sees it: not sent, JSON null, or an empty string. */
const absent = (v: unknown): boolean => v === undefined || v === null || v === '';
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const join = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`);
const shown = (v: unknown): string => {
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
};

/** Strings a JSON number member may also be sent as (the AWS SDKs write non-finite doubles this way). */
const NUMBER_WORDS: ReadonlySet<string> = new Set(['NaN', 'Infinity', '-Infinity']);

/** What a primitive accepts, and how a message names it. */
const PRIMITIVES: Readonly<Record<Exclude<ValueRule, object>, { readonly ok: (v: unknown) => boolean; readonly noun: string }>> = {
  string: { ok: (v) => typeof v === 'string', noun: 'a string' },
  number: { ok: (v) => typeof v === 'number' || (typeof v === 'string' && NUMBER_WORDS.has(v)), noun: 'a number' },
  boolean: { ok: (v) => typeof v === 'boolean', noun: 'true or false' },
  timestamp: { ok: (v) => typeof v === 'string' || typeof v === 'number', noun: 'a timestamp (a string or epoch seconds)' },
  blob: { ok: (v) => typeof v === 'string', noun: 'a base64 string' },
  document: { ok: () => true, noun: 'any JSON value' },
};

const shapeOf = (name: string): ShapeRule => {
  const shape = bodyRules.shapes[name];
  if (shape === undefined) throw new Error(`generated/validation.ts has no shape ${name}`);
  return shape;
};

/** The first problem with `value` at `path` against `rule`, or undefined. */
function problem(value: unknown, rule: ValueRule, path: string): string | undefined {
  if (typeof rule === 'string') {
    const p = PRIMITIVES[rule];
    return p.ok(value) ? undefined : `${path} must be ${p.noun}, got ${shown(value)}`;
  }
  if ('list' in rule) {
    if (!Array.isArray(value)) return `${path} must be a list, got ${shown(value)}`;
    for (const [i, item] of value.entries()) {
      const p = item === null ? undefined : problem(item, rule.list, `${path}[${i}]`);
      if (p !== undefined) return p;
    }
    return undefined;
  }
  if ('map' in rule) {
    if (!isObject(value)) return `${path} must be an object, got ${shown(value)}`;
    for (const [key, item] of Object.entries(value)) {
      if (rule.key !== undefined) {
        const p = problem(key, { ref: rule.key }, `${path} key`);
        if (p !== undefined) return p;
      }
      const p = item === null ? undefined : problem(item, rule.map, join(path, key));
      if (p !== undefined) return p;
    }
    return undefined;
  }
  const shape = shapeOf(rule.ref);
  if ('enum' in shape) {
    return typeof value === 'string' && shape.enum.includes(value)
      ? undefined
      : `${path} must be a ${rule.ref} (one of ${shape.enum.join(', ')}), got ${shown(value)}`;
  }
  if (!isObject(value)) return `${path} must be an object (${rule.ref}), got ${shown(value)}`;
  for (const member of shape.required) if (absent(value[member])) return `the required member ${join(path, member)} is missing`;
  for (const [member, memberRule] of Object.entries(shape.members)) {
    const v = value[member];
    if (v === undefined || v === null) continue;
    const p = problem(v, memberRule, join(path, member));
    if (p !== undefined) return p;
  }
  return undefined;
}

/** Names the first member on `path` missing from `body`, or `undefined` when all are present. */
function missing(body: unknown, path: readonly string[]): string | undefined {
  const [step, ...rest] = path;
  if (step === undefined) return undefined;
  const list = step.endsWith('[]');
  const key = list ? step.slice(0, -2) : step;
  const value = isObject(body) ? body[key] : undefined;
  if (absent(value)) return key;
  if (!list) return rest.length ? prefix(key, missing(value, rest)) : undefined;
  if (!Array.isArray(value)) return key;
  for (const [i, element] of value.entries()) {
    const m = missing(element, rest);
    if (m !== undefined) return `${key}[${i}].${m}`;
  }
  return undefined;
}

const prefix = (key: string, m: string | undefined): string | undefined => (m === undefined ? undefined : `${key}.${m}`);

/**
 * Throws `BadRequestException` for the first thing in `body` (the parsed JSON body of `operation`) that AWS rejects:
 * a value of the wrong JSON type, a value outside its enum, a required member missing. `label` names the body in the
 * message (`MessageRequest: ...`).
 */
export function checkBody(operation: string, label: string | undefined, body: unknown): void {
  const shape = bodyRules.operations[operation];
  const said = (text: string) => badRequest(`${label ?? shape ?? operation}: ${text}`);
  const found = shape === undefined ? undefined : problem(body, { ref: shape }, '');
  if (found !== undefined) throw said(found);
  for (const path of REQUIRED_BEYOND_SHAPES[operation as OperationName] ?? []) {
    const m = missing(body, path.split('.'));
    if (m !== undefined) throw said(`the required member ${m} is missing`);
  }
}
