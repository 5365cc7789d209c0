/**
 * Loads and validates the catalog files the action pages read beside the entries: aws-facts.yaml (imported from AWS),
 * descriptions.yaml (imported from the SDK), lifecycle-caveats.yaml and examples.yaml (written by people). Each fact
 * must name an action, shape, member or condition key the rest of the catalog has; problems are reported as
 * `file:line:column: field: message`, like the rest of the catalog.
 */
import type { ConditionKeySpec } from '../../src/guard/keys.js';
import { checkFields, describe, isObject, str, type FieldSpec, type Json, type Path, type Source } from './load.js';
import type { ActionFacts, CatalogEntry, LifecycleCaveat, LifecycleStatus, Shape, TypeRef } from './types.js';

const FACTS: Record<string, FieldSpec> = {
  description: { required: false }, apiReference: { required: true }, errors: { required: true }, conditionKeys: { required: true }, dependentActions: { required: true },
};
const CAVEAT: Record<string, FieldSpec> = { member: { required: true }, status: { required: true }, note: { required: true } };
const STATUSES: readonly LifecycleStatus[] = ['supported', 'end-of-support', 'unclear'];

/** `aws:ResourceTag/${TagKey}` (the SAR's spelling) → `aws:ResourceTag/*` (the condition key table's family). */
export const keyFamily = (key: string): string => key.replace(/\/\$\{\w+\}$/, '/*');

function strings(src: Source, path: Path, v: Json, pattern: RegExp, expected: string): string[] {
  if (!Array.isArray(v)) { src.problem(path, `expected a list, got ${describe(v)}`); return []; }
  return v.flatMap((x, i) => str(src, [...path, i], x, { pattern, expected }) ?? []);
}

export function loadFacts(src: Source, entries: ReadonlyMap<string, CatalogEntry>, keys: readonly ConditionKeySpec[]): Map<string, ActionFacts> {
  const out = new Map<string, ActionFacts>();
  const root = src.doc.toJS() as Json;
  if (!checkFields(src, [], root, { actions: { required: true } }, 'the AWS facts { actions }')) return out;
  if (!isObject(root.actions)) { src.problem(['actions'], `expected a mapping of action name to facts, got ${describe(root.actions)}`); return out; }
  const known = new Set(keys.map((k) => k.key.toLowerCase()));
  for (const [name, raw] of Object.entries(root.actions)) {
    const path = ['actions', name];
    if (!entries.has(name)) { src.problem(path, `no catalog entry for mobiletargeting:${name}`, true); continue; }
    if (!checkFields(src, path, raw, FACTS, 'the facts of an action')) continue;
    const description = str(src, [...path, 'description'], raw.description);
    const apiReference = str(src, [...path, 'apiReference'], raw.apiReference, { pattern: /^https:\/\/docs\.aws\.amazon\.com\/\S+$/, expected: 'an https://docs.aws.amazon.com/ URL' });
    const errors = strings(src, [...path, 'errors'], raw.errors, /^[A-Z]\w*Exception$/, 'an exception name');
    const conditionKeys = strings(src, [...path, 'conditionKeys'], raw.conditionKeys, /^[a-z][a-z0-9-]*:\S+$/, 'a condition key');
    const dependentActions = strings(src, [...path, 'dependentActions'], raw.dependentActions, /^[a-z0-9-]+:\w+$/, 'service:Action');
    conditionKeys.forEach((k, i) => {
      if (known.size && !known.has(keyFamily(k).toLowerCase())) src.problem([...path, 'conditionKeys', i], `${k} is not in catalog/condition-keys.yaml`);
    });
    if (!apiReference) continue;
    out.set(name, { ...(description ? { description } : {}), apiReference, errors, conditionKeys, dependentActions });
  }
  return out;
}

export function loadDescriptions(src: Source, shapes: ReadonlyMap<string, Shape>): Map<string, ReadonlyMap<string, string>> {
  const out = new Map<string, ReadonlyMap<string, string>>();
  const root = src.doc.toJS() as Json;
  if (root === null || root === undefined) return out;
  if (!isObject(root)) { src.problem([], `expected a mapping of shape to member descriptions, got ${describe(root)}`); return out; }
  for (const [shape, members] of Object.entries(root)) {
    const s = shapes.get(shape);
    if (s?.kind !== 'structure') { src.problem([shape], `"${shape}" is not a structure in shapes.yaml`, true); continue; }
    if (!isObject(members)) { src.problem([shape], `expected a mapping of member to description, got ${describe(members)}`); continue; }
    const texts = new Map<string, string>();
    for (const [m, text] of Object.entries(members)) {
      if (!s.members.some((x) => x.name === m)) { src.problem([shape, m], `"${m}" is not a member of ${shape}`, true); continue; }
      const t = str(src, [shape, m], text);
      if (t) texts.set(m, t);
    }
    out.set(shape, texts);
  }
  return out;
}

/** The type of `A.B.C` under an input shape, through structures, list items and map values. */
export function memberAt(shapes: ReadonlyMap<string, Shape>, input: string, dotted: string): TypeRef | undefined {
  let type: TypeRef | undefined = { kind: 'ref', name: input };
  for (const part of dotted.split('.')) {
    while (type && (type.kind === 'list' || type.kind === 'map')) type = type.kind === 'list' ? type.item : type.value;
    const s: Shape | undefined = type?.kind === 'ref' ? shapes.get(type.name) : undefined;
    type = s?.kind === 'structure' ? s.members.find((m) => m.name === part)?.type : undefined;
    if (!type) return undefined;
  }
  return type;
}

