/**
 * `generatePolicy`: the least-privilege identity policy for a set of recorded calls, and a self-check of it.
 *
 * Exact granularity grants each action on exactly the ARNs it was called on. Ids are written with IAM's `${*}`, `${?}`
 * and `${$}` escapes where they hold those characters (a project named `*` must not become a wildcard), while the
 * catalog's own literal `*` (`apps/*` for CreateApp and GetApps) stays as written: those actions have no other
 * resource, so the wildcard cannot reach anything they were not called on. Resources with the same set of actions
 * share a statement, so every statement's actions × resources are exactly recorded pairs.
 */
import type { RecordedCall } from '../client/types.js';
import { decideOnArn, type GuardPolicies } from '../guard/decide.js';
import { compileGuardPolicies } from '../guard/policies.js';
import { buildArn, parseArn } from '../resource/arn.js';
import { catalogActions, findAction, paramsFromArn, PROJECT_TEMPLATE, readableTemplate, SERVICE } from './catalog.js';
import { didYouMean } from './legacy.js';
import { resourceCovered } from './lint/redundancy.js';
import { ToolingInputError } from './errors.js';

/** One call: the IAM action and the request ARN it was authorized on. */
export interface PolicyCall {
  readonly action: string;
  readonly resource: string;
  /**
   * ARN placeholders (`SegmentId`) whose id was not known: the resource holds `*` there, and the policy keeps it as a
   * wildcard — every such resource — instead of escaping it as a literal `*`. The check reports each one.
   */
  readonly anyIds?: readonly string[];
}

/** `exact`: each recorded ARN; `app`: per project, `apps/<id>` and `apps/<id>/*`. */
export type Granularity = 'exact' | 'app';

/** The calls to allow (or a client's `recorded()` list) and how tightly to name their resources. */
export interface GeneratePolicyRequest {
  readonly calls?: readonly PolicyCall[];
  /** What a client in `record` mode returned from `recorded()`. */
  readonly recorded?: readonly RecordedCall[];
  /** `exact` (default): the called ARNs; `app`: `apps/<id>` and `apps/<id>/*` for everything inside a project. */
  readonly granularity?: Granularity;
}

/** One statement of a generated policy. */
export interface PolicyStatementDocument {
  readonly Sid: string;
  readonly Effect: 'Allow';
  readonly Action: readonly string[];
  readonly Resource: readonly string[];
}

/** A generated identity policy, as JSON. */
export interface PolicyDocument {
  readonly Version: '2012-10-17';
  readonly Statement: readonly PolicyStatementDocument[];
}

/** The self-check: every call allowed, and what else the policy grants across the catalog on those resources. */
export interface PolicyCheck {
  /** Every recorded call is allowed by the generated policy. */
  readonly allowsEveryCall: boolean;
  /** The recorded calls it does not allow (empty unless something is wrong). */
  readonly deniedCalls: readonly PolicyCall[];
  /**
   * Catalog actions the policy allows on the recorded resources that were not recorded — only pairs where the resource
   * is of the action's resource type, since no other pair can be requested. Empty for `exact`.
   */
  readonly extraGrants: readonly PolicyCall[];
  /** What the policy grants beyond exact ARNs on purpose: one line per wildcard id (`SegmentId not given: ...`). */
  readonly notes: readonly string[];
}

/** A least-privilege policy with its self-check. */
export interface GeneratedPolicy {
  readonly policy: PolicyDocument;
  readonly check: PolicyCheck;
}

const ESCAPES = /[*?$]/g;
/** Makes every character of an id literal in a 2012-10-17 Resource. */
const literal = (id: string): string => id.replace(ESCAPES, (c) => `\${${c}}`);
/** Every id made literal, except the `*` of an id the call leaves open. */
const escapeParams = (params: Record<string, string>, open: readonly string[]) =>
  Object.fromEntries(Object.entries(params).map(([k, v]) => [k, open.includes(k) && v === '*' ? v : literal(v)]));

/** The catalog spelling of an action when it is a catalog action, so `getsegment` and `GetSegment` merge. */
const canonicalAction = (action: string): string => findAction(action)?.action ?? action;

/**
 * The Resource entries that grant `call` at the granularity asked for; each one is in exactly one statement of the
 * generated policy, which is how a call is traced to the statement that allows it.
 */
