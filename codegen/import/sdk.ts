/**
 * Reads the REST bindings and shapes of Amazon Pinpoint from what `@aws-sdk/client-pinpoint` ships:
 * its Smithy schemas (HTTP method, path, status, label/query/payload traits, member order) and its
 * type declarations (member types, enums, optionality). Used at catalog-build time only.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Project, SyntaxKind } from 'ts-morph';

export interface SdkOperation {
  readonly name: string;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly input: string;
  readonly output: string | undefined;
  /** Query wire name → input member. */
  readonly query: Readonly<Record<string, string>>;
  readonly body: string | undefined;
  readonly labels: readonly string[];
  readonly outputBody: string | undefined;
}

export type SdkShape =
  | { readonly kind: 'structure'; readonly members: Readonly<Record<string, string>>; readonly required: readonly string[]; readonly wireNames?: Readonly<Record<string, string>> }
  | { readonly kind: 'enum'; readonly values: readonly string[] };

export interface SdkModel {
  readonly version: string;
  readonly operations: readonly SdkOperation[];
  readonly shapes: Readonly<Record<string, SdkShape>>;
}

type Schema = unknown[];
const require = createRequire(import.meta.url);

function traitsOf(member: unknown): Record<string, unknown> {
  if (!Array.isArray(member)) return {};
  const t = member[1];
  if (typeof t === 'number') return { httpLabel: (t & 1) !== 0, httpPayload: (t & 16) !== 0 };
  return (t ?? {}) as Record<string, unknown>;
}

/** Converts a declaration type (`Record<string, Foo[]> | undefined`) into the catalog's type grammar. */
export function typeFromDeclaration(text: string): string {
  const t = text.replace(/\s*\|\s*undefined$/, '').trim();
  const simple: Record<string, string> = { string: 'string', number: 'number', boolean: 'boolean', Date: 'timestamp', Uint8Array: 'blob', __DocumentType: 'document' };
  if (simple[t]) return simple[t]!;
  if (t.endsWith('[]')) return `list<${typeFromDeclaration(t.slice(0, -2).replace(/^\((.*)\)$/, '$1'))}>`;
  const partial = /^Partial<Record<(\w+), (.+)>>$/.exec(t);
  if (partial) return `map<${partial[1]}, ${typeFromDeclaration(partial[2]!)}>`;
  const record = /^Record<string, (.+)>$/.exec(t);
  if (record) return `map<${typeFromDeclaration(record[1]!)}>`;
  if (/^\w+$/.test(t)) return t;
  throw new Error(`unsupported declaration type: ${t}`);
}

function readDeclarations(root: string): Record<string, SdkShape> {
  const project = new Project({ skipAddingFilesFromTsConfig: true });
  const dir = join(root, 'dist-types', 'models');
  const files = ['enums.d.ts', 'models_0.d.ts', 'models_1.d.ts'].map((f) => project.addSourceFileAtPath(join(dir, f)));
  const shapes: Record<string, SdkShape> = {};
  for (const file of files) {
    for (const decl of file.getVariableStatements()) {
      for (const v of decl.getDeclarations()) {
        const lit = v.getTypeNode()?.asKind(SyntaxKind.TypeLiteral);
        if (!lit) continue;
        const values = lit.getProperties().map((p) => (p.getTypeNodeOrThrow().getText()).replace(/^"|"$/g, ''));
        shapes[v.getName()] = { kind: 'enum', values };
      }
    }
    for (const i of file.getInterfaces()) {
      const members: Record<string, string> = {};
      const required: string[] = [];
      for (const p of i.getProperties()) {
        members[p.getName()] = typeFromDeclaration(p.getTypeNodeOrThrow().getText());
        if (!p.hasQuestionToken()) required.push(p.getName());
      }
      shapes[i.getName()] = { kind: 'structure', members, required };
    }
  }
  return shapes;
}

/** Members whose JSON key differs from their name (the schemas' `jsonName` trait), by structure. */
function jsonNames(sdk: Record<string, unknown>): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  const seen = new Set<unknown>();
  const walk = (node: unknown): void => {
    const s = typeof node === 'function' ? (node as () => unknown)() : node;
    if (!Array.isArray(s) || seen.has(s)) return;
    seen.add(s);
    if (s[0] === 3) {
      (s[5] as unknown[]).forEach((member, i) => {
        const json = traitsOf(member).jsonName;
        const name = (s[4] as string[])[i]!;
        if (typeof json === 'string' && json !== name) out.set(s[2] as string, { ...out.get(s[2] as string), [name]: json });
        walk(Array.isArray(member) ? member[0] : member);
      });
    } else if (s[0] === 1) walk(s[4]);
    else if (s[0] === 2) walk(s[5]);
    else if (s[0] === 9) { walk(s[4]); walk(s[5]); }
  };
  for (const [key, value] of Object.entries(sdk)) if (key.endsWith('$')) walk(value);
  return out;
}

export function readSdkModel(): SdkModel {
  const pkgPath = require.resolve('@aws-sdk/client-pinpoint/package.json');
  const root = dirname(pkgPath);
  const version = (require(pkgPath) as { version: string }).version;
  const sdk = require('@aws-sdk/client-pinpoint') as Record<string, unknown>;
  const operations: SdkOperation[] = [];
  for (const [key, value] of Object.entries(sdk)) {
    if (!key.endsWith('$') || !Array.isArray(value) || value[0] !== 9) continue;
    const op = value as Schema;
    const [method, path, status] = (op[3] as { http: [string, string, number] }).http;
    const input = (op[4] as () => Schema)();
    const outputRaw = (op[5] as () => Schema | string)();
    const query: Record<string, string> = {};
    const labels: string[] = [];
    let body: string | undefined;
    (input[4] as string[]).forEach((member, i) => {
      const traits = traitsOf((input[5] as unknown[])[i]);
      if (typeof traits.httpQuery === 'string') query[traits.httpQuery] = member;
      if (traits.httpLabel) labels.push(member);
      if (traits.httpPayload) body = member;
    });
    let outputBody: string | undefined;
    if (Array.isArray(outputRaw)) {
      (outputRaw[4] as string[]).forEach((member, i) => {
        if (traitsOf((outputRaw[5] as unknown[])[i]).httpPayload) outputBody = member;
      });
    }
    operations.push({
      name: op[2] as string, method, path, status,
      input: input[2] as string,
      output: Array.isArray(outputRaw) ? (outputRaw[2] as string) : undefined,
      query, body, labels, outputBody,
    });
  }
  operations.sort((a, b) => (a.name < b.name ? -1 : 1));
  const shapes = readDeclarations(root);
  for (const [structure, names] of jsonNames(sdk)) {
    const shape = shapes[structure];
    if (shape?.kind === 'structure') shapes[structure] = { ...shape, wireNames: names };
  }
  return { version, operations, shapes };
}
