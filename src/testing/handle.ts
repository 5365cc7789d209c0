/**
 * The one request → response function behind both the msw handlers and the node:http server: route (from the
 * generated operations table), authorise, apply faults, parse and check the body, run the operation's handler, and
 * shape the answer as Pinpoint does (the `outputBody` JSON, the operation's status, `x-amzn-RequestId`, error bodies
 * `{ Message, RequestID }`).
 */
import type { OperationSpec } from '../client/spec.js';
import type { HandlerContext, HandlerTable } from './context.js';
import type { MemoryStore } from './store.js';
import type { FaultQueue } from './faults.js';
import { route } from './router.js';
import { REDACTED, checkAuthorization, redactAuthorization } from './auth.js';
import { checkBody } from './check-body.js';
import { pageOf } from './paging.js';
import { environmentProblem, pinpointArn, resourceArn } from './arn.js';
import { MockGatewayError, MockServiceError, badRequest, notFound } from './errors.js';

/** A request as the mock sees it, whatever carried it (msw or node:http). */
export interface MockRequest {
  readonly method: string;
  /** The path as sent, percent-encoded, without the query (`/v1/apps/abc/segments`). */
  readonly path: string;
  /** Query parameters by wire name. */
  readonly query?: Readonly<Record<string, string | readonly string[]>>;
  /** Header names in any case. */
  readonly headers?: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** The body text (empty or omitted for none). */
  readonly body?: string;
}

/** The answer: status, headers (named as Pinpoint names them) and body text. */
export interface MockResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * One request the mock answered, for assertions (`mock.requests`). Secrets are redacted, so that a snapshot of the log
 * holds none: the SigV4 signature, the session token (`x-amz-security-token`) and their presigned-URL query forms.
 */
export interface RecordedRequest {
  /** The operation it routed to, if any. */
  readonly operation: string | undefined;
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** Lower-cased names; `authorization` keeps its credential scope and signed headers, `Signature=<redacted>`. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly status: number;
  /** The Pinpoint exception name when Pinpoint's answer was an error; `undefined` for a gateway's 502/503/504. */
  readonly error: string | undefined;
  readonly requestId: string;
}

/** What `handle` needs from the mock that owns it. */
export interface HandleDeps {
  readonly store: MemoryStore;
  readonly faults: FaultQueue;
  readonly handlers: HandlerTable;
  readonly requests: RecordedRequest[];
  /** How many of the latest requests `requests` keeps. */
  readonly maxRecordedRequests: number;
  readonly region: string | undefined;
  readonly accountId: string;
  readonly checkAuthorization: boolean;
  readonly pageSize: number;
  readonly latencyMs: number;
  readonly now: () => Date;
  readonly nextRequestId: () => string;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const single = (v: string | readonly string[] | undefined): string | undefined => (typeof v === 'string' ? v : v?.[v.length - 1]);

function flatten(record: Readonly<Record<string, string | readonly string[] | undefined>> | undefined, lower: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(record ?? {})) {
    const value = single(v);
    if (value !== undefined) out[lower ? k.toLowerCase() : k] = value;
  }
  return out;
}

/** Headers (lower-cased) whose values are secrets, and what the request log keeps of each. */
const SECRET_HEADERS: Readonly<Record<string, (value: string) => string>> = {
  authorization: redactAuthorization,
  'x-amz-security-token': () => REDACTED,
};

/** Query parameters (compared lower-cased) of a presigned request whose values are secrets. */
const SECRET_QUERY: ReadonlySet<string> = new Set(['x-amz-signature', 'x-amz-security-token']);

function redacted(headers: Readonly<Record<string, string>>, query: Readonly<Record<string, string>>): { headers: Record<string, string>; query: Record<string, string> } {
  return {
    headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, Object.hasOwn(SECRET_HEADERS, k) ? SECRET_HEADERS[k]!(v) : v])),
    query: Object.fromEntries(Object.entries(query).map(([k, v]) => [k, SECRET_QUERY.has(k.toLowerCase()) ? REDACTED : v])),
  };
}

