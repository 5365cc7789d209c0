/** The catalog's member-type grammar: `string | number | boolean | timestamp | blob | document | Name | list<T> | map<T> | map<Key, T>`. */
import type { Primitive, TypeRef } from './types.js';

const PRIMITIVES: ReadonlySet<string> = new Set<Primitive>(['string', 'number', 'boolean', 'timestamp', 'blob', 'document']);

/** Parses a type expression; returns an error message instead of throwing so the loader can collect every problem. */
export function parseType(text: string): TypeRef | string {
  const t = text.trim();
  if (PRIMITIVES.has(t)) return { kind: 'primitive', name: t as Primitive };
  if (/^[A-Za-z_]\w*$/.test(t)) return { kind: 'ref', name: t };
  const generic = /^(list|map)<(.+)>$/.exec(t);
  if (!generic) return `expected a type (string, number, boolean, timestamp, blob, document, a shape name, list<T> or map<T>), got "${text}"`;
  const args = splitTopLevel(generic[2]!);
  if (generic[1] === 'list') {
    if (args.length !== 1) return `list<T> takes one type, got "${text}"`;
    const item = parseType(args[0]!);
    return typeof item === 'string' ? item : { kind: 'list', item };
  }
  if (args.length < 1 || args.length > 2) return `map<T> or map<Key, T>, got "${text}"`;
  const key = args.length === 2 ? args[0]!.trim() : undefined;
  if (key !== undefined && !/^[A-Za-z_]\w*$/.test(key)) return `a map key must be an enum shape name, got "${key}"`;
  const value = parseType(args[args.length - 1]!);
  return typeof value === 'string' ? value : { kind: 'map', key, value };
}

function splitTopLevel(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '<') depth++;
    else if (c === '>') depth--;
    else if (c === ',' && depth === 0) { parts.push(s.slice(start, i)); start = i + 1; }
  }
  parts.push(s.slice(start));
  return parts;
}

/** Every shape name a type refers to (map keys included). */
export function referencedShapes(t: TypeRef): string[] {
  switch (t.kind) {
    case 'primitive': return [];
    case 'ref': return [t.name];
    case 'list': return referencedShapes(t.item);
    case 'map': return [...(t.key ? [t.key] : []), ...referencedShapes(t.value)];
  }
}

export function formatType(t: TypeRef): string {
  switch (t.kind) {
    case 'primitive': case 'ref': return t.name;
    case 'list': return `list<${formatType(t.item)}>`;
    case 'map': return `map<${t.key ? `${t.key}, ` : ''}${formatType(t.value)}>`;
  }
}
