/**
 * The one interface every condition operator implements. An operator only states the positive
 * relation between one request value and one policy value; negation, `IfExists`, set operators,
 * missing keys and the OR/NOR over several values are the same for every family and live once in
 * `conditions/index.ts`.
 */
import type { GlobToken } from '../wildcard.js';

/** A policy value after variable substitution: text for plain comparisons, tokens for globs. */
export interface PolicyValue {
  readonly text: string;
  readonly tokens: readonly GlobToken[];
}

export interface ConditionOperator<P = unknown> {
  /** Canonical name, e.g. `StringNotLike`. */
  readonly name: string;
  /** True for the `Not` operators: the condition holds when no policy value matches. */
  readonly negated: boolean;
  /** The positive relation in an explanation, e.g. `equals`, `is like`. */
  readonly verb: string;
  /** The relation this operator (negation included) requires, in a requirement's text: `in`, `is not in`. */
  readonly says: string;
  /**
   * Whether policy variables are substituted in its values (string and ARN operators); `wider`
   * where the pages disagree: substituted in the wider reading only (see `compileCondition`).
   */
  readonly variables?: boolean | 'wider';
  /** What a policy value must look like, for parse errors. */
  readonly expects: string;
  /**
   * What a request value must be for this operator (e.g. `a number`), for families whose request
   * values have a syntax. A request value that is not one makes the condition false whatever the
   * polarity: a `Not` operator must not hold just because the value could not be compared.
   */
  readonly requestValue?: { readonly noun: string; valid(contextValue: string): boolean };
  /** Null checks presence of the key rather than comparing values. */
  readonly presence?: boolean;
  /** Converts a policy value once; undefined when it is not a valid value for this operator. */
  prepare(value: PolicyValue): P | undefined;
  /**
   * Where AWS's pages read the operator two ways, `prepare` gives the wider reading (more request
   * values match) and this the narrower; the statement's effect and the operator's polarity pick
   * the one that is safe (see `compileCondition`).
   */
  prepareNarrow?(value: PolicyValue): P | undefined;
  /** The positive relation between one request value and one prepared policy value. */
  test(contextValue: string, policyValue: P): boolean;
}

/** Builds an operator and its negation from one positive relation. */
export function withNegation<P>(
  positive: Omit<ConditionOperator<P>, 'negated'>,
  negatedName: string,
  negatedSays: string,
): [ConditionOperator<P>, ConditionOperator<P>] {
  return [
    { ...positive, negated: false },
    { ...positive, name: negatedName, negated: true, says: negatedSays },
  ];
}

/** The verbs an ordered family (Numeric, Date) uses in explanations. */
export interface OrderVerbs { readonly equals: string; readonly notEquals: string; readonly less: string; readonly lessOrEqual: string; readonly greater: string; readonly greaterOrEqual: string }

/**
 * The six operators of an ordered family — `<Family>Equals`, `NotEquals`, `LessThan`, `LessThanEquals`, `GreaterThan`,
 * `GreaterThanEquals` — over values the family's parser turns into numbers. A request value that does not parse
 * matches nothing, and makes the condition false (see `requestValue`).
 */
export function orderedFamily(
  family: string,
  parse: (text: string) => number | undefined,
  expects: string,
  verbs: OrderVerbs,
  requestNoun: string,
): readonly ConditionOperator<never>[] {
  const requestValue = { noun: requestNoun, valid: (c: string) => parse(c) !== undefined };
  const relation = (suffix: string, verb: string, holds: (c: number, p: number) => boolean): Omit<ConditionOperator<number>, 'negated'> => ({
    name: `${family}${suffix}`,
    verb,
    says: verb,
    expects,
    requestValue,
    prepare: (v) => parse(v.text),
    test: (c, p) => {
      const n = parse(c);
      return n !== undefined && holds(n, p);
    },
  });
  const positive = (suffix: string, verb: string, holds: (c: number, p: number) => boolean): ConditionOperator<number> => ({ ...relation(suffix, verb, holds), negated: false });
  return [
    ...withNegation(relation('Equals', verbs.equals, (c, p) => c === p), `${family}NotEquals`, verbs.notEquals),
    positive('LessThan', verbs.less, (c, p) => c < p),
    positive('LessThanEquals', verbs.lessOrEqual, (c, p) => c <= p),
    positive('GreaterThan', verbs.greater, (c, p) => c > p),
    positive('GreaterThanEquals', verbs.greaterOrEqual, (c, p) => c >= p),
  ] as readonly ConditionOperator[] as readonly ConditionOperator<never>[];
}
