/** Reading Query-protocol parameters: `Name=value`, lists as `Name.member.N`, structures as `Name.member.N.Field`. */
import { IamMockError } from './errors.js';

export type QueryParams = ReadonlyMap<string, string>;

/** Form-encoded body and URL query together (the SDK posts; a hand-made GET works too). */
export function queryParams(body: string, query: Readonly<Record<string, string | readonly string[]>> | undefined): QueryParams {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(query ?? {})) {
    const value = typeof v === 'string' ? v : v[v.length - 1];
    if (value !== undefined) out.set(k, value);
  }
  for (const [k, v] of new URLSearchParams(body)) out.set(k, v);
  return out;
}

/** A required parameter, or IAM's ValidationError naming its member as IAM does (lower camel case). */
export function required(params: QueryParams, name: string): string {
  const value = params.get(name);
  if (value === undefined || value === '') {
    const member = name[0]!.toLowerCase() + name.slice(1);
    throw new IamMockError('ValidationError', `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`);
  }
  return value;
}

/** `Name.member.1`, `Name.member.2`, … in order, stopping at the first gap. */
export function memberList(params: QueryParams, name: string): string[] {
  const out: string[] = [];
  for (let i = 1; params.has(`${name}.member.${i}`); i++) out.push(params.get(`${name}.member.${i}`)!);
  return out;
}

/** Structures of a list: the fields of `Name.member.N.` for each N, as maps of the rest of the name. */
export function memberStructures(params: QueryParams, name: string): Map<string, string>[] {
  const out: Map<string, string>[] = [];
  for (let i = 1; ; i++) {
    const prefix = `${name}.member.${i}.`;
    const fields = new Map([...params].filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v]));
    if (fields.size === 0) return out;
    out.push(fields);
  }
}
