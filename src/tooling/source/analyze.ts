/**
 * The implementation behind `policyFromSource` and `checkSourcePolicy`, loaded on demand with ts-morph: the calls a
 * project's source makes, turned into the calls a policy must allow (ARNs built as the client builds them), then the
 * least-privilege policy (`generatePolicy`, with its self-check) or a check of an existing policy.
 */
import { bindCall } from '../../client/bind.js';
import { ValidationError } from '../../errors/validation.js';
import { parsePolicy, statementName, type ParsedStatement } from '../../policy/index.js';
import { buildArn } from '../../resource/arn.js';
import { decideOnArn, guardResource } from '../../guard/decide.js';
import { compileGuardPolicies } from '../../guard/policies.js';
import { placeholdersOf, PROJECT_TEMPLATE } from '../catalog.js';
import { generatePolicy, resourcesFor, type Granularity, type PolicyCall, type PolicyDocument } from '../generate.js';
import { findCalls, type FoundCall } from './find.js';
import type { TsMorphModule } from './load.js';
import { openProject, type OpenProject } from './project.js';
import type {
  CallSite, DeniedSourceCall, SourceCall, SourceCheckRequest, SourcePolicy, SourcePolicyCheck, SourcePolicyRequest, SourceRequest,
  SourceStatement, SourceWildcard, UnresolvedCall, UnusedGrant,
} from './types.js';

/** The id a whole-ARN template takes (TagResource): a wildcard there would be every resource, so it is never opened. */
const WHOLE_ARN = 'ResourceArn';

interface Needs {
  readonly calls: readonly SourceCall[];
  readonly wildcards: readonly SourceWildcard[];
  readonly unresolved: readonly UnresolvedCall[];
  readonly files: number;
}

const bySite = (a: { site: CallSite }, b: { site: CallSite }) =>
  a.site.file.localeCompare(b.site.file) || a.site.line - b.site.line || a.site.column - b.site.column;

/** A found call as the call a policy must allow, or why it cannot be one. */
function needOf(found: FoundCall, env: { region: string; accountId: string }): { call: SourceCall; wildcards: SourceWildcard[] } | UnresolvedCall {
  const { op, site, callee } = found;
  const inArn = new Set(placeholdersOf(op.resource));
  const input: Record<string, string> = {};
  const wildcards: SourceWildcard[] = [];
  for (const label of op.labels) {
    const id = found.ids[label] as FoundCall['ids'][string];
    if ('value' in id) { input[label] = id.value; continue; }
    if (label === WHOLE_ARN) return { site, text: found.text, reason: `${WHOLE_ARN} is not known (${id.unknown}): a whole ARN cannot be narrowed, and a wildcard there would grant every resource` };
    input[label] = '*';
    if (inArn.has(label)) wildcards.push({ site, operation: callee, member: label, reason: id.unknown });
  }
  try {
    const { resource } = guardResource({ call: bindCall(op, input) }, env);
    return { call: { site, callee, action: op.action, resource, anyIds: wildcards.map((w) => w.member) }, wildcards };
  } catch (e) {
    if (e instanceof ValidationError) return { site, text: found.text, reason: `the client would refuse this call's ids: ${e.message}` };
    throw e;
  }
}

type Environment = { readonly region: string; readonly accountId: string };

/** Opens the request's project, after checking its Region and account: a bad one is the request's fault, said first. */
function open(tsm: TsMorphModule, req: SourceRequest): { project: OpenProject; env: Environment } {
  const env = { region: req.region, accountId: req.accountId };
  buildArn(PROJECT_TEMPLATE, { ApplicationId: 'a' }, env);
  return { project: openProject(tsm, req.project), env };
}

function readNeeds(tsm: TsMorphModule, { project, files, root }: OpenProject, env: Environment): Needs {
  const found = findCalls(tsm, project, files, root);
  const calls: SourceCall[] = [];
  const wildcards: SourceWildcard[] = [];
  const unresolved: UnresolvedCall[] = [...found.unresolved];
  for (const f of found.calls) {
    const need = needOf(f, env);
    if ('reason' in need) unresolved.push(need);
    else { calls.push(need.call); wildcards.push(...need.wildcards); }
  }
  return { calls: calls.sort(bySite), wildcards: wildcards.sort(bySite), unresolved: unresolved.sort(bySite), files: files.length };
}