export function resourcesFor(call: PolicyCall, granularity: Granularity): string[] {
  const spec = findAction(call.action);
  const fit = spec === undefined ? undefined : paramsFromArn(spec.resource, call.resource);
  if (spec === undefined || fit === undefined) return [literal(call.resource)];
  const appScoped = spec.resource.includes(':apps/${ApplicationId}') && fit.params.ApplicationId !== undefined;
  if (granularity === 'app' && appScoped) {
    const project = buildArn(PROJECT_TEMPLATE, { ApplicationId: literal(fit.params.ApplicationId as string) }, fit.env);
    return [project, `${project}/*`];
  }
  return [buildArn(spec.resource, escapeParams(fit.params, call.anyIds ?? []), fit.env)];
}

/** One problem of one recorded call: which field, and what was expected. */
export interface CallProblem {
  readonly field: 'action' | 'resource';
  readonly message: string;
}

/**
 * What is wrong with one call, field by field: not a string, an action that is not in the catalog (another service's,
 * or a misspelled or legacy name, with a "did you mean"), a resource that is not an ARN of the action's resource type —
 * exactly the ARNs the client could have sent (`paramsFromArn`). Empty when the call is one a client could make.
 */
export function callProblems(call: unknown): CallProblem[] {
  const entry = call !== null && typeof call === 'object' ? (call as Record<string, unknown>) : {};
  const bad = (['action', 'resource'] as const).filter((k) => typeof entry[k] !== 'string' || entry[k] === '');
  if (bad.length > 0) return bad.map((field) => ({ field, message: 'expected a non-empty string' }));
  const action = entry.action as string;
  const resource = entry.resource as string;
  const spec = findAction(action);
  if (spec === undefined) {
    const pinpoint = action.toLowerCase().startsWith(`${SERVICE}:`);
    const why = pinpoint ? didYouMean(action) || ' (`pinpoint-guard lifecycle` lists every catalog action)' : ' (another service\'s action: a recording holds only the calls of a Pinpoint client)';
    return [{ field: 'action', message: `expected a Pinpoint catalog action, got ${JSON.stringify(action)}${why}` }];
  }
  if (paramsFromArn(spec.resource, resource) !== undefined) return [];
  return [{ field: 'resource', message: `expected an ARN of ${readableTemplate(spec.resource)} (${spec.action}), got ${JSON.stringify(resource)}` }];
}

function normalizeCalls(req: GeneratePolicyRequest): PolicyCall[] {
  const all: PolicyCall[] = [...(req.calls ?? []), ...(req.recorded ?? [])];
  const problems = all.flatMap((c, i) => callProblems(c).map((p) => `calls[${i}].${p.field}: ${p.message}`));
  if (problems.length > 0) throw new ToolingInputError(problems.join('; '));
  const seen = new Map<string, PolicyCall>();
  all.forEach((c) => {
    const anyIds = Array.isArray(c.anyIds) && c.anyIds.length > 0 ? [...c.anyIds].sort() : undefined;
    const call = { action: canonicalAction(c.action), resource: c.resource, ...(anyIds ? { anyIds } : {}) };
    seen.set(`${call.action.toLowerCase()}\n${call.resource}\n${anyIds?.join() ?? ''}`, call);
  });
  if (seen.size === 0) throw new ToolingInputError('no calls to generate a policy from');
  return [...seen.values()];
}

/**
 * An action's resource that another resource of the same action covers (`apps/a1/messages` beside `apps/*\/messages`)
 * grants nothing more: it is dropped, so no statement is shadowed by another (lint's `shadowed-statement`).
 */
function dropCovered(actionsByResource: Map<string, Set<string>>): void {
  const resources = [...actionsByResource.keys()];
  for (const [resource, set] of actionsByResource) {
    for (const action of set) {
      const wider = resources.filter((r) => r !== resource && actionsByResource.get(r)?.has(action) === true);
      if (resourceCovered(wider, resource, false)) set.delete(action);
    }
    if (set.size === 0) actionsByResource.delete(resource);
  }
}

/**
 * Resource text → actions, without the pairs another resource covers; then resources grouped by identical action sets,
 * one statement each, in a stable order.
 */
