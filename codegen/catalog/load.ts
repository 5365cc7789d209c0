/**
 * Loads and validates the catalog. Pure: takes file texts, returns the model or throws `CatalogError` listing every
 * problem as `file:line:column: field: message`. Only the CLI reads the disk (see read.ts).
 */
import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { parseType, referencedShapes } from './type-grammar.js';
import { loadConditionKeys } from './condition-keys.js';
import { loadCaveats, loadDescriptions, loadExamples, loadFacts } from './page-facts.js';
import type {
  AccessLevel, Catalog, CatalogEntry, CatalogProblem, Erratum, HttpMethod, Lifecycle, LifecycleStatus, Location, Member, Operation,
  QueryBinding, Shape, GuardData, ResourceTagAccess,
} from './types.js';

export interface SourceText { readonly path: string; readonly text: string }

export class CatalogError extends Error {
  readonly problems: readonly CatalogProblem[];
  constructor(problems: readonly CatalogProblem[]) {
    super(`the catalog has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` + problems.map(formatProblem).join('\n'));
    this.name = 'CatalogError';
    this.problems = problems;
  }
}

export const formatProblem = (p: CatalogProblem): string => `${p.location.file}:${p.location.line}:${p.location.column}: ${p.field}: ${p.message}`;

const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'];
const ACCESS_LEVELS: readonly AccessLevel[] = ['Read', 'Write', 'List', 'Tagging', 'Permissions management'];
const STATUSES: readonly LifecycleStatus[] = ['supported', 'end-of-support', 'unclear'];
const GLOBAL_PLACEHOLDERS = new Set(['Partition', 'Region', 'Account']);
const ARN_PREFIX = 'arn:${Partition}:mobiletargeting:${Region}:${Account}:';

export type Path = readonly (string | number)[];

/** One YAML file with positions, and a sink for its problems. */
export class Source {
  private readonly lines = new LineCounter();
  readonly doc: Document;
  constructor(readonly path: string, text: string, private readonly problems: CatalogProblem[]) {
    this.doc = parseDocument(text, { lineCounter: this.lines, uniqueKeys: true, prettyErrors: false });
    for (const e of [...this.doc.errors, ...this.doc.warnings]) {
      const pos = this.lines.linePos(e.pos[0]);
      problems.push({ location: { file: path, line: pos.line, column: pos.col }, field: '(yaml)', message: e.message.split('\n')[0] ?? e.message });
    }
  }
  /** The location of the value at `path`, or of its closest existing parent; `key` points at the key instead. */
  locate(path: Path, key = false): Location {
    for (let n = path.length; n >= 0; n--) {
      const parent = n > 0 ? this.doc.getIn(path.slice(0, n - 1), true) : undefined;
      let node = this.doc.getIn(path.slice(0, n), true) as Node | undefined;
      if (key && n === path.length && isMap(parent)) {
        const pair = parent.items.find((p) => (p.key as { value?: unknown } | null)?.value === path[n - 1]);
        node = (pair?.key as Node | undefined) ?? node;
      }
      const offset = node?.range?.[0];
      if (offset !== undefined) {
        const pos = this.lines.linePos(offset);
        return { file: this.path, line: pos.line, column: pos.col };
      }
    }
    return { file: this.path, line: 1, column: 1 };
  }
  problem(path: Path, message: string, key = false): void {
    this.problems.push({ location: this.locate(path, key), field: formatPath(path), message });
  }
}

