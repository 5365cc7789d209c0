/**
 * The implementation behind `policyFromSource` and `checkSourcePolicy`, loaded on demand with ts-morph: the calls a
 * project's source makes, turned into the calls a policy must allow (ARNs built as the client builds them), then the
 * least-privilege policy (`generatePolicy`, with its self-check) or a check of an existing policy.
 */
import { operations } from '../../../generated/operations.js';
import { bindCall } from '../../client/bind.js';
import { ValidationError } from '../../errors/validation.js';
import { parsePolicy, statementName, type ParsedStatement } from '../../policy/index.js';
import { buildArn } from '../../resource/arn.js';
import { decideOnArn, guardResource } from '../../guard/decide.js';
import { compileGuardPolicies } from '../../guard/policies.js';
import { placeholdersOf, PROJECT_TEMPLATE } from '../catalog.js';
import { ToolingInputError } from '../errors.js';
import { generatePolicy, resourcesFor, type Granularity, type PolicyCall, type PolicyDocument } from '../generate.js';
import { resourceCovered } from '../lint/redundancy.js';
import { MissingEnvironmentError } from './errors.js';
import { findCalls, type Construction, type FoundCall } from './find.js';
import type { TsMorphModule } from './load.js';
import { openProject, type OpenProject } from './project.js';
import {
  siteText, type CallSite, type ClientGroup, type DeniedSourceCall, type FilledId, type SourceCall, type SourceCheckRequest, type Sourced, type SourcePolicy,
  type SourcePolicyCheck, type SourcePolicyRequest, type SourceRequest, type SourceStatement, type SourceWildcard, type UnresolvedCall, type UnusedGrant,
} from './types.js';

/** The id a whole-ARN template takes (TagResource): a wildcard there would be every resource, so it is never opened. */
const WHOLE_ARN = 'ResourceArn';

interface Needs {
  readonly calls: readonly SourceCall[];
  readonly wildcards: readonly SourceWildcard[];
  readonly unresolved: readonly UnresolvedCall[];
  readonly files: number;
  readonly clients: readonly ClientGroup[];
  readonly filled: readonly FilledId[];
}

const bySite = (a: { site: CallSite }, b: { site: CallSite }) =>
  a.site.file.localeCompare(b.site.file) || a.site.line - b.site.line || a.site.column - b.site.column;

type Environment = { readonly region: string; readonly accountId: string };

/** Every input member that is a path label of some operation: the names `ids` may fill. */
const ID_MEMBERS: ReadonlySet<string> = new Set(Object.values(operations).flatMap((o) => o.labels));

/** The ids given from outside the code, checked: each must be a member some operation's path takes. */
function givenIds(req: SourceRequest): Map<string, FilledIdBuilder> {
  const out = new Map<string, FilledIdBuilder>();
  for (const [member, value] of Object.entries(req.ids ?? {})) {
    const from = req.origins?.ids?.[member] ?? 'the request';
    if (!ID_MEMBERS.has(member)) throw new ToolingInputError(`${from}: ${member} is not an id any Pinpoint operation takes (expected one of ${[...ID_MEMBERS].sort().join(', ')})`);
    out.set(member, { member, value, from, sites: [] });
  }
  return out;
}

type FilledIdBuilder = FilledId & { sites: (CallSite & { callee: string })[] };

/** A found call as the call a policy must allow, or why it cannot be one; ids the code does not fix come from `given`. */
function needOf(found: FoundCall, env: Environment, given: ReadonlyMap<string, FilledIdBuilder>): { call: SourceCall; wildcards: SourceWildcard[] } | UnresolvedCall {
  const { op, site, callee } = found;
  const inArn = new Set(placeholdersOf(op.resource));
  const input: Record<string, string> = {};
  const wildcards: SourceWildcard[] = [];
  const used: FilledIdBuilder[] = [];
  for (const label of op.labels) {
    const id = found.ids[label] as FoundCall['ids'][string];
    if ('value' in id) { input[label] = id.value; continue; }
    const fill = given.get(label);
    if (fill !== undefined) { input[label] = fill.value; used.push(fill); continue; }
    if (label === WHOLE_ARN) return { site, text: found.text, reason: `${WHOLE_ARN} is not known (${id.unknown}): a whole ARN cannot be narrowed, and a wildcard there would grant every resource` };
    input[label] = '*';
    if (inArn.has(label)) wildcards.push({ site, operation: callee, member: label, reason: id.unknown });
  }
  try {
    const { resource } = guardResource({ call: bindCall(op, input) }, env);
    for (const f of used) f.sites.push({ ...site, callee });
    return { call: { site, callee, action: op.action, resource, anyIds: wildcards.map((w) => w.member) }, wildcards };
  } catch (e) {
    if (e instanceof ValidationError) return { site, text: found.text, reason: `the client would refuse this call's ids: ${e.message}` };
    throw e;
  }
}

