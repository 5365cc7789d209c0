/**
 * pinpoint-guard: a typed Amazon Pinpoint client whose every call is checked against your IAM policies before it
 * leaves the process. The root holds the client, its configuration, its errors and each operation's input and output
 * type; the rest lives in entries by job:
 *
 * - `pinpoint-guard/shapes`: the nested generated shapes, the `…Request`/`…Response` names and the SDK's
 *   `XCommandInput`/`XCommandOutput` names.
 * - `pinpoint-guard/policy`: the IAM policy engine (parse, compile, evaluate).
 * - `pinpoint-guard/tooling`: dry-run tooling (check, matrix, lint, diff, generate, from source) and the catalog tables.
 * - `pinpoint-guard/principal`: loading the caller's principal from IAM, verifying against AWS.
 * - `pinpoint-guard/aws-sdk`: the guard as a plugin of the AWS SDK's PinpointClient.
 * - `pinpoint-guard/testing` (and `pinpoint-guard/testing/msw`): an in-memory Pinpoint.
 */
export * from '../generated/client.js';
export type { OperationName, PinpointAction, SupportedOperationName, EndOfSupportOperationName } from '../generated/operations.js';
export type {
  ClientConfig, ClientConfigBase, IdentityPolicyConfig, PrincipalConfig, PrincipalToLoad, CallOptions, CallResult, Credentials, CredentialProvider, DryRunResult, GuardMode, Logger, PreparedRequest, RecordedCall,
  ResponseMetadata, RetryConfig,
} from './client/types.js';
export { defaultEndpoint } from './client/base.js';
export { DEFAULT_MAX_RESPONSE_BYTES } from './client/send.js';
export { fromEnvironment } from './client/credentials.js';
export { ValidationError } from './errors/validation.js';
export {
  PinpointServiceError, BadRequestException, ForbiddenException, NotFoundException, MethodNotAllowedException, ConflictException,
  PayloadTooLargeException, TooManyRequestsException, InternalServerErrorException,
} from './errors/service.js';
export { AccessDeniedError, UncertainDecisionError, EndOfSupportError, AccountResolutionError } from './errors/guard.js';
export { NetworkError, TimeoutError, AbortError, CredentialsError, InvalidResponseError, ResponseTooLargeError } from './errors/transport.js';
// Errors the client's constructor and first call can throw: a policy it cannot parse, a principal it cannot load.
export { PolicyParseError, type PolicyProblem } from './policy/errors.js';
export { PrincipalLoadError } from './principal/errors.js';
export type { Decision, PolicyInput } from './policy/types.js';
export { buildArn, partitionFor, parseArn, type Partition } from './resource/arn.js';