const formatPath = (path: Path): string => path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${p}` : p), '');

export type Json = unknown;
export const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface FieldSpec { readonly required: boolean }
/** Reports unknown and missing fields of an object; returns false when it is not an object at all. */
export function checkFields(src: Source, path: Path, value: Json, spec: Readonly<Record<string, FieldSpec>>, what: string): value is Record<string, Json> {
  if (!isObject(value)) { src.problem(path, `expected ${what} (a mapping), got ${describe(value)}`); return false; }
  for (const k of Object.keys(value)) if (!(k in spec)) src.problem([...path, k], `unknown field; expected one of ${Object.keys(spec).join(', ')}`, true);
  for (const [k, s] of Object.entries(spec)) if (s.required && !(k in value)) src.problem(path, `missing required field "${k}"`);
  return true;
}

export function describe(v: Json): string {
  if (v === null || v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return `${typeof v} ${JSON.stringify(v)}`;
}

export function str(src: Source, path: Path, v: Json, rule?: { pattern?: RegExp; expected?: string; oneOf?: readonly string[] }): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || v.trim() === '') { src.problem(path, `expected a non-empty string, got ${describe(v)}`); return undefined; }
  if (rule?.oneOf && !rule.oneOf.includes(v)) { src.problem(path, `expected one of ${rule.oneOf.join(', ')}, got "${v}"`); return undefined; }
  if (rule?.pattern && !rule.pattern.test(v)) { src.problem(path, `expected ${rule.expected}, got "${v}"`); return undefined; }
  return v;
}

const ENTRY: Record<string, FieldSpec> = {
  action: { required: true }, operation: { required: false }, group: { required: true }, summary: { required: true },
  accessLevel: { required: true }, docs: { required: true }, seed: { required: true }, http: { required: false },
  input: { required: false }, output: { required: false }, outputBody: { required: false }, resource: { required: true },
  lifecycle: { required: true }, erratum: { required: false }, guard: { required: false },
};
const HTTP: Record<string, FieldSpec> = { method: { required: true }, path: { required: true }, status: { required: true }, query: { required: false }, body: { required: false } };
const LIFECYCLE: Record<string, FieldSpec> = { status: { required: true }, reason: { required: true }, source: { required: true }, successor: { required: false } };
const ERRATUM: Record<string, FieldSpec> = { field: { required: true }, seed: { required: true }, truth: { required: true }, source: { required: true } };
const GUARD: Record<string, FieldSpec> = { resourceTags: { required: false }, arnEnums: { required: false } };
const TAG_ACCESS: readonly ResourceTagAccess[] = ['reads', 'changes'];
const SEED: Record<string, FieldSpec> = { name: { required: true }, line: { required: true } };
const STRUCTURE: Record<string, FieldSpec> = { members: { required: true }, required: { required: false }, wireNames: { required: false } };
const ENUM: Record<string, FieldSpec> = { enum: { required: true } };

function loadShapes(src: Source, shapes: Map<string, Shape>): void {
  const root = src.doc.toJS() as Json;
  if (root === null || root === undefined) return;
  if (!isObject(root)) { src.problem([], `expected a mapping of shape name to shape, got ${describe(root)}`); return; }
  for (const [name, def] of Object.entries(root)) {
    const path = [name];
    if (!/^[A-Za-z_]\w*$/.test(name)) { src.problem(path, `a shape name must be an identifier, got "${name}"`, true); continue; }
    if (shapes.has(name)) { src.problem(path, `duplicate shape "${name}" (first defined at ${formatLoc(shapes.get(name)!.location)})`, true); continue; }
    const location = src.locate(path, true);
    if (isObject(def) && 'enum' in def) {
      if (!checkFields(src, path, def, ENUM, 'an enum')) continue;
      const values = def.enum;
      if (!Array.isArray(values) || values.length === 0 || !values.every((v) => typeof v === 'string' && v !== '')) {
        src.problem([...path, 'enum'], 'expected a non-empty list of non-empty strings');
        continue;
      }
      if (new Set(values).size !== values.length) src.problem([...path, 'enum'], 'enum values must be unique');
      shapes.set(name, { kind: 'enum', name, values: values as string[], location });
      continue;
    }
    if (!checkFields(src, path, def, STRUCTURE, 'a structure (members, required) or an enum (enum)')) continue;
    const members: Member[] = [];
    const required = def.required ?? [];
    if (!Array.isArray(required) || !required.every((r) => typeof r === 'string')) src.problem([...path, 'required'], 'expected a list of member names');
    const requiredSet = new Set(Array.isArray(required) ? (required as string[]) : []);
    const wireNames = def.wireNames ?? {};
    if (!isObject(wireNames)) src.problem([...path, 'wireNames'], `expected a mapping of member name to JSON key, got ${describe(wireNames)}`);
    const memberDefs = def.members;
    if (!isObject(memberDefs)) { src.problem([...path, 'members'], `expected a mapping of member name to type, got ${describe(memberDefs)}`); continue; }
    for (const [m, t] of Object.entries(memberDefs)) {
      if (typeof t !== 'string') { src.problem([...path, 'members', m], `expected a type expression, got ${describe(t)}`); continue; }
      const type = parseType(t);
      if (typeof type === 'string') { src.problem([...path, 'members', m], type); continue; }
      const wire = isObject(wireNames) ? wireNames[m] : undefined;
      members.push({ name: m, type, required: requiredSet.has(m), wireName: typeof wire === 'string' && wire !== m ? wire : undefined });
    }
    if (isObject(wireNames)) {
      for (const [m, w] of Object.entries(wireNames)) {
        if (!(m in memberDefs)) src.problem([...path, 'wireNames', m], `"${m}" is not a member of ${name}`, true);
        else if (typeof w !== 'string' || !/^[A-Za-z_][\w-]*$/.test(w)) src.problem([...path, 'wireNames', m], `expected a JSON key, got ${describe(w)}`);
      }
    }
    (Array.isArray(required) ? (required as Json[]) : []).forEach((r, i) => {
      if (typeof r === 'string' && !(r in memberDefs)) src.problem([...path, 'required', i], `"${r}" is not a member of ${name}`);
    });
    shapes.set(name, { kind: 'structure', name, members, location });
  }
}

export const formatLoc = (l: Location): string => `${l.file}:${l.line}:${l.column}`;

function loadEntry(src: Source, path: Path, raw: Json, shapes: ReadonlyMap<string, Shape>): CatalogEntry | undefined {
  if (!checkFields(src, path, raw, ENTRY, 'a catalog entry')) return undefined;
  const at = (k: string): Path => [...path, k];
  const action = str(src, at('action'), raw.action, { pattern: /^mobiletargeting:[A-Z][A-Za-z0-9]*$/, expected: 'mobiletargeting:ActionName' });
  const group = str(src, at('group'), raw.group);
  const summary = str(src, at('summary'), raw.summary);
  const accessLevel = str(src, at('accessLevel'), raw.accessLevel, { oneOf: ACCESS_LEVELS }) as AccessLevel | undefined;
  const docs = str(src, at('docs'), raw.docs, { pattern: /^https:\/\/\S+$/, expected: 'an https URL' });
  const resource = str(src, at('resource'), raw.resource, { pattern: /^(arn:\$\{Partition\}:mobiletargeting:\$\{Region\}:\$\{Account\}:\S+|\$\{\w+\})$/, expected: `an ARN template starting "${ARN_PREFIX}" (or a single \${Member} for tagging actions)` });

  let seed: CatalogEntry['seed'];
  if (raw.seed !== false && raw.seed !== undefined) {
    if (checkFields(src, at('seed'), raw.seed, SEED, 'false or the seed entry { name, line }')) {
      const name = str(src, [...at('seed'), 'name'], raw.seed.name, { pattern: /^mobiletargeting:\w+$/, expected: 'mobiletargeting:Name' });
      const line = raw.seed.line;
      if (line !== undefined && (!Number.isInteger(line) || (line as number) < 1)) src.problem([...at('seed'), 'line'], `expected a line number, got ${describe(line)}`);
      else if (name) seed = { name, line: line as number };
    }
  }

  let lifecycle: Lifecycle | undefined;
  if (raw.lifecycle !== undefined && checkFields(src, at('lifecycle'), raw.lifecycle, LIFECYCLE, 'a lifecycle { status, reason, source }')) {
    const l = raw.lifecycle;
    const status = str(src, [...at('lifecycle'), 'status'], l.status, { oneOf: STATUSES }) as LifecycleStatus | undefined;
    const reason = str(src, [...at('lifecycle'), 'reason'], l.reason);
    const source = str(src, [...at('lifecycle'), 'source'], l.source);
    const successor = str(src, [...at('lifecycle'), 'successor'], l.successor);
    if (status && reason && source) lifecycle = { status, reason, source, successor };
  }

  const errata: Erratum[] = [];
  if (raw.erratum !== undefined) {
    if (!Array.isArray(raw.erratum)) src.problem(at('erratum'), `expected a list of errata, got ${describe(raw.erratum)}`);
    else raw.erratum.forEach((e, i) => {
      const p = [...at('erratum'), i];
      if (!checkFields(src, p, e, ERRATUM, 'an erratum { field, seed, truth, source }')) return;
      const [field, seedText, truth, source] = (['field', 'seed', 'truth', 'source'] as const).map((k) => str(src, [...p, k], e[k]));
      if (field && seedText && truth && source) errata.push({ field, seed: seedText, truth, source });
    });
    if (raw.seed === false && Array.isArray(raw.erratum) && raw.erratum.length) src.problem(at('erratum'), 'an erratum needs a seed entry (seed: false here)');
  }

  const operation = loadOperation(src, path, raw, shapes);
  const resourceParams = resource ? [...resource.matchAll(/\$\{(\w+)\}/g)].map((m) => m[1]!).filter((p) => !GLOBAL_PLACEHOLDERS.has(p)) : [];
  if (resource && operation) {
    for (const p of resourceParams) {
      // The ARN must be built from exactly the values that go into the URL path, so that what is checked is what is sent.
      if (!operation.http.labels.includes(p)) src.problem(at('resource'), `placeholder \${${p}} must be a path placeholder of ${operation.http.path} (an input member bound to the URL path)`);
    }
  } else if (resource && raw.operation === undefined && resourceParams.length) {
    src.problem(at('resource'), `a console-only action (no operation) cannot have input placeholders, got ${resourceParams.map((p) => `\${${p}}`).join(', ')}`);
  }
  const guard = loadGuard(src, at('guard'), raw.guard, operation, resourceParams, shapes);
  if (!action || !group || !summary || !accessLevel || !docs || !resource || !lifecycle) return undefined;
  if (raw.operation !== undefined && !operation) return undefined;
  return {
    action, actionName: action.slice('mobiletargeting:'.length), group, summary, accessLevel, docs, seed, resource, resourceParams, lifecycle, errata,
    operation, guard, location: src.locate(path),
  };
}

/**
 * The operation-specific behaviour of the guard, as data: whether the operation reads or changes a resource's tags
 * (`resourceTags`), and which ARN placeholders take an enum's values as the service spells them (`arnEnums`:
 * member → enum shape).
 */
function loadGuard(src: Source, path: Path, raw: Json, operation: Operation | undefined, resourceParams: readonly string[], shapes: ReadonlyMap<string, Shape>): GuardData {
  if (raw === undefined) return {};
  if (!checkFields(src, path, raw, GUARD, 'the guard data { resourceTags?, arnEnums? }')) return {};
  if (!operation) { src.problem(path, 'only an entry with an operation can have guard data', true); return {}; }
  const resourceTags = str(src, [...path, 'resourceTags'], raw.resourceTags, { oneOf: TAG_ACCESS }) as ResourceTagAccess | undefined;
  const arnEnums: Record<string, readonly string[]> = {};
  if (raw.arnEnums !== undefined) {
    if (!isObject(raw.arnEnums)) src.problem([...path, 'arnEnums'], `expected a mapping of ARN placeholder to enum shape, got ${describe(raw.arnEnums)}`);
    else for (const [member, shapeName] of Object.entries(raw.arnEnums)) {
      const p = [...path, 'arnEnums', member];
      if (!resourceParams.includes(member)) { src.problem(p, `"${member}" is not a placeholder of the resource ARN template`, true); continue; }
      const name = str(src, p, shapeName);
      const shape = name ? shapes.get(name) : undefined;
      if (name && shape?.kind !== 'enum') { src.problem(p, `"${name}" is not an enum in shapes.yaml`); continue; }
      if (shape?.kind === 'enum') arnEnums[member] = shape.values;
    }
  }
  return { ...(resourceTags ? { resourceTags } : {}), ...(Object.keys(arnEnums).length ? { arnEnums } : {}) };
}

function loadOperation(src: Source, path: Path, raw: Record<string, Json>, shapes: ReadonlyMap<string, Shape>): Operation | undefined {
  const at = (k: string): Path => [...path, k];
  if (raw.operation === undefined) {
    for (const k of ['http', 'input', 'output', 'outputBody']) if (k in raw) src.problem(at(k), 'only an entry with an operation can have this field (no operation: a console-only action)', true);
    return undefined;
  }
  const name = str(src, at('operation'), raw.operation, { pattern: /^[A-Z][A-Za-z0-9]*$/, expected: 'an operation name in PascalCase' });
  for (const k of ['http', 'input']) if (!(k in raw)) src.problem(path, `missing required field "${k}" (the entry has an operation)`);
  const inputName = str(src, at('input'), raw.input);
  const input = inputName ? shapes.get(inputName) : undefined;
  if (inputName && input?.kind !== 'structure') src.problem(at('input'), `"${inputName}" is not a structure in shapes.yaml`);
  const outputName = str(src, at('output'), raw.output);
  const output = outputName ? shapes.get(outputName) : undefined;
  if (outputName && output?.kind !== 'structure') src.problem(at('output'), `"${outputName}" is not a structure in shapes.yaml`);
  const outputBody = str(src, at('outputBody'), raw.outputBody);
  if (outputBody && output?.kind === 'structure' && !output.members.some((m) => m.name === outputBody)) src.problem(at('outputBody'), `"${outputBody}" is not a member of ${outputName}`);
  if (outputBody && !outputName) src.problem(at('outputBody'), 'outputBody needs an output shape');

  const inputMembers = new Map(input?.kind === 'structure' ? input.members.map((m) => [m.name, m]) : []);
  const hp = at('http');
  if (!('http' in raw) || !checkFields(src, hp, raw.http, HTTP, 'an HTTP binding { method, path, status, query?, body? }')) return undefined;
  const http = raw.http;
  const method = str(src, [...hp, 'method'], http.method, { oneOf: METHODS }) as HttpMethod | undefined;
  const pathText = str(src, [...hp, 'path'], http.path, { pattern: /^\/[A-Za-z0-9\-_./{}]*$/, expected: 'an absolute path with {Member} placeholders' });
  const status = http.status;
  if (status !== undefined && (!Number.isInteger(status) || (status as number) < 200 || (status as number) > 299)) src.problem([...hp, 'status'], `expected a 2xx status code, got ${describe(status)}`);
  const labels = pathText ? [...pathText.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!) : [];
  for (const l of labels) {
    const m = inputMembers.get(l);
    if (input && !m) src.problem([...hp, 'path'], `placeholder {${l}} is not a member of ${inputName}`);
    else if (m && (!m.required || m.type.kind !== 'primitive' || m.type.name !== 'string')) src.problem([...hp, 'path'], `placeholder {${l}} must be a required string member of ${inputName}`);
  }
  const query: QueryBinding[] = [];
  if (http.query !== undefined) {
    if (!isObject(http.query)) src.problem([...hp, 'query'], `expected a mapping of wire name to input member, got ${describe(http.query)}`);
    else for (const [wire, member] of Object.entries(http.query)) {
      const m = str(src, [...hp, 'query', wire], member);
      if (!/^[A-Za-z0-9\-_.]+$/.test(wire)) src.problem([...hp, 'query', wire], `a query wire name must be URL-safe, got "${wire}"`, true);
      if (m && input && !inputMembers.has(m)) src.problem([...hp, 'query', wire], `"${m}" is not a member of ${inputName}`);
      if (m) query.push({ wire, member: m });
    }
  }
  const body = str(src, [...hp, 'body'], http.body);
  if (body && input && !inputMembers.has(body)) src.problem([...hp, 'body'], `"${body}" is not a member of ${inputName}`);
  const bound = new Set([...labels, ...query.map((q) => q.member), ...(body ? [body] : [])]);
  for (const m of inputMembers.keys()) if (!bound.has(m)) src.problem(at('input'), `member ${inputName}.${m} is bound to neither the path, the query nor the body`);
  if (!name || !method || !pathText || !inputName || input?.kind !== 'structure' || typeof status !== 'number') return undefined;
  return { name, http: { method, path: pathText, status, query, body, labels }, input: inputName, output: outputName, outputBody };
}

function checkShapeReferences(shapes: ReadonlyMap<string, Shape>, problems: CatalogProblem[]): void {
  for (const shape of shapes.values()) {
    if (shape.kind !== 'structure') continue;
    for (const m of shape.members) {
      for (const ref of referencedShapes(m.type)) {
        if (!shapes.has(ref)) problems.push({ location: shape.location, field: `${shape.name}.members.${m.name}`, message: `unknown shape "${ref}"` });
      }
      if (m.type.kind === 'map' && m.type.key && shapes.get(m.type.key)?.kind !== 'enum') {
        problems.push({ location: shape.location, field: `${shape.name}.members.${m.name}`, message: `map key "${m.type.key}" must be an enum shape` });
      }
    }
  }
}

/** Validates and models the catalog; throws `CatalogError` with every problem found. */
export interface CatalogFiles {
  readonly shapes: readonly SourceText[];
  readonly actions: readonly SourceText[];
  readonly conditionKeys?: SourceText;
  readonly facts?: SourceText;
  readonly descriptions?: SourceText;
  readonly caveats?: SourceText;
  readonly examples?: SourceText;
}

export function loadCatalog(files: CatalogFiles): Catalog {
  const problems: CatalogProblem[] = [];
  const conditionKeys = files.conditionKeys ? loadConditionKeys(new Source(files.conditionKeys.path, files.conditionKeys.text, problems)) : [];
  const shapes = new Map<string, Shape>();
  for (const f of files.shapes) loadShapes(new Source(f.path, f.text, problems), shapes);
  checkShapeReferences(shapes, problems);
  const entries: CatalogEntry[] = [];
  const byAction = new Map<string, CatalogEntry>();
  const byOperation = new Map<string, CatalogEntry>();
  for (const f of files.actions) {
    const src = new Source(f.path, f.text, problems);
    const root = src.doc.toJS() as Json;
    if (root === null || root === undefined) continue;
    if (!Array.isArray(root)) { src.problem([], `expected a list of catalog entries, got ${describe(root)}`); continue; }
    root.forEach((raw, i) => {
      const entry = loadEntry(src, [i], raw, shapes);
      if (!entry) return;
      const dupA = byAction.get(entry.action.toLowerCase());
      if (dupA) { src.problem([i, 'action'], `duplicate action ${entry.action} (also at ${formatLoc(dupA.location)})`); return; }
      const dupO = entry.operation && byOperation.get(entry.operation.name);
      if (dupO) { src.problem([i, 'operation'], `duplicate operation ${entry.operation!.name} (also at ${formatLoc(dupO.location)})`); return; }
      byAction.set(entry.action.toLowerCase(), entry);
      if (entry.operation) byOperation.set(entry.operation.name, entry);
      entries.push(entry);
    });
  }
  const byName = new Map(entries.map((e) => [e.actionName, e]));
  // The page facts name entries and shapes: checked only against a catalog that loaded, so that one broken entry is
  // one problem, not one more for every fact that names it.
  const loaded = problems.length === 0;
  const page = <T>(f: SourceText | undefined, load: (src: Source) => Map<string, T>): Map<string, T> =>
    (f && loaded ? load(new Source(f.path, f.text, problems)) : new Map());
  const facts = page(files.facts, (src) => loadFacts(src, byName, conditionKeys));
  const descriptions = page(files.descriptions, (src) => loadDescriptions(src, shapes));
  const caveats = page(files.caveats, (src) => loadCaveats(src, byName, shapes));
  const examples = page(files.examples, (src) => loadExamples(src, byName, shapes));
  if (problems.length) throw new CatalogError(problems);
  entries.sort((a, b) => (a.actionName < b.actionName ? -1 : a.actionName > b.actionName ? 1 : 0));
  return { entries, shapes, conditionKeys, facts, descriptions, caveats, examples };
}
