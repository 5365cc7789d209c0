/**
 * `checkPermission`: the guard's decision for one call, without sending it. The ARN is built exactly as the client
 * builds it — operation + input → `bindCall` → `buildArn` — and so is the request context (time, region, transport,
 * request tags), so a dry-run answer is the answer the client would give.
 */
import { bindCall, type BoundCall } from '../client/bind.js';
import type { ActionSpec, LifecycleSpec, OperationSpec } from '../client/spec.js';
import { whatIfKeys } from '../guard/what-if.js';
import { guardDecision, type GuardOutcome, type GuardTarget } from '../guard/decide.js';
import { compileGuardPolicies } from '../guard/policies.js';
import type { Decision, PolicySet, RequestContext } from '../policy/index.js';
import { parseArn } from '../resource/arn.js';
import { findAction, findOperation, operationOf, paramsFromArn, readableTemplate } from './catalog.js';
import { ToolingInputError } from './errors.js';
import { principalFactsOf, type PrincipalFacts } from './principal-facts.js';
import { didYouMean, didYouMeanOperation } from './legacy.js';

/** One call to check: an operation with its input, or an action with a resource ARN or with input. */
export interface CheckPermissionRequest extends PolicySet {
  readonly region: string;
  readonly accountId: string;
  /** The operation (`GetSegment` or `getSegment`); needs `input`. */
  readonly operation?: string;
  /** The IAM action (`GetSegment` or `mobiletargeting:GetSegment`); needs `resource` or `input`. */
  readonly action?: string;
  /** The operation's input, validated as the client validates it; its path ids name the resource. */
  readonly input?: unknown;
  /** The resource ARN, used as given (with `action` only); notes say when it does not fit the action or the Region. */
  readonly resource?: string;
  /**
   * Request context keys (`aws:username`, `aws:PrincipalTag/team`, `aws:SourceIp`, ...); a key the client cannot see
   * and nobody supplied is unknown (the decision may be Conditional). Every key is accepted: a value for one the client
   * sets itself at run time (aws:CurrentTime, aws:EpochTime, aws:SecureTransport, aws:RequestedRegion, request tags)
   * is a what-if value, listed in `whatIf`; the client's own facts fill the rest.
   */
  readonly context?: RequestContext;
  /**
   * The principal the call is made as (`loadPrincipal`'s result): its keys — aws:PrincipalTag/*, aws:username, … —
   * are facts, absence included, as the client's guard takes them; `context` cannot override them.
   */
  readonly principal?: PrincipalFacts;
  /** The time the conditions see as `aws:CurrentTime`; defaults to now. */
  readonly now?: Date;
}

/** The decision and its explanation, with what was decided on. */
export interface CheckResult extends Decision {
  readonly action: string;
  readonly resource: string;
  /** The operation whose input built the ARN, when one did. */
  readonly operation?: string;
  /** The catalog lifecycle of the action, when it is a catalog action. */
  readonly lifecycle?: LifecycleSpec;
  /** Things worth knowing that do not change the decision (e.g. an action the catalog does not know). */
  readonly notes: readonly string[];
  /** Context keys given as what-if values for keys the client sets itself at run time. */
  readonly whatIf: readonly string[];
}

interface Target {
  readonly target: GuardTarget;
  readonly operation?: OperationSpec;
  readonly spec?: ActionSpec;
  readonly bound?: BoundCall;
}

function requireOperation(name: string): OperationSpec {
  const op = findOperation(name);
  if (op === undefined) throw new ToolingInputError(`unknown operation "${name}"${didYouMeanOperation(name) || '; expected a catalog operation such as GetSegment'}`);
  return op;
}

/** Console-only actions have no operation to validate ids with, so the ids must at least be strings. */
function idParams(input: unknown): Record<string, string> {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) throw new ToolingInputError('input: expected an object of ids');
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(input)) {
    if (typeof v !== 'string') throw new ToolingInputError(`input.${k}: expected a string id, got ${typeof v}`);
    out[k] = v;
  }
  return out;
}

function fromOperation(op: OperationSpec, input: unknown): Target {
  const bound = bindCall(op, input ?? {});
  return { target: { call: bound }, operation: op, spec: op, bound };
}