export function loadCaveats(src: Source, entries: ReadonlyMap<string, CatalogEntry>, shapes: ReadonlyMap<string, Shape>): Map<string, readonly LifecycleCaveat[]> {
  const out = new Map<string, readonly LifecycleCaveat[]>();
  const root = src.doc.toJS() as Json;
  if (root === null || root === undefined) return out;
  if (!isObject(root)) { src.problem([], `expected a mapping of action name to caveats, got ${describe(root)}`); return out; }
  for (const [name, list] of Object.entries(root)) {
    const entry = entries.get(name);
    if (!entry?.operation) { src.problem([name], `no catalog entry with an operation for mobiletargeting:${name}`, true); continue; }
    if (!Array.isArray(list)) { src.problem([name], `expected a list of caveats, got ${describe(list)}`); continue; }
    const caveats: LifecycleCaveat[] = [];
    list.forEach((raw, i) => {
      const path = [name, i];
      if (!checkFields(src, path, raw, CAVEAT, 'a caveat { member, status, note }')) return;
      const member = str(src, [...path, 'member'], raw.member, { pattern: /^\w+(\.\w+)*$/, expected: 'an input member path such as MessageRequest.Endpoints' });
      const status = str(src, [...path, 'status'], raw.status, { oneOf: STATUSES }) as LifecycleStatus | undefined;
      const note = str(src, [...path, 'note'], raw.note);
      if (member && !memberAt(shapes, entry.operation!.input, member)) src.problem([...path, 'member'], `${member} is not a member of ${entry.operation!.input}`);
      else if (member && status && note) caveats.push({ member, status, note });
    });
    out.set(name, caveats);
  }
  return out;
}

/** Problems of an example value against its type: unknown members, missing required ones, wrong primitives, bad enums. */
export function checkExample(shapes: ReadonlyMap<string, Shape>, type: TypeRef, value: Json, at: string): string[] {
  const got = describe(value);
  switch (type.kind) {
    case 'primitive': {
      const ok = type.name === 'string' ? typeof value === 'string'
        : type.name === 'number' ? typeof value === 'number'
          : type.name === 'boolean' ? typeof value === 'boolean'
            : type.name === 'timestamp' ? typeof value === 'string' && !Number.isNaN(Date.parse(value))
              : true;
      return ok ? [] : [`${at}: expected ${type.name === 'timestamp' ? 'an ISO date string' : `a ${type.name}`}, got ${got}`];
    }
    case 'list':
      return Array.isArray(value) ? value.flatMap((v, i) => checkExample(shapes, type.item, v, `${at}[${i}]`)) : [`${at}: expected a list, got ${got}`];
    case 'map': {
      if (!isObject(value)) return [`${at}: expected a map, got ${got}`];
      const keyShape = type.key ? shapes.get(type.key) : undefined;
      return Object.entries(value).flatMap(([k, v]) => [
        ...(keyShape?.kind === 'enum' && !keyShape.values.includes(k) ? [`${at}.${k}: key must be one of ${keyShape.values.join(', ')}`] : []),
        ...checkExample(shapes, type.value, v, `${at}.${k}`),
      ]);
    }
    case 'ref': {
      const s = shapes.get(type.name);
      if (s?.kind === 'enum') return typeof value === 'string' && s.values.includes(value) ? [] : [`${at}: expected one of ${s.values.join(', ')}, got ${got}`];
      if (s?.kind !== 'structure') return [`${at}: unknown shape ${type.name}`];
      if (!isObject(value)) return [`${at}: expected a ${type.name} (a mapping), got ${got}`];
      return [
        ...s.members.filter((m) => m.required && !(m.name in value)).map((m) => `${at}: missing required member ${m.name}`),
        ...Object.entries(value).flatMap(([k, v]) => {
          const m = s.members.find((x) => x.name === k);
          return m ? checkExample(shapes, m.type, v, `${at}.${k}`) : [`${at}.${k}: not a member of ${type.name}`];
        }),
      ];
    }
  }
}

export function loadExamples(src: Source, entries: ReadonlyMap<string, CatalogEntry>, shapes: ReadonlyMap<string, Shape>): Map<string, Readonly<Record<string, Json>>> {
  const out = new Map<string, Readonly<Record<string, Json>>>();
  const root = src.doc.toJS() as Json;
  if (root === null || root === undefined) return out;
  if (!isObject(root)) { src.problem([], `expected a mapping of operation name to example input, got ${describe(root)}`); return out; }
  for (const [name, input] of Object.entries(root)) {
    const entry = entries.get(name);
    if (!entry?.operation) { src.problem([name], `no catalog entry with an operation for mobiletargeting:${name}`, true); continue; }
    const problems = checkExample(shapes, { kind: 'ref', name: entry.operation.input }, input, 'input');
    for (const p of problems) src.problem([name], p);
    if (!problems.length) out.set(name, input as Record<string, Json>);
  }
  return out;
}
