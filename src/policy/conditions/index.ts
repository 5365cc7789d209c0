/**
 * The condition operator table and the rules shared by every operator: `...IfExists`,
 * `ForAllValues:`/`ForAnyValue:`, missing keys, several policy values (ORed, NORed for the `Not`
 * operators) and multivalued request keys.
 *
 * Rules, as the IAM condition-operator and multivalued-key pages document them:
 * - Missing key: false, except `Not` operators (true), `...IfExists` (true) and `ForAllValues`
 *   (true); `ForAnyValue` is false. An empty list counts as missing.
 * - `ForAllValues`: every request value satisfies the operator; `ForAnyValue`: at least one does.
 * - A policy value whose variable has no value matches nothing; with a `Not` operator the
 *   condition then does not hold, since "matches none of the values" cannot be shown.
 * - A request value that is not valid for the operator's family (not a number for Numeric, not
 *   an IP address for IpAddress, ...) makes the condition false, `Not` operators included.
 * - No set operator on a multivalued key: a positive operator holds when any request value
 *   matches any policy value; a `Not` operator holds when none does (the complement), which is
 *   what IAM does and why its docs ask for a set operator instead.
 */
import { EMPTY_CONTEXT, type ContextView } from '../context.js';
import type { ParsedCondition, PolicyVersion, SetOperator } from '../types.js';
import { parseTemplate, resolveTemplate, type Template } from '../variables.js';
import { arnOperators } from './arn.js';
import { binaryOperators } from './binary.js';
import { boolOperators } from './bool.js';
import { dateOperators } from './date.js';
import { ipOperators } from './ip.js';
import { nullOperators } from './null.js';
import { numericOperators } from './numeric.js';
import type { ConditionOperator } from './operator.js';
import { stringOperators } from './string.js';

export type { ConditionOperator, PolicyValue } from './operator.js';

const OPERATORS: ReadonlyMap<string, ConditionOperator> = new Map(
  [
    ...stringOperators,
    ...numericOperators,
    ...dateOperators,
    ...boolOperators,
    ...binaryOperators,
    ...ipOperators,
    ...arnOperators,
    ...nullOperators,
  ].map((op) => [op.name.toLowerCase(), op as ConditionOperator]),
);

const SET_PREFIXES: readonly (readonly [string, SetOperator])[] = [
  ['forallvalues:', 'ForAllValues'],
  ['foranyvalue:', 'ForAnyValue'],
];
const IF_EXISTS = 'ifexists';

/** A resolved operator name. */
export interface OperatorSpec {
  readonly op: ConditionOperator;
  readonly setOperator?: SetOperator;
  readonly ifExists: boolean;
}

/** Looks an operator up case-insensitively; returns an error message when it is unknown. */
export function lookupOperator(written: string): OperatorSpec | string {
  let rest = written.toLowerCase();
  let setOperator: SetOperator | undefined;
  for (const [prefix, name] of SET_PREFIXES) {
    if (rest.startsWith(prefix)) {
      setOperator = name;
      rest = rest.slice(prefix.length);
    }
  }
  let op = OPERATORS.get(rest);
  let ifExists = false;
  if (op === undefined && rest.endsWith(IF_EXISTS)) {
    op = OPERATORS.get(rest.slice(0, -IF_EXISTS.length));
    ifExists = true;
  }
  if (op === undefined) {
    return `unknown condition operator "${written}"; expected an IAM operator such as StringEquals, optionally with ForAllValues:/ForAnyValue: and IfExists`;
  }
  if (op.presence === true && (ifExists || setOperator !== undefined)) {
    return `"${written}": Null takes neither IfExists nor a set operator`;
  }
  return setOperator === undefined ? { op, ifExists } : { op, setOperator, ifExists };
}

/** Checks one policy value for an operator; returns what was expected when it is invalid. */
export function validateValue(op: ConditionOperator, value: string, version: PolicyVersion): string | undefined {
  const template = parseTemplate(value, version === '2012-10-17');
  if (template.variables.length > 0) return undefined; // checked once substituted
  const resolved = resolveTemplate(template, EMPTY_CONTEXT);
  return !resolved.ok || op.prepare(resolved) === undefined
    ? `expected ${op.expects}, got ${JSON.stringify(value)}`
    : undefined;
}

interface CompiledValue {
  readonly source: string;
  /** Set when the value has variables and must be prepared per request. */
  readonly template?: Template;
  /** The prepared value for a static one (undefined when invalid: it then matches nothing). */
  readonly prepared?: unknown;
}

/** A condition entry ready to evaluate. */
export interface CompiledCondition {
  readonly operator: string;
  readonly key: string;
  readonly lowerKey: string;
  readonly spec: OperatorSpec;
  readonly values: readonly CompiledValue[];
  /** Prepared values when none has variables, to avoid per-request work. */
  readonly staticValues?: readonly unknown[];
  /** Lower-cased keys this condition reads, including those of its variables. */
  readonly readsKeys: readonly string[];
}

export function compileCondition(c: ParsedCondition, version: PolicyVersion): CompiledCondition {
  const spec = lookupOperator(c.operator);
  if (typeof spec === 'string') throw new Error(spec); // parsePolicy has already rejected it
  const readsKeys = new Set([c.key.toLowerCase()]);
  const values: CompiledValue[] = c.values.map((source) => {
    const template = parseTemplate(source, version === '2012-10-17' && spec.op.presence !== true);
    if (template.variables.length > 0) {
      for (const v of template.variables) readsKeys.add(v.toLowerCase());
      return { source, template };
    }
    const resolved = resolveTemplate(template, EMPTY_CONTEXT);
    return { source, prepared: resolved.ok ? spec.op.prepare(resolved) : undefined };
  });
  const isStatic = values.every((v) => v.template === undefined);
  return {
    operator: c.operator,
    key: c.key,
    lowerKey: c.key.toLowerCase(),
    spec,
    values,
    ...(isStatic ? { staticValues: values.map((v) => v.prepared) } : {}),
    readsKeys: [...readsKeys],
  };
}

