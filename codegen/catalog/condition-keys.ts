/**
 * Loads and validates catalog/condition-keys.yaml: every condition key AWS defines for Pinpoint requests and who knows
 * its value inside the app. Problems are reported as `file:line:column: field: message`, like the rest of the catalog.
 */
import type { ConditionKeySpec, ConditionKeyType, KeyKnowledge } from '../../src/guard/keys.js';
import { checkFields, describe, isObject, str, type FieldSpec, type Json, type Source } from './load.js';

const KNOWN: readonly KeyKnowledge[] = ['guard', 'derived', 'caller', 'unknowable'];
const TYPES: readonly ConditionKeyType[] = ['String', 'ARN', 'Bool', 'Date', 'Numeric', 'IPAddress', 'ArrayOfString'];
const DEFINED_BY = ['global', 'mobiletargeting'] as const;
const ROW: Record<string, FieldSpec> = {
  key: { required: true }, type: { required: true }, known: { required: true }, definedBy: { required: true }, how: { required: true }, source: { required: true },
};
/** `service:Name`, optionally a family ending in `/*`. */
const KEY = /^[a-z][a-z0-9-]*:[A-Za-z][A-Za-z0-9]*(\/\*)?$/;
const URL_PATTERN = /^https:\/\/docs\.aws\.amazon\.com\/\S+$/;

function definedBy(src: Source, path: readonly (string | number)[], v: Json): ConditionKeySpec['definedBy'] | undefined {
  if (v === undefined) return undefined; // reported as a missing field
  if (!Array.isArray(v) || v.length === 0 || !v.every((x) => (DEFINED_BY as readonly unknown[]).includes(x)) || new Set(v).size !== v.length) {
    src.problem(path, `expected a list of distinct ${DEFINED_BY.join(', ')}, got ${describe(v)}`);
    return undefined;
  }
  return v as ConditionKeySpec['definedBy'];
}

export function loadConditionKeys(src: Source): ConditionKeySpec[] {
  const root = src.doc.toJS() as Json;
  if (!checkFields(src, [], root, { keys: { required: true } }, 'the condition key table')) return [];
  const rows = root.keys;
  if (!Array.isArray(rows)) { src.problem(['keys'], `expected a list of keys, got ${describe(rows)}`); return []; }
  const out: ConditionKeySpec[] = [];
  const seen = new Map<string, number>();
  rows.forEach((raw: Json, i) => {
    const path = ['keys', i];
    if (!checkFields(src, path, raw, ROW, 'a condition key')) return;
    const row = raw as Record<string, Json>;
    const key = str(src, [...path, 'key'], row.key, { pattern: KEY, expected: 'a condition key such as aws:SourceIp or aws:ResourceTag/*' });
    const type = str(src, [...path, 'type'], row.type, { oneOf: TYPES }) as ConditionKeyType | undefined;
    const known = str(src, [...path, 'known'], row.known, { oneOf: KNOWN }) as KeyKnowledge | undefined;
    const by = definedBy(src, [...path, 'definedBy'], row.definedBy);
    const how = str(src, [...path, 'how'], row.how);
    const source = str(src, [...path, 'source'], row.source, { pattern: URL_PATTERN, expected: 'an https://docs.aws.amazon.com/ URL' });
    if (key !== undefined) {
      const prior = seen.get(key.toLowerCase());
      if (prior !== undefined) { src.problem([...path, 'key'], `duplicate key ${key} (also keys[${prior}]; keys are case-insensitive)`); return; }
      seen.set(key.toLowerCase(), i);
    }
    if (key === undefined || type === undefined || known === undefined || by === undefined || how === undefined || source === undefined || !isObject(row)) return;
    out.push({ key, type, known, definedBy: by, how, source });
  });
  return out;
}