function statementsFor(calls: readonly PolicyCall[], granularity: Granularity): PolicyStatementDocument[] {
  const actionsByResource = new Map<string, Set<string>>();
  for (const call of calls) {
    for (const r of resourcesFor(call, granularity)) {
      const set = actionsByResource.get(r) ?? new Set<string>();
      set.add(call.action);
      actionsByResource.set(r, set);
    }
  }
  dropCovered(actionsByResource);
  const resourcesByActions = new Map<string, { actions: string[]; resources: string[] }>();
  for (const [resource, set] of actionsByResource) {
    const actions = [...set].sort();
    const key = actions.join('\n');
    const entry = resourcesByActions.get(key) ?? { actions, resources: [] };
    entry.resources.push(resource);
    resourcesByActions.set(key, entry);
  }
  return [...resourcesByActions.values()]
    .map((e) => ({ actions: e.actions, resources: e.resources.sort() }))
    .sort((a, b) => (a.resources[0] as string).localeCompare(b.resources[0] as string) || a.actions.join().localeCompare(b.actions.join()))
    .map((e, i) => ({ Sid: `LeastPrivilege${i + 1}`, Effect: 'Allow' as const, Action: e.actions, Resource: e.resources }));
}

/** `SegmentId` → `segment`, `JourneyActivityId` → `journey activity`: what an id names, for a sentence. */
const noun = (placeholder: string) => placeholder.replace(/Id$/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/** One line per open id: `SegmentId not given: apps/a1/segments/* allows every segment of a1`. */
function wildcardNotes(calls: readonly PolicyCall[]): string[] {
  const notes = new Set<string>();
  for (const call of calls) {
    const spec = findAction(call.action);
    const fit = spec === undefined ? undefined : paramsFromArn(spec.resource, call.resource);
    for (const id of call.anyIds ?? []) {
      if (fit?.params[id] !== '*') continue;
      const app = id === 'ApplicationId' ? undefined : fit.params.ApplicationId;
      notes.add(`${id} not given: ${parseArn(call.resource)?.resource ?? call.resource} allows every ${noun(id)}${app === undefined ? '' : ` of ${app}`}`);
    }
  }
  return [...notes].sort();
}

const allows = (policies: GuardPolicies, call: PolicyCall) => decideOnArn(policies, call.action, call.resource).decision.decision === 'Allow';

/** Evaluates the result against the calls and against every catalog action on the recorded resources. */
export function verifyPolicy(policy: PolicyDocument, calls: readonly PolicyCall[]): PolicyCheck {
  const set = compileGuardPolicies({ policies: [policy] }, { decisionCacheSize: 0 });
  const deniedCalls = calls.filter((c) => !allows(set, c));
  const recorded = new Set(calls.map((c) => `${c.action.toLowerCase()}\n${c.resource}`));
  const extraGrants: PolicyCall[] = [];
  for (const resource of [...new Set(calls.map((c) => c.resource))].sort()) {
    for (const spec of catalogActions) {
      const call = { action: spec.action, resource };
      if (recorded.has(`${spec.action.toLowerCase()}\n${resource}`) || paramsFromArn(spec.resource, resource) === undefined) continue;
      if (allows(set, call)) extraGrants.push(call);
    }
  }
  return { allowsEveryCall: deniedCalls.length === 0, deniedCalls, extraGrants, notes: wildcardNotes(calls) };
}

/**
 * The least-privilege policy for the recorded calls, checked: every call allowed, and (for `exact`) nothing else
 * across the catalog on those resources.
 *
 * @example
 * const { policy, check } = generatePolicy({ recorded: client.recorded() });
 * if (!check.allowsEveryCall) throw new Error('generated policy is incomplete');
 * @throws ToolingInputError when there are no calls or a call is malformed.
 */
export function generatePolicy(req: GeneratePolicyRequest): GeneratedPolicy {
  const granularity = req.granularity ?? 'exact';
  if (granularity !== 'exact' && granularity !== 'app') throw new ToolingInputError(`granularity: expected "exact" or "app", got ${JSON.stringify(granularity)}`);
  const calls = normalizeCalls(req);
  const policy: PolicyDocument = { Version: '2012-10-17', Statement: statementsFor(calls, granularity) };
  return { policy, check: verifyPolicy(policy, calls) };
}