/** Resolves what the request names to what the guard decides, the way the client would. */
function resolveTarget(req: CheckPermissionRequest): Target {
  const has = (v: unknown) => v !== undefined;
  if (has(req.resource) && has(req.input)) throw new ToolingInputError('give either resource or input, not both');
  if (has(req.operation)) {
    if (has(req.resource)) throw new ToolingInputError('an operation takes input, not a resource ARN (use action with resource)');
    const op = requireOperation(req.operation as string);
    if (has(req.action) && findAction(req.action as string) !== findAction(op.action)) {
      throw new ToolingInputError(`operation ${op.name} is authorized by ${op.action}, not ${req.action}`);
    }
    return fromOperation(op, req.input);
  }
  if (!has(req.action)) throw new ToolingInputError('name an operation or an action');
  const action = req.action as string;
  const spec = findAction(action);
  if (has(req.resource)) {
    if (typeof req.resource !== 'string' || parseArn(req.resource) === undefined) {
      throw new ToolingInputError(`resource: expected an ARN (arn:<partition>:<service>:<region>:<account>:<resource>), got ${JSON.stringify(req.resource)}`);
    }
    return { target: { action: spec?.action ?? action, resource: req.resource }, ...(spec ? { spec } : {}) };
  }
  if (!has(req.input)) throw new ToolingInputError(`${action}: give a resource ARN or the input (ids) to build it from`);
  if (spec === undefined) {
    throw new ToolingInputError(`unknown action "${action}": without a catalog entry there is no ARN template to build the resource from${didYouMean(action)}`);
  }
  const op = operationOf(spec);
  if (op !== undefined) return fromOperation(op, req.input);
  return { target: { action: spec.action, template: spec.resource, params: idParams(req.input) }, spec };
}

/**
 * For a resource ARN given as is: whether the action could ever be requested on it (the client builds only ARNs of the
 * action's template), and whether it names the Region the request is evaluated in (`aws:RequestedRegion`).
 */
function resourceNotes(target: Target, resource: string, region: string): string[] {
  if (target.bound !== undefined || target.spec === undefined) return [];
  const notes: string[] = [];
  const arnRegion = parseArn(resource)?.region;
  if (paramsFromArn(target.spec.resource, resource) === undefined) {
    const name = target.spec.action;
    notes.push(`${resource} is not an ARN of ${readableTemplate(target.spec.resource)} (what ${name} acts on), so no ${name} request names it`);
  }
  if (arnRegion !== undefined && arnRegion !== '' && arnRegion !== region) {
    notes.push(`the ARN's Region ${arnRegion} differs from the request's Region ${region} (aws:RequestedRegion)`);
  }
  return notes;
}

function notesFor(target: Target, outcome: GuardOutcome, region: string): string[] {
  if (target.spec !== undefined) {
    const l = target.spec.lifecycle;
    const lifecycle = l.status === 'end-of-support' ? [`${target.spec.action} is end-of-support: ${l.reason}${l.successor ? `; successor: ${l.successor}` : ''}`] : [];
    return [...resourceNotes(target, outcome.resource, region), ...lifecycle];
  }
  if (outcome.action.includes(':') && !outcome.action.toLowerCase().startsWith('mobiletargeting:')) return [];
  return [`${outcome.action} is not a catalog action${didYouMean(outcome.action)}`];
}

/**
 * Decides one call against the policies without sending anything.
 *
 * @example
 * checkPermission({ policies: [doc], region: 'us-east-1', accountId: '123456789012',
 *   operation: 'GetSegment', input: { ApplicationId: 'app1', SegmentId: 'seg1' } }).decision // 'Allow' | ...
 * @throws ToolingInputError when the request names no known operation or mixes options;
 *   ValidationError when the input does not fit the operation; ArnBuildError for a malformed region or account;
 *   PolicyParseError when a policy does not parse (the client would deny everything; here you get the problems).
 */
export function checkPermission(req: CheckPermissionRequest): CheckResult {
  const target = resolveTarget(req);
  // The guard's own decision, as the client makes it: the tool holds no credentials, so session-derived keys are
  // unknown (never known-absent); request tags are known when a request was built; the caller's values for the
  // guard's own keys are what-if values.
  const outcome = guardDecision(
    target.target,
    { region: req.region, accountId: req.accountId, secureTransport: true, now: req.now ?? new Date() },
    { credentials: 'unknown', configured: req.context, whatIf: true, principal: principalFactsOf(req.principal) },
    compileGuardPolicies(req, { decisionCacheSize: 0 }),
  );
  return {
    ...outcome.decision,
    action: outcome.action,
    resource: outcome.resource,
    ...(target.operation ? { operation: target.operation.name } : {}),
    ...(target.spec ? { lifecycle: target.spec.lifecycle } : {}),
    notes: notesFor(target, outcome, req.region),
    whatIf: whatIfKeys(req.context),
  };
}