/** Checks an environment value once: one a request gives is the request's fault; one the code gives is named with its site. */
function checked(env: { region: Sourced; accountId: Sourced }, fromRequest: boolean): Environment {
  const plain = { region: env.region.value, accountId: env.accountId.value };
  try {
    buildArn(PROJECT_TEMPLATE, { ApplicationId: 'a' }, plain);
  } catch (e) {
    if (fromRequest) throw e;
    throw new ToolingInputError(`the Region ${env.region.value} (${env.region.from}) and account ${env.accountId.value} (${env.accountId.from}) make no ARN: ${(e as Error).message}`);
  }
  return plain;
}

/**
 * The Region and account for each construction's calls: the request's value, else the construction's constant, else
 * the one value all constructions agree on (for calls not traced to a construction), else the Region's default; an
 * account that nothing gives is asked for.
 */
function environmentOf(req: SourceRequest, constructions: readonly Construction[]) {
  const pick = (key: 'region' | 'accountId', what: string, fallback: Sourced | undefined) => {
    const given = req[key];
    if (given !== undefined) return () => ({ value: given, from: req.origins?.[key] ?? 'the request' });
    const fromCode = (c: Construction): Sourced | undefined => {
      const v = c[key];
      return 'value' in v ? { value: v.value, from: `${siteText(c.site)}, ${key} of ${c.text}` } : undefined;
    };
    const known = constructions.flatMap((c) => fromCode(c) ?? []);
    const values = [...new Set(known.map((k) => k.value))];
    const agreed: Sourced | undefined = values.length === 1 ? { value: values[0] as string, from: `every client construction that fixes it: ${known.map((k) => k.from.split(',')[0]).join(', ')}` } : undefined;
    return (c: Construction | undefined, callSite: CallSite): Sourced => {
      const own = c === undefined ? undefined : fromCode(c);
      if (own !== undefined) return own;
      if (agreed !== undefined) return agreed;
      if (values.length > 1) {
        throw new MissingEnvironmentError(key, `the call at ${siteText(callSite)} goes through ${c === undefined ? 'no client construction the code fixes' : `${c.text} at ${siteText(c.site)}, which does not fix its ${key}`}, and the constructions give different ones (${known.map((k) => `${k.value} at ${k.from}`).join('; ')}); give the ${what}`);
      }
      if (fallback !== undefined) return fallback;
      throw new MissingEnvironmentError(key, `no client construction in the code fixes ${key} as a constant, and none was given; give the ${what} (the 12-digit account id the ARNs name)`);
    };
  };
  return {
    region: pick('region', 'Region', { value: DEFAULT_REGION, from: `the default (no Region given, and no client construction fixes one)` }),
    accountId: pick('accountId', 'account', undefined),
  };
}

const DEFAULT_REGION = 'us-east-1';

/** Opens the request's project; a Region or account the request gives is checked first: a bad one is its fault, said first. */
function open(tsm: TsMorphModule, req: SourceRequest): OpenProject {
  givenIds(req);
  if (req.region !== undefined || req.accountId !== undefined) {
    buildArn(PROJECT_TEMPLATE, { ApplicationId: 'a' }, { region: req.region ?? DEFAULT_REGION, accountId: req.accountId ?? '123456789012' });
  }
  return openProject(tsm, req.project, req.entries);
}

