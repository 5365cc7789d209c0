/**
 * `pinpoint-guard/policy`: the IAM identity-policy engine: parse, compile, evaluate, explain.
 *
 * @example
 * const decision = evaluate({ policies: [policyJson], action: 'mobiletargeting:GetSegment', resource: arn });
 * if (decision.decision !== 'Allow') console.log(decision.reason);
 */
export type {
  CompiledPolicySet,
  ContextValue,
  Decision,
  Effect,
  EvaluateOptions,
  EvaluationRequest,
  NearMiss,
  ParsedCondition,
  ParsedPolicy,
  ParsedStatement,
  PolicyInput,
  PolicySet,
  PolicyVersion,
  RequestContext,
  Requirement,
  SetOperator,
  StatementRef,
  UnknownKeys,
} from './types.js';
export { PolicyParseError, type PolicyProblem } from './errors.js';
export { DEFAULT_POLICY_LIMITS, type PolicyLimits } from './limits.js';
export { isParsedPolicy, parsePolicy, type ParseOptions } from './parse.js';
export { compilePolicies, type CompileOptions } from './set.js';
export { evaluate } from './evaluate.js';
export { matchWildcard } from './wildcard.js';
export { matchArn } from './arn.js';
export { statementName, type StatementName } from './statement-name.js';
