/** Errors the guard raises before anything is sent. */
import { statementName, type Decision, type Requirement, type StatementRef } from '../policy/index.js';

/** The configured policies do not allow the call; nothing was sent. */
export class AccessDeniedError extends Error {
  readonly operation: string;
  readonly action: string;
  readonly resource: string;
  readonly decision: Decision['decision'];
  readonly reason: string;
  readonly statements: readonly StatementRef[];
  constructor(operation: string, action: string, resource: string, decision: Decision) {
    super(`${operation} denied: ${decision.reason}`);
    this.name = 'AccessDeniedError';
    this.operation = operation;
    this.action = action;
    this.resource = resource;
    this.decision = decision.decision;
    this.reason = decision.reason;
    this.statements = decision.matchedStatements;
  }
}

const clauses = (reqs: readonly Requirement[]): string => reqs.map((r) => `${r.text} (${statementName(r.statement)})`).join('; ');

/** The sentence of an uncertain decision: which keys, what would allow or deny, how to supply them. */
function uncertainMessage(operation: string, decision: Decision): string {
  const keys = decision.dependsOn;
  const allows = decision.requirements.filter((r) => r.effect === 'Allow');
  const denies = decision.requirements.filter((r) => r.effect === 'Deny');
  const supply = keys.map((k) => `'${k}': …`).join(', ');
  return [
    `${operation} not sent: the decision depends on ${keys.join(', ')}, which the guard cannot see from inside the app.`,
    ...(allows.length ? [`Allowed if: ${clauses(allows)}.`] : []),
    ...(denies.length ? [`Denied if: ${clauses(denies)}.`] : []),
    `Supply the value${keys.length === 1 ? '' : 's'} if you know ${keys.length === 1 ? 'it' : 'them'} (client config or call options: context: { ${supply} }), or set whenUncertain: 'send' to let AWS decide.`,
  ].join(' ');
}

/**
 * The decision depends on condition keys the guard cannot see (`decision.dependsOn`), and the client is configured with
 * `whenUncertain: 'deny'` (the default): nothing was sent. An `AccessDeniedError`, so code that handles denials handles
 * it; `requirements` says what each key must satisfy.
 */
export class UncertainDecisionError extends AccessDeniedError {
  readonly dependsOn: readonly string[];
  readonly requirements: readonly Requirement[];
  constructor(operation: string, action: string, resource: string, decision: Decision) {
    super(operation, action, resource, decision);
    this.name = 'UncertainDecisionError';
    this.message = uncertainMessage(operation, decision);
    this.dependsOn = decision.dependsOn;
    this.requirements = decision.requirements;
  }
}

/** The call's operation is on a resource AWS retired on 2026-10-30, and the client is configured with `lifecycle: 'error'`. */
export class EndOfSupportError extends Error {
  readonly operation: string;
  readonly reason: string;
  constructor(operation: string, reason: string) {
    super(`${operation} is past Amazon Pinpoint's end of support (2026-10-30): ${reason}. Nothing was sent.`);
    this.name = 'EndOfSupportError';
    this.operation = operation;
    this.reason = reason;
  }
}

/** The account id the ARNs need could not be known, so the guard cannot decide: the call fails closed. */
export class AccountResolutionError extends Error {
  constructor(detail: string) {
    super(`cannot determine the AWS account id for the guard's ARNs (${detail}); set accountId in the client config`);
    this.name = 'AccountResolutionError';
  }
}
