/**
 * The IAM and STS actions the emulation serves, one function each, answering with the members IAM's API reference
 * lists for the action's result. Lists page with `MaxItems`/`Marker`/`IsTruncated` as IAM's do.
 */
import type { IamState, StoredEntity, StoredManagedPolicy, StoredUser } from './state.js';
import { memberList, memberStructures, required, type QueryParams } from './params.js';
import { IamMockError, invalidInput, noSuchEntity } from './errors.js';
import type { XmlValue } from './xml.js';
import { XmlMap } from './xml.js';

export const IAM_NAMESPACE = 'https://iam.amazonaws.com/doc/2010-05-08/';
export const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';

/** What the simulator is asked for one (action, resource) pair. */
export interface SimulationQuestion {
  readonly api: 'SimulatePrincipalPolicy' | 'SimulateCustomPolicy';
  /** SimulatePrincipalPolicy's principal (user, group or role ARN). */
  readonly policySourceArn: string | undefined;
  /** Policy documents given in the request (PolicyInputList), decoded. */
  readonly policyInputList: readonly string[];
  readonly permissionsBoundaryPolicyInputList: readonly string[];
  readonly action: string;
  /** `*` when the request names no resource. */
  readonly resource: string;
  /** ContextEntries by key name. */
  readonly context: Readonly<Record<string, readonly string[]>>;
}

/** The emulated simulator's answer; `undefined` makes the request fail, naming the pair with no configured answer. */
export type SimulatorAnswer = 'allowed' | 'explicitDeny' | 'implicitDeny';
export type Simulator = (question: SimulationQuestion) => SimulatorAnswer | undefined;

/** The signer of a request, as STS and IAM know it. */
export interface ResolvedCaller { readonly arn: string; readonly userId: string; readonly account: string }

export interface IamActionContext {
  readonly state: IamState;
  readonly params: QueryParams;
  readonly caller: ResolvedCaller;
  /** The most items one page holds (IAM's MaxItems default is 100). */
  readonly pageSize: number;
  readonly simulator: Simulator | undefined;
  /** Throws AccessDenied when the caller may not perform `iam:<action>` on the resource (described as IAM describes it). */
  readonly authorize: (resource: string) => void;
}

export type IamAction = (ctx: IamActionContext) => XmlValue;

const MARKER_PREFIX = 'pinpoint-guard-iam-mock:';

/** One page of `items` per MaxItems/Marker; the result members are `{ [listName]: page, IsTruncated, Marker? }`. */
function paged<T>(ctx: IamActionContext, listName: string, items: readonly T[], render: (item: T) => XmlValue): XmlValue {
  const maxText = ctx.params.get('MaxItems');
  const max = maxText === undefined ? 100 : Number(maxText);
  if (!Number.isInteger(max) || max < 1 || max > 1000) {
    throw new IamMockError('ValidationError', `1 validation error detected: Value '${maxText}' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 1000`);
  }
  const marker = ctx.params.get('Marker');
  let start = 0;
  if (marker !== undefined) {
    const decoded = Buffer.from(marker, 'base64').toString('utf8');
    start = decoded.startsWith(MARKER_PREFIX) ? Number(decoded.slice(MARKER_PREFIX.length)) : NaN;
    if (!Number.isInteger(start) || start < 0 || start > items.length) throw invalidInput('Invalid Marker.');
  }
  const end = Math.min(items.length, start + Math.min(max, ctx.pageSize));
  const truncated = end < items.length;
  return {
    [listName]: items.slice(start, end).map(render),
    IsTruncated: truncated,
    Marker: truncated ? Buffer.from(`${MARKER_PREFIX}${end}`).toString('base64') : undefined,
  };
}

function find<T>(map: ReadonlyMap<string, T>, name: string, kind: string): T {
  const found = map.get(name);
  if (found === undefined) throw noSuchEntity(`The ${kind} with name ${name} cannot be found.`);
  return found;
}

function managed(ctx: IamActionContext, arn: string): StoredManagedPolicy {
  const found = ctx.state.policies.get(arn);
  if (found === undefined) throw noSuchEntity(`Policy ${arn} does not exist or is not attachable.`);
  return found;
}

const tagList = (tags: ReadonlyMap<string, string>): XmlValue => [...tags].map(([Key, Value]) => ({ Key, Value }));
const boundary = (e: StoredEntity): XmlValue =>
  e.permissionsBoundary ? { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: e.permissionsBoundary } : undefined;