const policyCall = (c: SourceCall): PolicyCall => ({ action: c.action, resource: c.resource, ...(c.anyIds.length > 0 ? { anyIds: c.anyIds } : {}) });

/** Each statement's call sites: a call belongs to the statement holding the resource generatePolicy wrote for it. */
function traceStatements(policy: PolicyDocument, calls: readonly SourceCall[], granularity: Granularity): SourceStatement[] {
  const sites = new Map<string, (CallSite & { callee: string; action: string })[]>(policy.Statement.map((s) => [s.Sid, []]));
  for (const c of calls) {
    const resource = resourcesFor(policyCall(c), granularity)[0] as string;
    const statement = policy.Statement.find((s) => s.Action.includes(c.action) && s.Resource.includes(resource));
    if (statement === undefined) throw new Error(`internal: no statement holds ${c.action} on ${resource}`);
    sites.get(statement.Sid)?.push({ ...c.site, callee: c.callee, action: c.action });
  }
  return [...sites].map(([Sid, callSites]) => ({ Sid, callSites }));
}

export function sourcePolicy(tsm: TsMorphModule, req: SourcePolicyRequest): SourcePolicy {
  const { project, env } = open(tsm, req);
  return policyOfProject(tsm, project, env, req.granularity ?? 'exact');
}

/** The policy for an open project (tests reuse one ts-morph Project across many generated sources). */
export function policyOfProject(tsm: TsMorphModule, project: OpenProject, env: Environment, granularity: Granularity): SourcePolicy {
  const needs = readNeeds(tsm, project, env);
  const empty: PolicyDocument = { Version: '2012-10-17', Statement: [] };
  // IAM takes no policy without a statement, so there is nothing to evaluate: no call, none denied, nothing extra.
  const generated = needs.calls.length === 0
    ? { policy: empty, check: { allowsEveryCall: true, deniedCalls: [], extraGrants: [], notes: [] } }
    : generatePolicy({ calls: needs.calls.map(policyCall), granularity });
  return { ...generated, statements: traceStatements(generated.policy, needs.calls, granularity), ...needs };
}

/** Each Action × Resource entry of each Allow statement that no call uses (NotAction/NotResource: the statement). */
function unusedGrants(statements: readonly ParsedStatement[], version: string, calls: readonly SourceCall[]): UnusedGrant[] {
  const used = (statement: object) => {
    const set = compileGuardPolicies({ policies: [{ Version: version, Statement: [{ Effect: 'Allow', ...statement }] }] }, { decisionCacheSize: 0 });
    return calls.some((c) => decideOnArn(set, c.action, c.resource).decision.decision === 'Allow');
  };
  const out: UnusedGrant[] = [];
  for (const s of statements.filter((x) => x.effect === 'Allow')) {
    const name = statementName(s);
    const actions: [object, string][] = s.action?.map((a) => [{ Action: a }, a]) ?? [[{ NotAction: s.notAction }, `NotAction ${JSON.stringify(s.notAction)}`]];
    const resources: [object, string][] = s.resource?.map((r) => [{ Resource: r }, r]) ?? [[{ NotResource: s.notResource }, `NotResource ${JSON.stringify(s.notResource)}`]];
    for (const [a, action] of actions) {
      for (const [r, resource] of resources) if (!used({ ...a, ...r })) out.push({ statement: name, action, resource });
    }
  }
  return out;
}

export function sourceCheck(tsm: TsMorphModule, req: SourceCheckRequest): SourcePolicyCheck {
  const parsed = parsePolicy(req.policy, { label: req.policyLabel ?? 'policy' });
  const { project, env } = open(tsm, req);
  const needs = readNeeds(tsm, project, env);
  const set = compileGuardPolicies({ policies: [parsed] }, { decisionCacheSize: 0 });
  const denied = new Map<string, DeniedSourceCall & { sites: CallSite[] }>();
  for (const c of needs.calls) {
    const key = `${c.action}\n${c.resource}`;
    const seen = denied.get(key);
    if (seen !== undefined) { seen.sites.push(c.site); continue; }
    const d = decideOnArn(set, c.action, c.resource).decision;
    if (d.decision !== 'Allow') denied.set(key, { action: c.action, resource: c.resource, reason: d.reason, sites: [c.site] });
  }
  const list = [...denied.values()];
  return { allowsEveryCall: list.length === 0, denied: list, unusedGrants: unusedGrants(parsed.statements, parsed.version, needs.calls), calls: needs.calls, unresolved: needs.unresolved, files: needs.files };
}
