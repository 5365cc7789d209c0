/**
 * `parsePolicy`: validates an identity policy and reports every problem at once, each with the
 * JSON path of the offending element and what was expected there.
 *
 * Input is distrusted: text is size-checked before `JSON.parse`, objects are walked with depth,
 * node and size limits before anything else reads them (an object may be cyclic, or hold
 * getters that throw), and anything unexpected surfaces as a `PolicyParseError`.
 */
import { isArnPattern } from './arn.js';
import { lookupOperator, validateValue } from './conditions/index.js';
import { duplicateKeys } from './duplicate-keys.js';
import { PolicyParseError, type PolicyProblem } from './errors.js';
import { resolveLimits, type PolicyLimits } from './limits.js';
import type { Effect, ParsedCondition, ParsedPolicy, ParsedStatement, PolicyVersion } from './types.js';
import { parseTemplate, staticTokens } from './variables.js';

/** Options of `parsePolicy`. */
export interface ParseOptions {
  /** A label for explanations and error messages, e.g. a file name. */
  readonly label?: string;
  readonly limits?: Partial<PolicyLimits>;
}

const VERSIONS: readonly PolicyVersion[] = ['2012-10-17', '2008-10-17'];
const POLICY_ELEMENTS = ['Version', 'Id', 'Statement'] as const;
const STATEMENT_ELEMENTS = ['Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'] as const;
/** A Map, not an object literal: a statement key such as `constructor` must not find Object.prototype's. */
const RESOURCE_POLICY_ONLY: ReadonlyMap<string, string> = new Map([
  [
    'Principal',
    'Principal is not allowed in an identity policy: it applies to the principal it is attached to (Principal belongs in resource-based policies)',
  ],
  [
    'NotPrincipal',
    'NotPrincipal is not allowed in an identity policy: it applies to the principal it is attached to (NotPrincipal belongs in resource-based policies)',
  ],
]);

const parsedPolicies = new WeakSet<object>();

/**
 * Whether `value` is a policy returned by `parsePolicy` (and so needs no further checking). A brand,
 * not a shape: a copy, a structured clone or an object built to look like one is not, and is read
 * as an IAM document wherever a policy is taken.
 */
export function isParsedPolicy(value: unknown): value is ParsedPolicy {
  return typeof value === 'object' && value !== null && parsedPolicies.has(value);
}

type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };
type JsonObject = { readonly [key: string]: Json };

/** Stops collection once `maxProblems` is reached: a hopeless document need not be read to the end. */
class TooManyProblems extends Error {}