const CREATED = '2026-01-01T00:00:00Z';
const ASSUME_ROLE_POLICY = encodeURIComponent(JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
}));

/** Which entity kind each entity-scoped action reads, and where its name comes from. */
type Kind = 'role' | 'user' | 'group';
const MAPS: Readonly<Record<Kind, (s: IamState) => ReadonlyMap<string, StoredEntity>>> = { role: (s) => s.roles, user: (s) => s.users, group: (s) => s.groups };
const NAME_PARAM: Readonly<Record<Kind, string>> = { role: 'RoleName', user: 'UserName', group: 'GroupName' };

function entityOf(ctx: IamActionContext, kind: Kind): StoredEntity {
  const name = required(ctx.params, NAME_PARAM[kind]);
  ctx.authorize(`${kind} ${name}`);
  return find(MAPS[kind](ctx.state), name, kind);
}

const listInline = (kind: Kind): IamAction => (ctx) => paged(ctx, 'PolicyNames', [...entityOf(ctx, kind).inline.keys()], (n) => n);
const getInline = (kind: Kind): IamAction => (ctx) => {
  const e = entityOf(ctx, kind);
  const name = required(ctx.params, 'PolicyName');
  const doc = e.inline.get(name);
  if (doc === undefined) throw noSuchEntity(`The ${kind} policy with name ${name} cannot be found.`);
  const entityMember = { role: 'RoleName', user: 'UserName', group: 'GroupName' }[kind];
  return { [entityMember]: e.name, PolicyName: name, PolicyDocument: encodeURIComponent(doc) };
};
const listAttached = (kind: Kind): IamAction => (ctx) => {
  const e = entityOf(ctx, kind);
  return paged(ctx, 'AttachedPolicies', e.attached, (arn) => ({ PolicyName: ctx.state.policies.get(arn)?.name ?? arn.split('/').pop(), PolicyArn: arn }));
};
const listTags = (kind: Kind): IamAction => (ctx) => paged(ctx, 'Tags', [...entityOf(ctx, kind).tags], ([Key, Value]) => ({ Key, Value }));

function roleXml(r: StoredEntity): XmlValue {
  return {
    Path: r.path, RoleName: r.name, RoleId: r.id, Arn: r.arn, CreateDate: CREATED, AssumeRolePolicyDocument: ASSUME_ROLE_POLICY,
    MaxSessionDuration: 3600, PermissionsBoundary: boundary(r), Tags: r.tags.size > 0 ? tagList(r.tags) : undefined,
  };
}

function userXml(u: StoredEntity): XmlValue {
  return { Path: u.path, UserName: u.name, UserId: u.id, Arn: u.arn, CreateDate: CREATED, PermissionsBoundary: boundary(u), Tags: u.tags.size > 0 ? tagList(u.tags) : undefined };
}

/** The user GetUser reads: the named one, else the caller when it is an IAM user (as IAM does). */
function userFor(ctx: IamActionContext): StoredUser {
  const named = ctx.params.get('UserName');
  if (named !== undefined) {
    ctx.authorize(`user ${named}`);
    return find(ctx.state.users, named, 'user') as StoredUser;
  }
  const own = /^arn:aws[\w-]*:iam::\d{12}:user\/(?:.*\/)?([^/]+)$/.exec(ctx.caller.arn)?.[1];
  if (own === undefined) throw new IamMockError('ValidationError', 'Must specify userName when calling with non-User credentials');
  ctx.authorize(`user ${own}`);
  return find(ctx.state.users, own, 'user') as StoredUser;
}

const DECISIONS: ReadonlySet<string> = new Set(['allowed', 'explicitDeny', 'implicitDeny']);

