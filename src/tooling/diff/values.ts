/**
 * For one condition key, a finite list of values that stands for every value the key can have, given the conditions
 * that read it: two values that every condition answers alike fall in one region, and each region has a
 * representative here (absence included). The conditions are the engine's compiled ones; the representatives are
 * decided by the engine, never here.
 *
 * - text (String*, Arn*, Bool): the regions the patterns cut the set of all strings into (see language.ts);
 * - Numeric and Date: each bound, a value between each two bounds, one below and one above, and one that is no
 *   number (or date);
 * - IpAddress: the first address of every block and the one after its last, in IPv4, IPv6 and IPv4-mapped IPv6;
 * - Binary: each policy value, one other and one invalid value.
 * A key compared by two families (a string pattern and a number) is not cut exactly: it is reported, not guessed.
 * A key that may carry several values (a set operator reads it, or the catalog types it ArrayOf…) stands for every
 * set of representatives, up to {@link MAX_SET_REPRESENTATIVES} of them.
 */
import { conditionKeys } from '../../../generated/condition-keys.js';
import type { CompiledCondition } from '../../policy/conditions/index.js';
import { parseDate } from '../../policy/conditions/date.js';
import { parseCidr } from '../../policy/conditions/ip.js';
import { parseNumber } from '../../policy/conditions/numeric.js';
import { tokenizeWildcard } from '../../policy/wildcard.js';
import type { ContextValue } from '../../policy/index.js';
import { arnPattern, ANY, globPattern, literalPattern, regions, type Pattern } from './language.js';

type Family = 'text' | 'numeric' | 'date' | 'ip' | 'binary' | 'presence';

/** Family of each operator name's stem, in one table. */
const FAMILIES: readonly (readonly [RegExp, Family])[] = [
  [/^String/, 'text'],
  [/^Arn/, 'text'],
  [/^Bool$/, 'text'],
  [/^Numeric/, 'numeric'],
  [/^Date/, 'date'],
  [/^(Not)?IpAddress$/, 'ip'],
  [/^Binary/, 'binary'],
  [/^Null$/, 'presence'],
];

function familyOf(c: CompiledCondition): Family {
  const name = c.spec.op.name;
  for (const [re, family] of FAMILIES) if (re.test(name)) return family;
  throw new Error(`diff: no family for condition operator ${name}`);
}

/** Subsets of this many representatives at most stand for a multivalued key (2^n - 1 sets). */
export const MAX_SET_REPRESENTATIVES = 8;

/** A key's representatives, or why it cannot be cut exactly. */
export type KeyValues = { readonly values: readonly (ContextValue | null)[] } | { readonly problem: string };

/** The text language of each value of a text-family condition. */
function textPatterns(c: CompiledCondition): Pattern[] {
  const name = c.spec.op.name;
  return c.values.flatMap((v) => {
    // The engine reads an ARN operator's value in the reading safe for its statement; both cut the values it tells apart.
    if (name.startsWith('Arn')) return [arnPattern(tokenizeWildcard(v.source), true), arnPattern(tokenizeWildcard(v.source), false)];
    if (name.includes('Like')) return globPattern(tokenizeWildcard(v.source));
    return literalPattern(v.source, name.includes('IgnoreCase') || name === 'Bool');
  });
}

/** Representatives of the text family: one string per region the patterns cut every string into. */
function textValues(conds: readonly CompiledCondition[]): string[] {
  const patterns = conds.flatMap(textPatterns);
  // `Arn*` operators also need the value to start with `arn:`.
  if (conds.some((c) => c.spec.op.name.startsWith('Arn'))) patterns.push(globPattern(['arn:', ...tokenizeWildcard('*')]));
  const any: Pattern = { elements: [{ kind: 'star', cls: ANY }], fold: false };
  return [...new Set(['', ...regions([any], patterns).map((r) => r.witness)])];
}

/** Bounds, a point between each two, one below and above. */
function orderedPoints(bounds: readonly number[]): number[] {
  const sorted = [...new Set(bounds)].sort((a, b) => a - b);
  if (sorted.length === 0) return [0];
  const out = [(sorted[0] as number) - 1, (sorted[sorted.length - 1] as number) + 1];
  sorted.forEach((b, i) => {
    out.push(b);
    const next = sorted[i + 1];
    if (next !== undefined) out.push((b + next) / 2);
  });
  return out;
}

function numericValues(conds: readonly CompiledCondition[]): string[] {
  const bounds = conds.flatMap((c) => c.values.map((v) => parseNumber(v.source)).filter((n): n is number => n !== undefined));
  return [...orderedPoints(bounds).map((n) => String(n)), 'not-a-number'];
}