function parseBody(spec: OperationSpec, text: string): Record<string, unknown> {
  if (!spec.body) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw badRequest(`${spec.body}: the request body is not valid JSON`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw badRequest(`${spec.body}: the request body must be a JSON object`);
  return parsed as Record<string, unknown>;
}

/** Serves one request against the mock's state. Never throws: every failure is a Pinpoint-shaped error response. */
export async function handle(deps: HandleDeps, request: MockRequest): Promise<MockResponse> {
  const requestId = deps.nextRequestId();
  const headers = flatten(request.headers, true);
  const query = flatten(request.query, false);
  const body = request.body ?? '';
  let operation: OperationSpec | undefined;
  let delayMs = deps.latencyMs;
  let response: MockResponse;
  let error: string | undefined;
  try {
    const routed = route(request.method, request.path);
    if (routed.kind === 'malformed') throw badRequest(routed.reason);
    if (routed.kind === 'none') throw new MockServiceError('NotFoundException', `No Pinpoint operation matches ${request.method} ${request.path}`);
    if (routed.kind === 'method-not-allowed') {
      throw new MockServiceError('MethodNotAllowedException', `${request.method} is not allowed on ${request.path} (allowed: ${routed.allowed.join(', ')})`);
    }
    const { params } = routed.match;
    const spec = routed.match.operation;
    operation = spec;
    let region = deps.region ?? 'us-east-1';
    if (deps.checkAuthorization) {
      const auth = checkAuthorization(headers.authorization, deps.region);
      if (!auth.ok) throw new MockServiceError('ForbiddenException', auth.reason);
      region = auth.region;
      const problem = environmentProblem({ region, accountId: deps.accountId });
      if (problem !== undefined) throw new MockServiceError('ForbiddenException', `Credential should be scoped to a valid region: ${problem}`);
    }
    const fault = deps.faults.take(spec.name);
    delayMs += fault.delayMs;
    if (fault.error) throw fault.error;
    const parsed = parseBody(spec, body);
    checkBody(spec.name, spec.body, parsed);
    const handler = deps.handlers[spec.name as keyof HandlerTable];
    if (!handler) throw badRequest(`pinpoint-guard/testing does not serve ${spec.name}; pass handlers: { ${spec.name}: (ctx) => ... } to createPinpointMock`);
    const ctx: HandlerContext = {
      operation: spec, params, query, body: parsed, store: deps.store, region, accountId: deps.accountId, requestId,
      queryList: (wire) => {
        const v = request.query?.[wire];
        return v === undefined ? [] : typeof v === 'string' ? [v] : [...v];
      },
      now: () => deps.now().toISOString(),
      app: () => {
        const id = params.ApplicationId ?? '';
        const app = deps.store.apps.get(id);
        if (!app) throw notFound('Application', id);
        return app;
      },
      page: (items) => pageOf(items, query, deps.pageSize),
      resourceArn: (name, labels) => resourceArn(name, labels, { region, accountId: deps.accountId }),
      arn: (resource) => pinpointArn(resource, { region, accountId: deps.accountId }),
    };
    const output = handler(ctx);
    response = {
      status: spec.status,
      headers: { 'x-amzn-RequestId': requestId, ...(spec.outputBody ? { 'content-type': 'application/json' } : {}) },
      body: spec.outputBody && output !== undefined ? JSON.stringify(output) : '',
    };
  } catch (e) {
    if (e instanceof MockGatewayError) {
      // The gateway answers, not Pinpoint: no x-amzn-ErrorType, no request id, no JSON.
      response = { status: e.status, headers: { 'content-type': 'text/html', ...e.headers }, body: e.body };
    } else {
      const failure = e instanceof MockServiceError
        ? e
        : new MockServiceError('InternalServerErrorException', `the mock's handler failed: ${(e as Error).message}`);
      error = failure.exception;
      response = {
        status: failure.status,
        headers: { 'x-amzn-RequestId': requestId, 'x-amzn-ErrorType': failure.exception, 'content-type': 'application/json', ...failure.headers },
        body: JSON.stringify({ Message: failure.message, RequestID: requestId }),
      };
    }
  }
  deps.requests.push({ operation: operation?.name, method: request.method.toUpperCase(), path: request.path, ...redacted(headers, query), body, status: response.status, error, requestId });
  // A mock serving a long run (a soak test, a dev server) keeps the latest requests, not every one it ever saw.
  if (deps.requests.length > deps.maxRecordedRequests) deps.requests.splice(0, deps.requests.length - deps.maxRecordedRequests);
  if (delayMs > 0) await sleep(delayMs);
  return response;
}
