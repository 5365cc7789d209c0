/** Errors the guard raises before anything is sent. */
import type { Decision, StatementRef } from '../policy/index.js';

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