function readNeeds(tsm: TsMorphModule, { project, files, root }: OpenProject, req: SourceRequest): Needs {
  const found = findCalls(tsm, project, files, root);
  const given = givenIds(req);
  const environment = environmentOf(req, found.constructions);
  const fromRequest = { region: req.region !== undefined, accountId: req.accountId !== undefined };
  const calls: SourceCall[] = [];
  const wildcards: SourceWildcard[] = [];
  const unresolved: UnresolvedCall[] = [...found.unresolved];
  const groups = new Map<Construction | undefined, { region: Sourced; accountId: Sourced; env: Environment; calls: ClientGroup['calls'][number][] }>();
  for (const f of found.calls) {
    const construction = 'untraced' in f.client ? undefined : f.client;
    let group = groups.get(construction);
    if (group === undefined) {
      const sourced = { region: environment.region(construction, f.site), accountId: environment.accountId(construction, f.site) };
      group = { ...sourced, env: checked(sourced, fromRequest.region && fromRequest.accountId), calls: [] };
      groups.set(construction, group);
    }
    const need = needOf(f, group.env, given);
    if ('reason' in need) { unresolved.push(need); continue; }
    calls.push(need.call);
    wildcards.push(...need.wildcards);
    group.calls.push({ ...f.site, callee: f.callee, action: f.op.action, ...('untraced' in f.client ? { untraced: f.client.untraced } : {}) });
  }
  const clients: ClientGroup[] = [...groups].map(([c, g]) => ({
    ...(c === undefined ? {} : { construction: { site: c.site, kind: c.kind, text: c.text } }),
    region: g.region, accountId: g.accountId, calls: g.calls.sort((a, b) => bySite({ site: a }, { site: b })),
  }));
  // Constructions first, in file order; the calls traced to none last.
  clients.sort((a, b) => (a.construction === undefined ? 1 : 0) - (b.construction === undefined ? 1 : 0)
    || (a.construction !== undefined && b.construction !== undefined ? bySite(a.construction, b.construction) : 0));
  const filled = [...given.values()].map((f) => ({ ...f, sites: f.sites.sort((a, b) => bySite({ site: a }, { site: b })) }));
  return { calls: calls.sort(bySite), wildcards: wildcards.sort(bySite), unresolved: unresolved.sort(bySite), files: files.length, clients, filled };
}

const policyCall = (c: SourceCall): PolicyCall => ({ action: c.action, resource: c.resource, ...(c.anyIds.length > 0 ? { anyIds: c.anyIds } : {}) });

/**
 * Each statement's call sites: a call belongs to the statement holding the resource generatePolicy wrote for it, or
 * the one whose resource covers it (generatePolicy drops a resource another of the same action covers).
 */
function traceStatements(policy: PolicyDocument, calls: readonly SourceCall[], granularity: Granularity): SourceStatement[] {
  const sites = new Map<string, (CallSite & { callee: string; action: string })[]>(policy.Statement.map((s) => [s.Sid, []]));
  for (const c of calls) {
    const resource = resourcesFor(policyCall(c), granularity)[0] as string;
    const statement = policy.Statement.find((s) => s.Action.includes(c.action) && resourceCovered(s.Resource, resource, false));
    if (statement === undefined) throw new Error(`internal: no statement holds ${c.action} on ${resource}`);
    sites.get(statement.Sid)?.push({ ...c.site, callee: c.callee, action: c.action });
  }
  return [...sites].map(([Sid, callSites]) => ({ Sid, callSites }));
}

export function sourcePolicy(tsm: TsMorphModule, req: SourcePolicyRequest): SourcePolicy {
  return policyOfProject(tsm, open(tsm, req), req, req.granularity ?? 'exact');
}

/** The policy for an open project (tests reuse one ts-morph Project across many generated sources). */
export function policyOfProject(tsm: TsMorphModule, project: OpenProject, req: Omit<SourceRequest, 'project'>, granularity: Granularity): SourcePolicy {
  const needs = readNeeds(tsm, project, { project: '', ...req });
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
  const needs = readNeeds(tsm, open(tsm, req), req);
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
  return {
    allowsEveryCall: list.length === 0, denied: list, unusedGrants: unusedGrants(parsed.statements, parsed.version, needs.calls),
    calls: needs.calls, unresolved: needs.unresolved, files: needs.files, clients: needs.clients, filled: needs.filled,
  };
}
