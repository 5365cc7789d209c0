/**
 * `createIamMock()`: an emulated IAM and STS for testing a guard that loads its principal from IAM, without AWS.
 * It answers STS GetCallerIdentity and the IAM reads `loadPrincipal` makes (roles, users, groups, inline and managed
 * policies with versions, permissions boundaries, tags), plus SimulatePrincipalPolicy/SimulateCustomPolicy from
 * answers the test configures. Served through msw (`mock.handlers`) or over HTTP (`startIamMockServer`).
 */
import type { MswHandler } from '../msw-types.js';
import type { MockRequest, MockResponse } from '../handle.js';
import type { Simulator } from './actions.js';
import type { IamErrorCode } from './errors.js';
import { handleIam, type IamFaultSpec, type IamRecordedRequest } from './handle.js';
import { mswHandlers, type EndpointMatcher } from '../msw.js';
import { requestCap } from '../http.js';
import { buildState, type IamCallerConfig, type IamGroupConfig, type IamManagedPolicyConfig, type IamRoleConfig, type IamState, type IamUserConfig } from './state.js';

/**
 * IAM's and STS's public endpoints: `https://iam.amazonaws.com`, `https://sts.amazonaws.com`, the Regional
 * `https://sts.<region>.amazonaws.com`, and their China forms.
 */
export const IAM_STS_ORIGIN = /^https:\/\/(iam|sts)(\.[a-z]{2}(-[a-z]+)+-\d+)?\.amazonaws\.com(\.cn)?$/;

/** Options of {@link createIamMock}. */
export interface IamMockOptions {
  /** The account the roles, users and groups belong to (default `123456789012`). */
  readonly accountId?: string;
  readonly policies?: readonly IamManagedPolicyConfig[];
  readonly roles?: readonly IamRoleConfig[];
  readonly users?: readonly IamUserConfig[];
  readonly groups?: readonly IamGroupConfig[];
  /** Access keys and whom they belong to; a request signed with another key gets InvalidClientTokenId. */
  readonly callers?: readonly IamCallerConfig[];
  /** The most items one list page holds, below the request's MaxItems (default 100, IAM's own default). */
  readonly pageSize?: number;
  /** Answers of SimulatePrincipalPolicy and SimulateCustomPolicy, per (action, resource). */
  readonly simulator?: Simulator;
  /** Which URLs the msw handlers serve besides IAM's and STS's public endpoints: base URLs such as a client's `iamEndpoint`. */
  readonly endpoints?: readonly EndpointMatcher[];
  /**
   * Cap of a request body in bytes, through `mock.handlers` (msw) and `startIamMockServer` alike (default 10 MiB); a
   * larger one is answered 413 RequestEntityTooLarge with IAM's XML error, and is not read further.
   */
  readonly maxRequestBytes?: number;
}

/** The emulation's answer to a request body past its cap, as an IAM/STS XML error. */
export function requestEntityTooLarge(maxRequestBytes: number): MockResponse {
  return {
    status: 413,
    headers: { 'content-type': 'text/xml' },
    body: `<ErrorResponse><Error><Type>Sender</Type><Code>RequestEntityTooLarge</Code><Message>Request body is larger than the mock's limit of ${maxRequestBytes} bytes (maxRequestBytes)</Message></Error></ErrorResponse>`,
  };
}

/** An emulated IAM and STS. Each mock has its own state. */
export interface IamMock {
  /** The state; change it between calls to model IAM changing under a running client. */
  readonly state: IamState;
  /** Every request answered so far, in order. */
  readonly requests: readonly IamRecordedRequest[];
  /** The simulator's answers; replace at any time. */
  simulator: Simulator | undefined;
  /** Serves one request; the msw handlers and `startIamMockServer` both call this. */
  handle(request: MockRequest): Promise<MockResponse>;
  /**
   * msw handlers for IAM's and STS's public endpoints (and the `endpoints` option): `setupServer(...mock.handlers)`.
   * Needs the optional peer dependency msw; reading it without msw throws an error naming it.
   */
  readonly handlers: readonly MswHandler[];
  /** Makes the next `times` (default 1) requests of `action` fail with IAM's `error` (Throttling, AccessDenied, …). */
  injectFault(fault: IamFaultSpec): void;
  /** Empties the request log and pending faults (the state stays). */
  reset(): void;
}

/**
 * Creates an emulated IAM and STS.
 *
 * @example
 * const iam = createIamMock({
 *   roles: [{ name: 'backend', inlinePolicies: { pinpoint: policy }, tags: { team: 'growth' } }],
 *   callers: [{ accessKeyId: 'AKIDBACKEND', arn: 'arn:aws:sts::123456789012:assumed-role/backend/i-0abc' }],
 * });
 * const server = setupServer(...iam.handlers);
 */
export function createIamMock(options: IamMockOptions = {}): IamMock {
  const accountId = options.accountId ?? '123456789012';
  if (!/^\d{12}$/.test(accountId)) throw new RangeError(`createIamMock: accountId must be 12 digits, got ${JSON.stringify(accountId)}`);
  const pageSize = options.pageSize ?? 100;
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`createIamMock: pageSize must be a positive integer, got ${pageSize}`);
  const maxRequestBytes = requestCap(options.maxRequestBytes);
  const state = buildState({ ...options, accountId });
  const faults: { action: string; error: IamErrorCode; message: string | undefined; remaining: number }[] = [];
  const requests: IamRecordedRequest[] = [];
  let count = 0;
  let handlers: readonly MswHandler[] | undefined;
  const mock: IamMock = {
    state,
    requests,
    simulator: options.simulator,
    handle: (request) => handleIam({
      state, faults, requests, pageSize,
      simulator: () => mock.simulator,
      nextRequestId: () => `11111111-0000-4000-8000-${(++count).toString(16).padStart(12, '0')}`,
    }, request),
    // Made on first read, so an emulation served only over HTTP never needs msw.
    get handlers() {
      return (handlers ??= [IAM_STS_ORIGIN, ...(options.endpoints ?? [])].flatMap((origin) => mswHandlers(origin, (r) => mock.handle(r), { maxRequestBytes, tooLarge: requestEntityTooLarge })));
    },
    injectFault: (fault) => {
      faults.push({ action: fault.action, error: fault.error, message: fault.message, remaining: fault.times ?? 1 });
    },
    reset: () => {
      requests.length = 0;
      faults.length = 0;
    },
  };
  return mock;
}
