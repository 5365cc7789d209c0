/** Serialises plain data as a TypeScript object literal (identifier keys unquoted), stable and readable. */
import { literal } from './format.js';

/** Code to print as is (`new Date('…')` in an example). */
export class RawCode {
  constructor(readonly code: string) {}
}

export function toLiteral(value: unknown, indent = ''): string {
  const next = indent + '  ';
  if (value instanceof RawCode) return value.code;
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'string') return literal(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((v) => typeof v !== 'object' || v === null)) return `[${value.map((v) => toLiteral(v)).join(', ')}]`;
    return `[\n${value.map((v) => `${next}${toLiteral(v, next)},`).join('\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  const key = (k: string): string => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : literal(k));
  return `{\n${entries.map(([k, v]) => `${next}${key(k)}: ${toLiteral(v, next)},`).join('\n')}\n${indent}}`;
}
