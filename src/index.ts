/**
 * pinpoint-guard: a typed Amazon Pinpoint client whose every call is checked against your IAM policies before it
 * leaves the process, plus dry-run permission tooling. Generated from a catalog of every documented action.
 */
export { PinpointClient } from '../generated/client.js';
export * from '../generated/client.js';
export { operations, actions, legacyActionNames, type OperationName, type PinpointAction, type SupportedOperationName, type EndOfSupportOperationName } from '../generated/operations.js';
export type * from '../generated/shapes.js';
export type { OperationSpec, ActionSpec, QuerySpec, LifecycleSpec, LifecycleStatus, AccessLevel, HttpMethod } from './client/spec.js';
export type {
  ClientConfig, ClientConfigBase, IdentityPolicyConfig, PrincipalConfig, PrincipalToLoad, CallOptions, CallResult, Credentials, CredentialProvider, DryRunResult, GuardMode, Logger, PreparedRequest, RecordedCall,
  ResponseMetadata, RetryConfig,
} from './client/types.js';
export { defaultEndpoint } from './client/base.js';
export { DEFAULT_MAX_RESPONSE_BYTES } from './client/send.js';
export { fromEnvironment } from './client/credentials.js';
export * from './errors/index.js';
export * from './policy/index.js';
export { buildArn, partitionFor, parseArn, type Partition } from './resource/arn.js';
export * from './tooling/index.js';
export * from './principal/index.js';
