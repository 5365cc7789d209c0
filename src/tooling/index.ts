/**
 * `pinpoint-guard/tooling`: dry-run permission tooling: check one call, the permission matrix of a project, lint a policy, and generate the
 * least-privilege policy for recorded calls — all without sending a request.
 */
export { checkPermission, type CheckPermissionRequest, type CheckResult } from './check.js';
export type { PrincipalFacts } from './principal-facts.js';
export {
  permissionMatrix,
  PLACEHOLDER_ID,
  type MatrixCell,
  type MatrixGroup,
  type MatrixResources,
  type PermissionMatrix,
  type PermissionMatrixRequest,
} from './matrix.js';
export { lintPolicy, type EndOfSupportSeverity, type LintFinding, type LintOptions, type Severity } from './lint/index.js';
export {
  callProblems,
  generatePolicy,
  verifyPolicy,
  type CallProblem,
  type GeneratedPolicy,
  type GeneratePolicyRequest,
  type Granularity,
  type PolicyCall,
  type PolicyCheck,
  type PolicyDocument,
  type PolicyStatementDocument,
} from './generate.js';
export { lifecycleTable, type LifecycleRow } from './lifecycle.js';
export { diffPolicies, type DiffChange, type DiffNote, type DiffRequest, type DiffSide, type PolicyDiff } from './diff/index.js';
export { ToolingInputError } from './errors.js';
// The catalog the tooling reads: every operation and every IAM action (frozen), and the seed's legacy action names.
export { operations } from '../../generated/operations.js';
export { actions, legacyActionNames } from '../../generated/actions.js';
export type { OperationSpec, ActionSpec, QuerySpec, LifecycleSpec, LifecycleStatus, AccessLevel, HttpMethod } from '../client/spec.js';
export {
  checkSourcePolicy,
  MissingEnvironmentError,
  MissingPeerDependencyError,
  policyFromSource,
  sourceCheckReport,
  sourcePolicyReport,
  type CallSite,
  type ClientGroup,
  type ClientKind,
  type DeniedSourceCall,
  type FilledId,
  type SourceCall,
  type SourceCheckRequest,
  type SourceOptions,
  type Sourced,
  type SourcePolicy,
  type SourcePolicyCheck,
  type SourcePolicyRequest,
  type SourceStatement,
  type SourceWildcard,
  type UnresolvedCall,
  type UnusedGrant,
} from './source/index.js';