function simulate(api: SimulationQuestion['api']): IamAction {
  return (ctx) => {
    const actions = memberList(ctx.params, 'ActionNames');
    if (actions.length === 0) required(ctx.params, 'ActionNames');
    const resources = memberList(ctx.params, 'ResourceArns');
    const policySourceArn = api === 'SimulatePrincipalPolicy' ? required(ctx.params, 'PolicySourceArn') : undefined;
    ctx.authorize(policySourceArn ?? '*');
    if (policySourceArn !== undefined) {
      const m = /^arn:aws[\w-]*:iam::\d{12}:(role|user|group)\/(?:.*\/)?([^/]+)$/.exec(policySourceArn);
      if (!m) throw invalidInput(`Invalid ARN: ${policySourceArn} (PolicySourceArn must be a user, group or role ARN).`);
      find(MAPS[m[1] as Kind](ctx.state), m[2]!, m[1]!);
    }
    const policyInputList = memberList(ctx.params, 'PolicyInputList');
    if (api === 'SimulateCustomPolicy' && policyInputList.length === 0) required(ctx.params, 'PolicyInputList');
    const context: Record<string, readonly string[]> = {};
    for (const entry of memberStructures(ctx.params, 'ContextEntries')) {
      const key = entry.get('ContextKeyName');
      if (key === undefined) throw invalidInput('ContextEntries: ContextKeyName is required.');
      context[key] = [...entry].filter(([k]) => k.startsWith('ContextKeyValues.member.')).map(([, v]) => v);
    }
    const pairs = actions.flatMap((action) => (resources.length > 0 ? resources : ['*']).map((resource) => ({ action, resource })));
    const results = pairs.map(({ action, resource }) => {
      const answer = ctx.simulator?.({
        api, policySourceArn, policyInputList, permissionsBoundaryPolicyInputList: memberList(ctx.params, 'PermissionsBoundaryPolicyInputList'), action, resource, context,
      });
      if (answer === undefined || !DECISIONS.has(answer)) {
        throw invalidInput(`the emulated simulator has no answer configured for ${action} on ${resource} (set the mock's simulator)`);
      }
      return { action, resource, answer };
    });
    return paged(ctx, 'EvaluationResults', results, (r) => ({
      EvalActionName: r.action, EvalResourceName: r.resource, EvalDecision: r.answer, MatchedStatements: [], MissingContextValues: [],
      EvalDecisionDetails: new XmlMap({}),
    }));
  };
}

/** IAM's actions by name. */
export const IAM_ACTIONS: Readonly<Record<string, IamAction>> = {
  GetRole: (ctx) => ({ Role: roleXml(entityOf(ctx, 'role')) }),
  ListRolePolicies: listInline('role'),
  GetRolePolicy: getInline('role'),
  ListAttachedRolePolicies: listAttached('role'),
  ListRoleTags: listTags('role'),
  GetUser: (ctx) => ({ User: userXml(userFor(ctx)) }),
  ListUserPolicies: listInline('user'),
  GetUserPolicy: getInline('user'),
  ListAttachedUserPolicies: listAttached('user'),
  ListUserTags: listTags('user'),
  ListGroupsForUser: (ctx) => {
    const u = entityOf(ctx, 'user') as StoredUser;
    return paged(ctx, 'Groups', u.groups.map((g) => ctx.state.groups.get(g)!), (g) => ({ Path: g.path, GroupName: g.name, GroupId: g.id, Arn: g.arn, CreateDate: CREATED }));
  },
  ListGroupPolicies: listInline('group'),
  GetGroupPolicy: getInline('group'),
  ListAttachedGroupPolicies: listAttached('group'),
  GetPolicy: (ctx) => {
    const arn = required(ctx.params, 'PolicyArn');
    ctx.authorize(`policy ${arn}`);
    const p = managed(ctx, arn);
    return {
      Policy: {
        PolicyName: p.name, PolicyId: p.id, Arn: p.arn, Path: p.path, DefaultVersionId: p.defaultVersionId, AttachmentCount: 1,
        PermissionsBoundaryUsageCount: 0, IsAttachable: true, CreateDate: CREATED, UpdateDate: CREATED,
      },
    };
  },
  GetPolicyVersion: (ctx) => {
    const arn = required(ctx.params, 'PolicyArn');
    const versionId = required(ctx.params, 'VersionId');
    ctx.authorize(`policy ${arn}`);
    const p = managed(ctx, arn);
    const v = p.versions.get(versionId);
    if (v === undefined) throw noSuchEntity(`Policy ${arn} version ${versionId} does not exist or is not attachable.`);
    return { PolicyVersion: { Document: encodeURIComponent(v.document), VersionId: versionId, IsDefaultVersion: versionId === p.defaultVersionId, CreateDate: v.createDate } };
  },
  SimulatePrincipalPolicy: simulate('SimulatePrincipalPolicy'),
  SimulateCustomPolicy: simulate('SimulateCustomPolicy'),
};

/** STS's actions by name. */
export const STS_ACTIONS: Readonly<Record<string, IamAction>> = {
  GetCallerIdentity: (ctx) => ({ Arn: ctx.caller.arn, UserId: ctx.caller.userId, Account: ctx.caller.account }),
};