class Problems {
  readonly list: PolicyProblem[] = [];
  constructor(private readonly max: number) {}
  add(path: string, message: string): void {
    this.list.push({ path, message });
    if (this.list.length >= this.max) {
      this.list.push({ path: '(document)', message: `stopped after ${this.max} problems` });
      throw new TooManyProblems();
    }
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  return `${typeof value} ${String(value)}`;
}

function isPlainObject(value: unknown): value is JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Checks that an object input is finite, acyclic JSON within the limits. Recursion depth is
 * bounded by `maxDepth`, so the walk itself cannot exhaust the stack.
 */
function checkShape(root: unknown, limits: PolicyLimits): PolicyProblem | undefined {
  let nodes = 0;
  let chars = 0;
  const path: (string | number)[] = [];
  const here = () =>
    path.length === 0 ? '(document)' : path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
  const visit = (value: unknown, depth: number): PolicyProblem | undefined => {
    if (++nodes > limits.maxNodes) return { path: here(), message: `document has more than ${limits.maxNodes} values (limit maxNodes)` };
    switch (typeof value) {
      case 'string':
        chars += value.length;
        break;
      case 'boolean':
        break;
      case 'number':
        if (!Number.isFinite(value)) return { path: here(), message: `expected a JSON value, got ${value}` };
        break;
      case 'object': {
        if (value === null) break;
        if (depth > limits.maxDepth) return { path: here(), message: `nesting deeper than ${limits.maxDepth} levels (limit maxDepth)` };
        if (Array.isArray(value)) {
          for (let i = 0; i < value.length; i++) {
            path.push(i);
            const problem = visit(value[i], depth + 1);
            path.pop();
            if (problem) return problem;
          }
          break;
        }
        if (!isPlainObject(value)) return { path: here(), message: 'expected a plain JSON object' };
        for (const key of Object.keys(value)) {
          chars += key.length;
          path.push(key);
          const problem = visit(value[key], depth + 1);
          path.pop();
          if (problem) return problem;
        }
        break;
      }
      default:
        return { path: here(), message: `expected a JSON value, got ${typeof value}` };
    }
    if (chars > limits.maxDocumentLength) {
      return { path: '(document)', message: `document is larger than ${limits.maxDocumentLength} characters (limit maxDocumentLength)` };
    }
    return undefined;
  };
  return visit(root, 1);
}

function unknownElement(key: string, known: readonly string[]): string {
  const near = known.find((k) => k.toLowerCase() === key.toLowerCase());
  return `unknown element "${key}"${near === undefined ? `; expected one of ${known.join(', ')}` : `; did you mean "${near}"?`}`;
}

/** A string, or a non-empty array of strings (numbers and booleans too when `scalars`). */
function stringList(
  value: Json,
  path: string,
  what: string,
  problems: Problems,
  limits: PolicyLimits,
  scalars = false,
): string[] | undefined {
  const accept = (v: Json, p: string): string | undefined => {
    if (typeof v === 'string') return v;
    if (scalars && (typeof v === 'number' || typeof v === 'boolean')) return String(v);
    problems.add(p, `expected ${what}, got ${describe(v)}`);
    return undefined;
  };
  if (!Array.isArray(value)) {
    const one = accept(value as Json, path);
    return one === undefined ? undefined : [one];
  }
  const list = value as readonly Json[];
  if (list.length === 0) {
    problems.add(path, `expected ${what} or a non-empty array of them, got an empty array`);
    return undefined;
  }
  if (list.length > limits.maxValuesPerElement) {
    problems.add(path, `${list.length} values exceed the limit of ${limits.maxValuesPerElement} (limit maxValuesPerElement)`);
    return undefined;
  }
  const out: string[] = [];
  let ok = true;
  list.forEach((v, i) => {
    const s = accept(v, `${path}[${i}]`);
    if (s === undefined) ok = false;
    else out.push(s);
  });
  return ok ? out : undefined;
}

function itemPath(path: string, list: readonly string[], i: number, raw: Json): string {
  return Array.isArray(raw) ? `${path}[${i}]` : list.length === 1 ? path : `${path}[${i}]`;
}

function checkActions(list: string[], raw: Json, path: string, problems: Problems): void {
  list.forEach((a, i) => {
    if (a === '*') return;
    const colon = a.indexOf(':');
    if (colon <= 0 || colon === a.length - 1 || a.includes(':', colon + 1) || /\s/.test(a)) {
      problems.add(itemPath(path, list, i, raw), `expected "*" or "service:Action" (e.g. "mobiletargeting:GetSegment"), got ${describe(a)}`);
    }
  });
}

function checkResources(list: string[], raw: Json, path: string, version: PolicyVersion, problems: Problems): void {
  list.forEach((r, i) => {
    if (r === '*') return;
    const template = parseTemplate(r, version === '2012-10-17');
    if (!isArnPattern(staticTokens(template, 'v'))) {
      problems.add(
        itemPath(path, list, i, raw),
        `expected "*" or an ARN (arn:partition:service:region:account:resource, or fewer fields ending in *), got ${describe(r)}`,
      );
    }
  });
}

function parseConditions(value: Json, path: string, version: PolicyVersion, problems: Problems, limits: PolicyLimits): ParsedCondition[] {
  if (!isPlainObject(value)) {
    problems.add(path, `expected an object of condition operators, got ${describe(value)}`);
    return [];
  }
  const out: ParsedCondition[] = [];
  for (const operator of Object.keys(value)) {
    const opPath = `${path}.${operator}`;
    const spec = lookupOperator(operator);
    if (typeof spec === 'string') {
      problems.add(opPath, spec);
      continue;
    }
    const block = value[operator] as Json;
    if (!isPlainObject(block) || Object.keys(block).length === 0) {
      problems.add(opPath, `expected an object of condition keys to values, got ${describe(block)}${isPlainObject(block) ? ' (empty)' : ''}`);
      continue;
    }
    for (const key of Object.keys(block)) {
      const keyPath = `${opPath}.${key}`;
      if (key.trim().length === 0) {
        problems.add(keyPath, 'expected a condition key name, got an empty key');
        continue;
      }
      const raw = block[key] as Json;
      const values = stringList(raw, keyPath, 'a string, number or boolean', problems, limits, true);
      if (values === undefined) continue;
      let ok = true;
      values.forEach((v, i) => {
        const wrong = validateValue(spec.op, v, version);
        if (wrong !== undefined) {
          ok = false;
          problems.add(Array.isArray(raw) ? `${keyPath}[${i}]` : keyPath, wrong);
        }
      });
      if (!ok) continue;
      const condition: ParsedCondition = {
        operator,
        baseOperator: spec.op.name,
        ...(spec.setOperator === undefined ? {} : { setOperator: spec.setOperator }),
        ifExists: spec.ifExists,
        key,
        values: Object.freeze(values),
      };
      out.push(Object.freeze(condition));
    }
  }
  return out;
}

function parseStatement(
  value: Json,
  index: number,
  path: string,
  version: PolicyVersion,
  problems: Problems,
  limits: PolicyLimits,
): ParsedStatement | undefined {
  if (!isPlainObject(value)) {
    problems.add(path, `expected a statement object, got ${describe(value)}`);
    return undefined;
  }
  const before = problems.list.length;
  for (const key of Object.keys(value)) {
    const forbidden = RESOURCE_POLICY_ONLY.get(key);
    if (forbidden !== undefined) problems.add(`${path}.${key}`, forbidden);
    else if (!(STATEMENT_ELEMENTS as readonly string[]).includes(key)) problems.add(`${path}.${key}`, unknownElement(key, STATEMENT_ELEMENTS));
  }

  let sid: string | undefined;
  if ('Sid' in value) {
    if (typeof value.Sid === 'string') sid = value.Sid;
    else problems.add(`${path}.Sid`, `expected a string, got ${describe(value.Sid)}`);
  }

  let effect: Effect | undefined;
  if (!('Effect' in value)) problems.add(`${path}.Effect`, 'missing; expected "Allow" or "Deny"');
  else if (value.Effect === 'Allow' || value.Effect === 'Deny') effect = value.Effect;
  else problems.add(`${path}.Effect`, `expected "Allow" or "Deny", got ${describe(value.Effect)}`);

  const pick = (a: 'Action' | 'Resource', notA: 'NotAction' | 'NotResource') => {
    const has = a in value;
    const hasNot = notA in value;
    if (has && hasNot) problems.add(path, `has both ${a} and ${notA}; expected exactly one`);
    else if (!has && !hasNot) problems.add(`${path}.${a}`, `missing; expected exactly one of ${a} or ${notA}`);
    else return has ? a : notA;
    return undefined;
  };

  const actionKey = pick('Action', 'NotAction');
  let actions: string[] | undefined;
  if (actionKey !== undefined) {
    const raw = value[actionKey] as Json;
    actions = stringList(raw, `${path}.${actionKey}`, 'an action string', problems, limits);
    if (actions) checkActions(actions, raw, `${path}.${actionKey}`, problems);
  }

  const resourceKey = pick('Resource', 'NotResource');
  let resources: string[] | undefined;
  if (resourceKey !== undefined) {
    const raw = value[resourceKey] as Json;
    resources = stringList(raw, `${path}.${resourceKey}`, 'a resource string', problems, limits);
    if (resources) checkResources(resources, raw, `${path}.${resourceKey}`, version, problems);
  }

  const conditions = 'Condition' in value ? parseConditions(value.Condition as Json, `${path}.Condition`, version, problems, limits) : [];

  if (problems.list.length > before || effect === undefined || actions === undefined || resources === undefined) return undefined;
  const statement: ParsedStatement = {
    index,
    ...(sid === undefined ? {} : { sid }),
    effect,
    ...(actionKey === 'Action' ? { action: Object.freeze(actions) } : { notAction: Object.freeze(actions) }),
    ...(resourceKey === 'Resource' ? { resource: Object.freeze(resources) } : { notResource: Object.freeze(resources) }),
    conditions: Object.freeze(conditions),
  };
  return Object.freeze(statement);
}

function parseDocument(doc: JsonObject, problems: Problems, limits: PolicyLimits, label: string | undefined): ParsedPolicy | undefined {
  for (const key of Object.keys(doc)) {
    if ((POLICY_ELEMENTS as readonly string[]).includes(key)) continue;
    // `statements` is what a ParsedPolicy holds: one that did not come from parsePolicy here (a
    // copy, a structured clone, a look-alike) is read as the document it claims to be, and fails.
    const hint = key === 'statements' ? ' (only a policy parsePolicy returned counts as parsed; pass the IAM policy document)' : '';
    problems.add(key, unknownElement(key, POLICY_ELEMENTS) + hint);
  }
  let version: PolicyVersion = '2008-10-17';
  if ('Version' in doc) {
    if ((VERSIONS as readonly unknown[]).includes(doc.Version)) version = doc.Version as PolicyVersion;
    else problems.add('Version', `expected "2012-10-17" or "2008-10-17", got ${describe(doc.Version)}`);
  }
  let id: string | undefined;
  if ('Id' in doc) {
    if (typeof doc.Id === 'string') id = doc.Id;
    else problems.add('Id', `expected a string, got ${describe(doc.Id)}`);
  }

  const statements: ParsedStatement[] = [];
  if (!('Statement' in doc)) problems.add('Statement', 'missing; expected a statement object or an array of them');
  else {
    const raw = doc.Statement as Json;
    const list: readonly Json[] | undefined = Array.isArray(raw) ? (raw as readonly Json[]) : isPlainObject(raw) ? [raw] : undefined;
    if (list === undefined) problems.add('Statement', `expected a statement object or an array of them, got ${describe(raw)}`);
    else if (list.length === 0) problems.add('Statement', 'expected at least one statement, got an empty array');
    else if (list.length > limits.maxStatements) {
      problems.add('Statement', `${list.length} statements exceed the limit of ${limits.maxStatements} (limit maxStatements)`);
    } else {
      const sids = new Map<string, string>();
      list.forEach((s, i) => {
        const path = Array.isArray(raw) ? `Statement[${i}]` : 'Statement';
        const parsed = parseStatement(s, i, path, version, problems, limits);
        if (parsed?.sid !== undefined && parsed.sid !== '') {
          const first = sids.get(parsed.sid);
          if (first !== undefined) problems.add(`${path}.Sid`, `duplicate Sid "${parsed.sid}" (also used by ${first}); expected unique Sids`);
          else sids.set(parsed.sid, path);
        }
        if (parsed) statements.push(parsed);
      });
    }
  }
  if (problems.list.length > 0) return undefined;
  const policy: ParsedPolicy = {
    ...(id === undefined ? {} : { id }),
    version,
    statements: Object.freeze(statements),
    ...(label === undefined ? {} : { source: label }),
  };
  return Object.freeze(policy);
}

/**
 * Parses and validates an identity policy given as JSON text or as an already-parsed object.
 *
 * @throws PolicyParseError listing every problem with its JSON path, e.g.
 *   `Statement[2].Condition.StringEquals: unknown condition operator ...`. Nothing else is thrown.
 */
export function parsePolicy(doc: string | unknown, options?: ParseOptions): ParsedPolicy {
  const label = options?.label;
  if (isParsedPolicy(doc)) return label === undefined || doc.source === label ? doc : relabel(doc, label);
  const limits = resolveLimits(options?.limits);
  const problems = new Problems(Math.max(1, limits.maxProblems));
  try {
    let value: unknown = doc;
    if (typeof doc === 'string') {
      if (doc.length > limits.maxDocumentLength) {
        throw new PolicyParseError(
          [{ path: '(document)', message: `document is larger than ${limits.maxDocumentLength} characters (limit maxDocumentLength)` }],
          label,
        );
      }
      try {
        value = JSON.parse(doc);
      } catch (e) {
        throw new PolicyParseError([{ path: '(document)', message: `expected JSON text: ${(e as Error).message}` }], label);
      }
      const duplicates = duplicateKeys(doc, Math.max(1, limits.maxProblems));
      if (duplicates.length > 0) {
        throw new PolicyParseError(
          duplicates.map((d) => ({
            path: d.path,
            message: `duplicate key "${d.key}": an element must not contain multiple instances of the same key (JSON would silently keep the last)`,
          })),
          label,
        );
      }
    }
    const shape = checkShape(value, limits);
    if (shape !== undefined) throw new PolicyParseError([shape], label);
    if (!isPlainObject(value)) throw new PolicyParseError([{ path: '(document)', message: `expected a policy object, got ${describe(value)}` }], label);
    const policy = parseDocument(value, problems, limits, label);
    if (policy === undefined) throw new PolicyParseError(problems.list, label);
    parsedPolicies.add(policy);
    return policy;
  } catch (e) {
    if (e instanceof PolicyParseError) throw e;
    if (e instanceof TooManyProblems) throw new PolicyParseError(problems.list, label);
    // A getter that throws, a Proxy, a stack overflow in JSON.parse: still the engine's own error.
    const message = e instanceof Error ? e.message : String(e);
    throw new PolicyParseError([{ path: '(document)', message: `could not be read: ${message}` }], label);
  }
}

function relabel(policy: ParsedPolicy, label: string): ParsedPolicy {
  const copy = Object.freeze({ ...policy, source: label });
  parsedPolicies.add(copy);
  return copy;
}