/** A date as text the engine reads back to the same instant: ISO for whole milliseconds, else epoch seconds. */
function dateText(ms: number): string | undefined {
  const text = Number.isInteger(ms) ? new Date(ms).toISOString() : String(ms / 1000);
  return Number.isFinite(ms) && Math.abs(ms) < 8.64e15 ? text : undefined;
}

function dateValues(conds: readonly CompiledCondition[]): string[] {
  const bounds = conds.flatMap((c) => c.values.map((v) => parseDate(v.source)).filter((n): n is number => n !== undefined));
  const points = orderedPoints(bounds).flatMap((ms) => {
    const text = dateText(ms);
    // Epoch seconds round-trip inexactly; a point that did not land strictly between its bounds adds nothing.
    return text === undefined ? [] : [text];
  });
  return [...points, 'not-a-date'];
}

const V4_MAX = (1n << 32n) - 1n;
const V6_MAX = (1n << 128n) - 1n;
const MAPPED = 0xffffn << 32n;

function toBig(bytes: Uint8Array): bigint {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return n;
}

function v4Text(n: bigint): string {
  return [24n, 16n, 8n, 0n].map((s) => String((n >> s) & 0xffn)).join('.');
}

function v6Text(n: bigint): string {
  return Array.from({ length: 8 }, (_, i) => ((n >> BigInt(112 - 16 * i)) & 0xffffn).toString(16)).join(':');
}

function ipValues(conds: readonly CompiledCondition[]): string[] {
  const v4 = new Set<bigint>([0n]);
  const v6 = new Set<bigint>([0n, MAPPED, MAPPED + V4_MAX + 1n]);
  for (const c of conds) {
    for (const v of c.values) {
      const block = parseCidr(v.source);
      if (block === undefined) continue;
      const bits = BigInt(block.bytes.length * 8);
      const size = 1n << (bits - BigInt(block.prefix));
      const start = (toBig(block.bytes) / size) * size;
      const points = [start, start + size];
      if (bits === 32n) {
        for (const p of points) if (p <= V4_MAX) v4.add(p);
        for (const p of points) v6.add(MAPPED + p);
      } else for (const p of points) if (p <= V6_MAX) v6.add(p);
    }
  }
  return [...[...v4].map(v4Text), ...[...v6].filter((p) => p <= V6_MAX).map(v6Text), 'not-an-ip'];
}

function binaryValues(conds: readonly CompiledCondition[]): string[] {
  const given = conds.flatMap((c) => c.values.map((v) => v.source));
  const other = ['AAAA', 'AAAB', 'AAAC'].find((b) => !given.includes(b)) as string;
  return [...new Set([...given, other, '!'])];
}

const VALUES_OF: Readonly<Record<Exclude<Family, 'presence'>, (conds: readonly CompiledCondition[]) => string[]>> = {
  text: textValues, numeric: numericValues, date: dateValues, ip: ipValues, binary: binaryValues,
};

/** Whether the catalog types the key as carrying several values. */
function typedMultivalued(lowerKey: string): boolean {
  return conditionKeys.some((k) => {
    const name = k.key.toLowerCase();
    const match = name.endsWith('/*') ? lowerKey.startsWith(name.slice(0, -1)) : lowerKey === name;
    return match && k.type.startsWith('ArrayOf');
  });
}

/** Every non-empty subset of `items`. */
function subsets(items: readonly string[]): string[][] {
  const out: string[][] = [];
  for (let mask = 1; mask < 1 << items.length; mask++) out.push(items.filter((_, i) => (mask & (1 << i)) !== 0));
  return out;
}

/**
 * The values that stand for every value of `lowerKey` under `conds` (the conditions of both sides that read it);
 * `null` stands for the key's absence.
 */
export function keyValues(lowerKey: string, conds: readonly CompiledCondition[]): KeyValues {
  const families = new Set(conds.map(familyOf).filter((f): f is Exclude<Family, 'presence'> => f !== 'presence'));
  if (families.size > 1) return { problem: `${lowerKey} is compared as ${[...families].join(' and ')}, which diff does not cut into regions together` };
  const [family] = families;
  const single = family === undefined ? ['present'] : VALUES_OF[family](conds);
  const multi = typedMultivalued(lowerKey) || conds.some((c) => c.spec.setOperator !== undefined);
  if (!multi) return { values: [null, ...single] };
  if (single.length > MAX_SET_REPRESENTATIVES) {
    return { problem: `${lowerKey} may carry several values and its conditions cut it into ${single.length} regions; diff compares sets of at most ${MAX_SET_REPRESENTATIVES}` };
  }
  return { values: [null, ...subsets(single)] };
}
