/**
 * The condition operator table and the rules shared by every operator: `...IfExists`,
 * `ForAllValues:`/`ForAnyValue:`, missing keys, several policy values (ORed, NORed for the `Not`
 * operators) and multivalued request keys.
 *
 * Rules, as the IAM condition-operator and multivalued-key pages document them:
 * - Missing key: false, except `Not` operators (true), `...IfExists` (true) and `ForAllValues`
 *   (true); `ForAnyValue` is false. An empty list counts as missing; for the set operators and
 *   `Null`, so does a null data set such as an empty string.
 * - `ForAllValues`: every request value satisfies the operator; `ForAnyValue`: at least one does.
 * - A policy value whose variable has no value matches nothing ("there is no equal or like
 *   value"), so a `Not` operator holds over it.
 * - A request value that cannot be read as the operator's type (not a number for Numeric, not an
 *   IP address for IpAddress, ...) matches no policy value: a positive operator does not hold, a
 *   `Not` operator does.
 * - No set operator on a multivalued key: a positive operator holds when any request value
 *   matches any policy value; a `Not` operator holds when none does (the complement), which is
 *   what IAM does and why its docs ask for a set operator instead.
 * - A key (or a variable in a value) whose value cannot be seen makes the entry UNKNOWN.
 */
import { EMPTY_CONTEXT, type ContextView } from '../context.js';
import { UNKNOWN, type Truth } from '../truth.js';
import type { Effect, ParsedCondition, PolicyVersion, SetOperator } from '../types.js';
import { parseTemplate, resolveTemplate, type Template } from '../variables.js';
import { arnOperators } from './arn.js';
import { binaryOperators } from './binary.js';
import { boolOperators } from './bool.js';
import { dateOperators } from './date.js';
import { ipOperators } from './ip.js';
import { nullOperators } from './null.js';
import { numericOperators } from './numeric.js';
import type { ConditionOperator, PolicyValue } from './operator.js';
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
const isSetPrefixed = (lower: string): boolean => lower.startsWith('forallvalues:') || lower.startsWith('foranyvalue:');

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
  // At most one set operator: IAM defines no `ForAllValues:ForAnyValue:` (nor the reverse), and
  // reading one of the two would pick a meaning the author may not have meant.
  for (const [prefix, name] of SET_PREFIXES) {
    if (!rest.startsWith(prefix)) continue;
    setOperator = name;
    rest = rest.slice(prefix.length);
    break;
  }
  if (setOperator !== undefined && isSetPrefixed(rest)) {
    return `unknown condition operator "${written}": an operator takes at most one set operator (ForAllValues: or ForAnyValue:), e.g. ForAnyValue:StringEquals`;
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

/**
 * Whether policy variables are substituted in the operator's values: only in `2012-10-17`
 * policies, and only for the string and ARN operators ("You can't use a policy variable with
 * other operators, such as Numeric, Date, Boolean, Binary, IP Address, or Null operators"). The
 * condition-operator page lists Boolean as supporting them, so Bool substitutes them in its wider
 * reading only: a Deny's Bool matches if either reading does, an Allow's only if both do.
 */
function allowsVariables(op: ConditionOperator, version: PolicyVersion, narrow: boolean): boolean {
  return version === '2012-10-17' && (op.variables === true || (op.variables === 'wider' && !narrow));
}

/**
 * Checks one policy value for an operator; returns what was expected when it is invalid. A value
 * holding a policy variable is checked once substituted; where the operator does not substitute
 * it, the text is compared as written and matches nothing (the statement is not rejected).
 */
export function validateValue(op: ConditionOperator, value: string, version: PolicyVersion): string | undefined {
  if (parseTemplate(value, true).variables.length > 0) return undefined;
  const resolved = resolveTemplate(parseTemplate(value, false), EMPTY_CONTEXT);
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
  /** The operator's `prepare` in the reading this statement needs (see compileCondition). */
  readonly prepare: (value: PolicyValue) => unknown;
  readonly values: readonly CompiledValue[];
  /** Prepared values when none has variables, to avoid per-request work. */
  readonly staticValues?: readonly unknown[];
  /** Lower-cased keys this condition reads, including those of its variables. */
  readonly readsKeys: readonly string[];
}

/**
 * Compiles one condition entry of a statement with the given effect. Where the operator reads two
 * ways, an Allow must hold under both readings and a Deny under either: a positive operator holds
 * more often the more values match, a `Not` operator less often, so an Allow's positive operator
 * and a Deny's `Not` operator take the narrower reading, the others the wider one.
 */
export function compileCondition(c: ParsedCondition, version: PolicyVersion, effect: Effect): CompiledCondition {
  const spec = lookupOperator(c.operator);
  if (typeof spec === 'string') throw new Error(spec); // parsePolicy has already rejected it
  const narrow = (effect === 'Allow') !== spec.op.negated;
  const { prepareNarrow } = spec.op;
  const prepare: (value: PolicyValue) => unknown = narrow && prepareNarrow !== undefined ? (v) => prepareNarrow(v) : (v) => spec.op.prepare(v);
  const readsKeys = new Set([c.key.toLowerCase()]);
  const values: CompiledValue[] = c.values.map((source) => {
    const template = parseTemplate(source, allowsVariables(spec.op, version, narrow));
    if (template.variables.length > 0) {
      for (const v of template.variables) readsKeys.add(v.toLowerCase());
      return { source, template };
    }
    const resolved = resolveTemplate(template, EMPTY_CONTEXT);
    return { source, prepared: resolved.ok ? prepare(resolved) : undefined };
  });
  const isStatic = values.every((v) => v.template === undefined);
  return {
    operator: c.operator,
    key: c.key,
    lowerKey: c.key.toLowerCase(),
    spec,
    prepare,
    values,
    ...(isStatic ? { staticValues: values.map((v) => v.prepared) } : {}),
    readsKeys: [...readsKeys],
  };
}

/** Collects context keys the evaluation needed but did not find. */
export interface MissingKeys {
  add(key: string): void;
}

/** The prepared values (undefined where one matches nothing), or UNKNOWN when one depends on an unknown key. */
function prepareValues(cond: CompiledCondition, context: ContextView, missing: MissingKeys | undefined): readonly unknown[] | typeof UNKNOWN {
  if (cond.staticValues !== undefined) return cond.staticValues;
  const out: unknown[] = [];
  let unknown = false;
  for (const v of cond.values) {
    if (v.template === undefined) {
      out.push(v.prepared);
      continue;
    }
    const resolved = resolveTemplate(v.template, context);
    if (resolved.ok) out.push(cond.prepare(resolved));
    else {
      for (const name of resolved.missing) missing?.add(name);
      if (resolved.unknown.length > 0) unknown = true;
      out.push(undefined);
    }
  }
  return unknown ? UNKNOWN : out;
}

/** A null data set: no values, or only empty strings (the multivalued-keys page: "such as an empty string"). */
function isNullSet(values: readonly string[] | undefined): boolean {
  if (values === undefined) return true;
  for (const v of values) if (v !== '') return false;
  return true;
}

function anyMatch(op: ConditionOperator, contextValue: string, prepared: readonly unknown[]): boolean {
  for (const p of prepared) if (p !== undefined && op.test(contextValue, p)) return true;
  return false;
}

/**
 * An entry whose key is unknown: UNKNOWN, unless no policy value can match anything (each has a
 * variable with no value), when the answer is the same for every value the key may have — or
 * its absence: positive operators fail, `Not` operators hold; `IfExists` and `ForAllValues` hold
 * on absence, so they stay UNKNOWN for a positive operator, and so does `ForAnyValue` with a `Not`.
 */
function overUnknownKey(cond: CompiledCondition, context: ContextView, missing: MissingKeys | undefined): Truth {
  const prepared = prepareValues(cond, context, missing);
  if (prepared === UNKNOWN || prepared.some((p) => p !== undefined)) return UNKNOWN;
  const { op, setOperator, ifExists } = cond.spec;
  const holdsWhenPresent = op.negated;
  const holdsWhenAbsent = ifExists || setOperator === 'ForAllValues' || (setOperator === undefined && op.negated);
  return holdsWhenPresent === holdsWhenAbsent ? holdsWhenPresent : UNKNOWN;
}

/**
 * Evaluates one condition entry against the request context: UNKNOWN when its key, or a variable
 * in one of its values, is unknown and not supplied — whatever the value, the answer could be
 * either, so it is left to the caller to stay sound.
 */
export function evaluateCondition(cond: CompiledCondition, context: ContextView, missing?: MissingKeys): Truth {
  const { op, setOperator, ifExists } = cond.spec;
  let present = context.get(cond.lowerKey);
  if (present === undefined && context.unknown(cond.lowerKey)) {
    // A Null whose every value is a literal `${...}` (no variables in Null) matches nothing, whatever the key is.
    if (op.presence === true) return cond.values.some((v) => v.prepared !== undefined) ? UNKNOWN : false;
    return overUnknownKey(cond, context, missing);
  }
  if (op.presence === true) {
    const absent = isNullSet(present);
    return cond.values.some((v) => v.prepared === absent);
  }
  if (setOperator !== undefined && isNullSet(present)) present = undefined;
  if (present === undefined) {
    if (ifExists || setOperator === 'ForAllValues') return true;
    missing?.add(cond.key);
    return setOperator === undefined && op.negated;
  }
  const prepared = prepareValues(cond, context, missing);
  if (prepared === UNKNOWN) return UNKNOWN;
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

/** Says so when a policy value holds a variable the operator does not substitute (it then matches nothing). */
function literalVariables(cond: CompiledCondition): string {
  const literal = cond.values.find((v) => v.template === undefined && v.prepared === undefined && parseTemplate(v.source, true).variables.length > 0);
  return literal === undefined
    ? ''
    : ` (policy variables are not substituted in ${cond.spec.op.name} here, so ${JSON.stringify(literal.source)} is compared as written and matches nothing)`;
}

function quoteList(values: readonly string[]): string {
  return values.length === 1 ? JSON.stringify(values[0]) : `any of ${values.map((v) => JSON.stringify(v)).join(', ')}`;
}

/** Says why a condition entry did not hold, for near-miss explanations. */
export function explainCondition(cond: CompiledCondition, context: ContextView): string {
  const { op, setOperator } = cond.spec;
  const head = `condition ${cond.operator} on ${cond.key}`;
  const given = context.get(cond.lowerKey);
  const literal = literalVariables(cond);
  if (op.presence === true) {
    const what = given === undefined ? 'absent' : isNullSet(given) ? 'a null data set (empty string)' : 'present';
    return `${head}: key is ${what}, policy requires Null ${quoteList(cond.values.map((v) => v.source))}${literal}`;
  }
  const present = setOperator !== undefined && isNullSet(given) ? undefined : given;
  if (given === undefined && context.unknown(cond.lowerKey)) {
    return `${head}: key ${cond.key} is unknown here, but no policy value can match whatever it is (a policy variable has no value)`;
  }
  if (present === undefined) {
    const what = given === undefined ? 'is missing from the request context' : 'resolves to a null data set (empty string)';
    return `${head}: key ${cond.key} ${what}${setOperator === 'ForAnyValue' ? ' (ForAnyValue needs at least one value)' : ''}`;
  }
  const unresolved = new Set<string>();
  const values = prepareValues(cond, context, { add: (k) => unresolved.add(k) });
  if (values === UNKNOWN) return `${head}: a policy value depends on a key whose value is unknown`;
  const prepared = values;
  const policy = quoteList(cond.values.map((v) => v.source));
  const shown = present.length === 1 ? JSON.stringify(present[0]) : JSON.stringify(present);
  const vars = unresolved.size > 0 ? ` (policy variable ${[...unresolved].map((k) => `\${${k}}`).join(', ')} has no value)` : '';
  const invalid = literal !== '' ? literal : prepared.some((p) => p === undefined) && unresolved.size === 0 ? ' (a substituted policy value is not valid for the operator)' : '';
  const { requestValue } = op;
  const invalidRequest = requestValue === undefined || op.negated ? undefined : present.find((c) => !requestValue.valid(c));
  if (requestValue !== undefined && invalidRequest !== undefined) {
    return `${head}: request value ${JSON.stringify(invalidRequest)} is not ${requestValue.noun}, so it matches no policy value and ${op.name} does not hold`;
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

/** What a condition over unknown keys requires, for a Conditional decision's requirements. */
export interface ConditionRequirement {
  /** The policy values, with the variables whose values are known substituted. */
  readonly values: readonly string[];
  readonly text: string;
  /** The unknown keys it depends on, as the policy spells them: its key and/or variables. */
  readonly dependsOn: readonly string[];
}

function shownValues(cond: CompiledCondition, context: ContextView, unknownVars: string[]): string[] {
  return cond.values.map((v) => {
    if (v.template === undefined) return v.source;
    const resolved = resolveTemplate(v.template, context);
    if (resolved.ok) return resolved.text;
    unknownVars.push(...resolved.unknown);
    return v.source;
  });
}

/**
 * The requirement an entry that evaluated UNKNOWN states, in plain words: `aws:SourceIp in
 * 10.0.0.0/8`, `aws:PrincipalTag/team does not equal any of dev, ops`, `aws:TokenIssueTime is
 * absent`.
 */
export function conditionRequirement(cond: CompiledCondition, context: ContextView): ConditionRequirement {
  const { op, setOperator, ifExists } = cond.spec;
  const unknownVars: string[] = [];
  const values = shownValues(cond, context, unknownVars);
  const keyUnknown = context.get(cond.lowerKey) === undefined && context.unknown(cond.lowerKey);
  const dependsOn = [...(keyUnknown ? [cond.key] : []), ...unknownVars];
  if (op.presence === true) {
    const absent = values.every((v) => v.toLowerCase() === 'true');
    return { values, dependsOn, text: `${cond.key} ${absent ? 'is absent' : 'is present'}` };
  }
  const list = values.length === 1 ? values[0] : `${op.negated ? 'any' : 'one'} of ${values.join(', ')}`;
  const subject = setOperator === 'ForAllValues' ? `every value of ${cond.key}` : setOperator === 'ForAnyValue' ? `some value of ${cond.key}` : cond.key;
  const absent = ifExists ? `, or ${cond.key} is absent` : setOperator === 'ForAllValues' ? `, or ${cond.key} has no value` : '';
  return { values, dependsOn, text: `${subject} ${op.says} ${list}${absent}` };
}
