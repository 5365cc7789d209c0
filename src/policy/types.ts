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

/**
 * A parsed policy, or the raw JSON text or object of one. A ParsedPolicy counts as parsed only when
 * `parsePolicy` returned it (see `isParsedPolicy`): any other object, even one of the same shape,
 * is read as an IAM policy document. Text is checked for duplicate keys, which an object cannot show.
 */
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

/**
 * Condition keys whose values the caller cannot see (e.g. `aws:SourceIp` as AWS sees it, after
 * NAT): case-insensitive names, and an entry ending in `/*` (`aws:ResourceTag/*`) names every
 * key with that prefix. A key the request context carries is known even when listed here; a key
 * neither carried nor listed is known to be absent. Pass the same (frozen) array on every call:
 * its compiled matcher is kept per array.
 */
export type UnknownKeys = readonly string[];

/** Per-call options of `CompiledPolicySet.evaluate`. */
export interface EvaluateOptions {
  /** Keys whose values the caller cannot see; a decision that depends on them is `Conditional`. */
  readonly unknownKeys?: UnknownKeys;
}

/** A request to decide, with the policies to decide it by. */
export interface EvaluationRequest extends PolicySet {
  readonly action: string;
  readonly resource: string;
  readonly context?: RequestContext;
  /** Keys whose values the caller cannot see; a decision that depends on them is `Conditional`. */
  readonly unknownKeys?: UnknownKeys;
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
 * What an unknown key must satisfy for one statement that could decide a `Conditional` request:
 * for an Allow statement, what must hold for it to allow; for a Deny statement, what would make
 * it deny.
 */
export interface Requirement {
  /** The condition key as the policy spells it (for a Resource pattern: the variable in it). */
  readonly key: string;
  /** The operator as written, e.g. `NotIpAddress`; `Resource`/`NotResource` for a resource pattern. */
  readonly operator: string;
  /** The policy values, with the variables whose values are known substituted. */
  readonly values: readonly string[];
  readonly effect: Effect;
  readonly statement: StatementRef;
  /** In plain words, e.g. `aws:SourceIp in 10.0.0.0/8`. */
  readonly text: string;
}

/**
 * The outcome of an evaluation, with its explanation. An ImplicitDeny may write `reason` and
 * `nearMisses` on first read (own enumerable getters, so JSON and copies include them); the
 * values never change once read.
 */
export interface Decision {
  /**
   * `Allow` and `ExplicitDeny` hold whatever the values of the unknown keys. `ImplicitDeny`: no
   * value of the unknown keys allows (when a Deny statement also depends on unknown keys, AWS may
   * report the deny as explicit). `Conditional`: whether it is allowed depends on the unknown keys
   * named in `dependsOn`, as `requirements` spell out.
   */
  readonly decision: 'Allow' | 'ExplicitDeny' | 'ImplicitDeny' | 'Conditional';
  /**
   * Why, in plain words, naming the deciding statements (`identity[0] "Read" allows … on …`, `no statement allows …`);
   * the decision itself is in `decision`, so the reason does not repeat it.
   */
  readonly reason: string;
  /** The deciding statements: the denies for ExplicitDeny, the allows of every required policy for Allow. */
  readonly matchedStatements: readonly StatementRef[];
  /** For ImplicitDeny: allow statements that matched the action but failed on resource or condition. */
  readonly nearMisses: readonly NearMiss[];
  /** Context keys that conditions or policy variables needed but the request did not carry. */
  readonly missingContextKeys: readonly string[];
  /** For Conditional: the unknown keys the decision depends on, as the policies spell them. */
  readonly dependsOn: readonly string[];
  /** For Conditional: per deciding statement, what each unknown key must satisfy. */
  readonly requirements: readonly Requirement[];
}

/** A policy set turned into matchers once, to decide many requests. */
export interface CompiledPolicySet {
  /**
   * Decides one request, with the explanation; never throws (an internal failure is an
   * ImplicitDeny carrying the reason).
   *
   * Decisions are cached per action and resource under the values of the context keys the
   * statements read; a resource is cached from its second request on, so a stream of resources
   * that never repeat costs no memory. A cached decision is shared between calls and frozen;
   * treat every decision as read-only.
   */
  evaluate(action: string, resource: string, context?: RequestContext, options?: EvaluateOptions): Decision;
}
