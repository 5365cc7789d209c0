/**
 * The one request → response function of the emulated IAM and STS, behind both the msw handlers and the node:http
 * server: read the Query-protocol parameters, identify the caller by the SigV4 access key, apply injected faults,
 * refuse the caller's denied actions with IAM's AccessDenied, run the action and answer with IAM's XML.
 */
import type { MockRequest, MockResponse } from '../handle.js';
import { matchWildcard } from '../../policy/wildcard.js';
import { IAM_ACTIONS, IAM_NAMESPACE, STS_ACTIONS, STS_NAMESPACE, type IamAction, type ResolvedCaller, type Simulator } from './actions.js';
import { IAM_ERRORS, IamMockError, type IamErrorCode } from './errors.js';
import { queryParams } from './params.js';
import { uniqueId, type IamState } from './state.js';
import { errorXml, resultXml } from './xml.js';

/** A fault for the next `times` (default 1) requests of `action`: IAM's error `error` instead of the answer. */
export interface IamFaultSpec {
  /** The action name (`GetRolePolicy`, `GetCallerIdentity`), or `*` for any. */
  readonly action: string;
  readonly error: IamErrorCode;
  readonly message?: string;
  readonly times?: number;
}

/** One request the emulation answered. */
export interface IamRecordedRequest {
  readonly service: 'iam' | 'sts' | undefined;
  readonly action: string | undefined;
  /** The Query parameters, Action and Version included. */
  readonly params: Readonly<Record<string, string>>;
  /** The caller's ARN when the access key was known. */
  readonly caller: string | undefined;
  readonly status: number;
  readonly error: string | undefined;
}

export interface IamHandleDeps {
  readonly state: IamState;
  readonly faults: { action: string; error: IamErrorCode; message: string | undefined; remaining: number }[];
  readonly requests: IamRecordedRequest[];
  readonly pageSize: number;
  readonly simulator: () => Simulator | undefined;
  readonly nextRequestId: () => string;
}

const SERVICES: readonly { readonly service: 'iam' | 'sts'; readonly version: string; readonly namespace: string; readonly actions: Readonly<Record<string, IamAction>> }[] = [
  { service: 'iam', version: '2010-05-08', namespace: IAM_NAMESPACE, actions: IAM_ACTIONS },
  { service: 'sts', version: '2011-06-15', namespace: STS_NAMESPACE, actions: STS_ACTIONS },
];

const DEFAULT_MESSAGES: Readonly<Partial<Record<IamErrorCode, string>>> = {
  Throttling: 'Rate exceeded',
  ServiceFailure: 'Service failure',
  NoSuchEntity: 'The entity cannot be found.',
  AccessDenied: 'Access denied',
};

function header(headers: MockRequest['headers'], name: string): string | undefined {
  for (const [k, v] of Object.entries(headers ?? {})) {
    if (k.toLowerCase() === name) return typeof v === 'string' ? v : v?.[0];
  }
  return undefined;
}

/** The caller's userId as STS forms it for each kind of principal (AWS's aws:userid values). */
function defaultUserId(state: IamState, arn: string, account: string): string {
  const role = /:assumed-role\/([^/]+)\/([^/]+)$/.exec(arn);
  if (role) return `${state.roles.get(role[1]!)?.id ?? uniqueId('AROA', `role/${role[1]}`)}:${role[2]}`;
  const user = /:user\/(?:.*\/)?([^/]+)$/.exec(arn);
  if (user) return state.users.get(user[1]!)?.id ?? uniqueId('AIDA', `user/${user[1]}`);
  const federated = /:federated-user\/([^/]+)$/.exec(arn);
  if (federated) return `${account}:${federated[1]}`;
  return account;
}

function callerOf(state: IamState, authorization: string | undefined): ResolvedCaller | IamMockError {
  if (!authorization) return new IamMockError('MissingAuthenticationToken', 'Request is missing Authentication Token');
  const key = /Credential=([^/,\s]+)\//.exec(authorization)?.[1];
  const caller = key === undefined ? undefined : state.callers.get(key);
  if (caller === undefined) return new IamMockError('InvalidClientTokenId', 'The security token included in the request is invalid.');
  const account = /^arn:aws[\w-]*:(?:iam|sts)::(\d{12}):/.exec(caller.arn)?.[1] ?? state.accountId;
  return { arn: caller.arn, userId: caller.userId ?? defaultUserId(state, caller.arn, account), account };
}

/** Serves one IAM or STS request. */
export async function handleIam(deps: IamHandleDeps, request: MockRequest): Promise<MockResponse> {
  const params = queryParams(request.body ?? '', request.query);
  const actionName = params.get('Action');
  const service = SERVICES.find((s) => actionName !== undefined && Object.hasOwn(s.actions, actionName) && (params.get('Version') ?? s.version) === s.version);
  const namespace = service?.namespace ?? (params.get('Version') === '2011-06-15' ? STS_NAMESPACE : IAM_NAMESPACE);
  const requestId = deps.nextRequestId();
  const caller = callerOf(deps.state, header(request.headers, 'authorization'));
  const callerArn = caller instanceof IamMockError ? undefined : caller.arn;
  const answer = (status: number, body: string, error?: string): MockResponse => {
    deps.requests.push({ service: service?.service, action: actionName, params: Object.fromEntries(params), caller: callerArn, status, error });
    return { status, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body };
  };
  const fail = (e: IamMockError): MockResponse => {
    const { status, type } = IAM_ERRORS[e.code];
    return answer(status, errorXml(namespace, { type, code: e.code, message: e.message }, requestId), e.code);
  };
  try {
    if (service === undefined || actionName === undefined) {
      throw new IamMockError('InvalidAction', `Could not find operation ${actionName ?? '(no Action)'} for version ${params.get('Version') ?? '(none)'}`);
    }
    if (caller instanceof IamMockError) throw caller;
    const fault = deps.faults.find((f) => f.remaining > 0 && (f.action === '*' || f.action === actionName));
    if (fault) {
      fault.remaining--;
      throw new IamMockError(fault.error, fault.message ?? DEFAULT_MESSAGES[fault.error] ?? fault.error);
    }
    const denied = deps.state.callers.get(/Credential=([^/,\s]+)\//.exec(header(request.headers, 'authorization') ?? '')?.[1] ?? '')?.denied ?? [];
    const iamAction = `${service.service}:${actionName}`;
    const authorize = (resource: string): void => {
      if (denied.some((pattern) => matchWildcard(pattern, iamAction, { ignoreCase: true }))) {
        throw new IamMockError('AccessDenied', `User: ${caller.arn} is not authorized to perform: ${iamAction} on resource: ${resource} because no identity-based policy allows the ${iamAction} action`);
      }
    };
    const result = service.actions[actionName]!({ state: deps.state, params, caller, pageSize: deps.pageSize, simulator: deps.simulator(), authorize });
    return answer(200, resultXml(service.namespace, actionName, result, requestId));
  } catch (e) {
    if (e instanceof IamMockError) return fail(e);
    return fail(new IamMockError('ServiceFailure', `the IAM emulation failed: ${(e as Error).message}`));
  }
}
