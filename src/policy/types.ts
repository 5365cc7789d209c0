/**
 * Public data shapes of the policy engine. Everything here is plain, readonly data so that
 * decisions can be cached, logged and compared without defensive copies.
 */

/** The effect of a policy statement. */
export type Effect = 'Allow' | 'Deny';

/**
 * One request-context value. IAM compares booleans, numbers and dates as strings, so the caller
 * passes them as strings too; an array is a multivalued key (e.g. `aws:TagKeys`).
 */
export type ContextValue = string | readonly string[];

/** Request context keyed by condition key. Key names are case-insensitive, as in IAM. */
export type RequestContext = Readonly<Record<string, ContextValue | undefined>>;

/** The two policy language versions IAM knows; only `2012-10-17` has policy variables. */
export type PolicyVersion = '2012-10-17' | '2008-10-17';

/** Set operator prefix of a condition operator. */
export type SetOperator = 'ForAllValues' | 'ForAnyValue';

/** One `operator: { key: values }` entry of a statement's `Condition` block. */
export interface ParsedCondition {
  /** The operator as written in the policy, e.g. `ForAnyValue:StringLikeIfExists`. */
  readonly operator: string;
  /** Canonical base operator name, e.g. `StringLike`. */
  readonly baseOperator: string;
  readonly setOperator?: SetOperator;
  readonly ifExists: boolean;
  /** The condition key as written in the policy. */
  readonly key: string;
  /** Policy values, converted to strings as IAM does for numbers and booleans. */
  readonly values: readonly string[];
}

/** A validated statement. Exactly one of `action`/`notAction` and of `resource`/`notResource` is set. */
export interface ParsedStatement {
  /** Position in the policy's `Statement` array (0 when `Statement` is a single object). */
  readonly index: number;
  readonly sid?: string;
  readonly effect: Effect;
  readonly action?: readonly string[];
  readonly notAction?: readonly string[];
  readonly resource?: readonly string[];
  readonly notResource?: readonly string[];
  readonly conditions: readonly ParsedCondition[];
}

/** A validated identity policy, as returned by `parsePolicy`. */
export interface ParsedPolicy {
  readonly id?: string;
  readonly version: PolicyVersion;
  readonly statements: readonly ParsedStatement[];
  /** A label for explanations, e.g. a file name. */
  readonly source?: string;
}

/** A parsed policy, or the raw JSON text or object of one. */
export type PolicyInput = ParsedPolicy | string | object;

/** The policies that together decide a request. */
export interface PolicySet {
  /** Identity-based policies of the principal; an allow in any of them suffices. */
  readonly policies: readonly PolicyInput[];
  /** When given, an allow is also needed here. */
  readonly permissionsBoundary?: PolicyInput;
  /** Levels from the organization root down to the account; each level needs an allow from one of its policies. */
  readonly serviceControlPolicies?: readonly (readonly PolicyInput[])[];
  /** When given, an allow is also needed here. */
  readonly sessionPolicy?: PolicyInput;
}

/** A request to decide, with the policies to decide it by. */
export interface EvaluationRequest extends PolicySet {
  readonly action: string;
  readonly resource: string;
  readonly context?: RequestContext;
}

/** Points at one statement of one policy in a policy set. */
export interface StatementRef {
  /** `identity[0]`, `permissionsBoundary`, `scp[1][0]`, `session`, or the policy's label when it has one. */
  readonly policy: string;
  readonly index: number;
  readonly sid?: string;
  readonly effect: Effect;
}

/** A statement that would have applied but for one part. */
export interface NearMiss extends StatementRef {
  readonly failed: 'action' | 'resource' | 'condition';
  readonly detail: string;
}

/**
 * The outcome of an evaluation, with its explanation. An ImplicitDeny may write `reason` and
 * `nearMisses` on first read (own enumerable getters, so JSON and copies include them); the
 * values never change once read.
 */
export interface Decision {
  readonly decision: 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';
  readonly reason: string;
  /** The deciding statements: the denies for ExplicitDeny, the allows of every required policy for Allow. */
  readonly matchedStatements: readonly StatementRef[];
  /** For ImplicitDeny: allow statements that matched the action but failed on resource or condition. */
  readonly nearMisses: readonly NearMiss[];
  /** Context keys that conditions or policy variables needed but the request did not carry. */
  readonly missingContextKeys: readonly string[];
}

/** A policy set turned into matchers once, to decide many requests. */
export interface CompiledPolicySet {
  evaluate(action: string, resource: string, context?: RequestContext): Decision;
}