/** Collects context keys the evaluation needed but did not find. */
export interface MissingKeys {
  add(key: string): void;
}

function prepareValues(cond: CompiledCondition, context: ContextView, missing: MissingKeys | undefined): readonly unknown[] {
  if (cond.staticValues !== undefined) return cond.staticValues;
  return cond.values.map((v) => {
    if (v.template === undefined) return v.prepared;
    const resolved = resolveTemplate(v.template, context);
    if (!resolved.ok) {
      for (const name of resolved.missing) missing?.add(name);
      return undefined;
    }
    return cond.spec.op.prepare(resolved);
  });
}

function anyMatch(op: ConditionOperator, contextValue: string, prepared: readonly unknown[]): boolean {
  for (const p of prepared) if (p !== undefined && op.test(contextValue, p)) return true;
  return false;
}

/**
 * Evaluates one condition entry against the request context. `undecidable` is the answer when the entry cannot be
 * decided (a `Not` operator whose policy value cannot be resolved, a request value not valid for the operator): false
 * in an Allow statement and true in a Deny, so doubt never removes a Deny nor grants an Allow.
 */
export function evaluateCondition(cond: CompiledCondition, context: ContextView, missing?: MissingKeys, undecidable = false): boolean {
  const { op, setOperator, ifExists } = cond.spec;
  const present = context.get(cond.lowerKey);
  if (op.presence === true) {
    const absent = present === undefined;
    return cond.values.some((v) => v.prepared === absent);
  }
  if (present === undefined) {
    if (ifExists || setOperator === 'ForAllValues') return true;
    missing?.add(cond.key);
    return setOperator === undefined && op.negated;
  }
  const prepared = prepareValues(cond, context, missing);
  // A `Not` operator holds when no policy value matches; with a value that cannot be resolved
  // (or is not valid once substituted) that cannot be shown, so it does not hold.
  if (op.negated && prepared.includes(undefined)) return undecidable;
  if (op.requestValue !== undefined && !present.every(op.requestValue.valid)) return undecidable;
  if (setOperator === 'ForAllValues') {
    for (const c of present) if (anyMatch(op, c, prepared) === op.negated) return false;
    return true;
  }
  if (setOperator === 'ForAnyValue') {
    for (const c of present) if (anyMatch(op, c, prepared) !== op.negated) return true;
    return false;
  }
  for (const c of present) if (anyMatch(op, c, prepared)) return !op.negated;
  return op.negated;
}

function quoteList(values: readonly string[]): string {
  return values.length === 1 ? JSON.stringify(values[0]) : `any of ${values.map((v) => JSON.stringify(v)).join(', ')}`;
}

/** Says why a condition entry did not hold, for near-miss explanations. */
export function explainCondition(cond: CompiledCondition, context: ContextView): string {
  const { op, setOperator } = cond.spec;
  const head = `condition ${cond.operator} on ${cond.key}`;
  const present = context.get(cond.lowerKey);
  if (op.presence === true) {
    return `${head}: key is ${present === undefined ? 'absent' : 'present'}, policy requires Null ${quoteList(cond.values.map((v) => v.source))}`;
  }
  if (present === undefined) {
    return `${head}: key ${cond.key} is missing from the request context${setOperator === 'ForAnyValue' ? ' (ForAnyValue needs at least one value)' : ''}`;
  }
  const unresolved = new Set<string>();
  const prepared = prepareValues(cond, context, { add: (k) => unresolved.add(k) });
  const policy = quoteList(cond.values.map((v) => v.source));
  const shown = present.length === 1 ? JSON.stringify(present[0]) : JSON.stringify(present);
  const vars = unresolved.size > 0 ? ` (policy variable ${[...unresolved].map((k) => `\${${k}}`).join(', ')} has no value)` : '';
  const invalid = prepared.some((p) => p === undefined) && unresolved.size === 0 ? ' (a substituted policy value is not valid for the operator)' : '';
  const { requestValue } = op;
  const invalidRequest = requestValue === undefined ? undefined : present.find((c) => !requestValue.valid(c));
  if (requestValue !== undefined && invalidRequest !== undefined) {
    return `${head}: request value ${JSON.stringify(invalidRequest)} is not ${requestValue.noun}, so ${op.name} does not hold`;
  }
  if (op.negated && prepared.includes(undefined)) {
    const what = unresolved.size > 0 ? vars.slice(2, -1) : 'a substituted policy value is not valid for the operator';
    return `${head}: policy value ${policy} cannot be resolved (${what}), so ${op.name} cannot be shown to hold`;
  }
  let which = '';
  if (setOperator === 'ForAllValues' && present.length > 1) {
    const bad = present.find((c) => anyMatch(op, c, prepared) === op.negated);
    which = bad === undefined ? '' : `; request value ${JSON.stringify(bad)} fails`;
  }
  const failure = op.negated
    ? `request value ${shown} ${op.verb} ${policy}, which ${op.name} excludes`
    : `request value ${shown}; expected a value that ${op.verb} ${policy}`;
  return `${head}: ${failure}${which}${vars}${invalid}`;
}
