/**
 * The emulated IAM's state: managed policies with versions, roles, users and groups with their inline policies,
 * attachments, permissions boundary and tags, and the callers (access key → principal) STS and IAM answer for.
 * Built from {@link IamMockOptions}; tests may change it between calls (`mock.state.roles.get('app')!.tags.set(...)`).
 */
import { createHash } from 'node:crypto';

/** A policy document: an object (stored as pretty JSON) or text kept verbatim (so a test can store one that does not parse). */
export type IamDocument = string | object;

/** Inline policies by name and attached managed policies by ARN. */
export interface IamEntityPoliciesConfig {
  readonly inlinePolicies?: Readonly<Record<string, IamDocument>>;
  /** Managed policy ARNs; each must be one of `policies` (customer managed) or an AWS managed ARN given there too. */
  readonly attachedPolicies?: readonly string[];
}

export interface IamRoleConfig extends IamEntityPoliciesConfig {
  readonly name: string;
  /** Default `/`. */
  readonly path?: string;
  /** The role's unique id (default derived from the name: `AROA…`). */
  readonly id?: string;
  /** ARN of a managed policy in `policies`. */
  readonly permissionsBoundary?: string;
  readonly tags?: Readonly<Record<string, string>>;
}

export interface IamUserConfig extends IamEntityPoliciesConfig {
  readonly name: string;
  readonly path?: string;
  /** Default derived from the name: `AIDA…`. */
  readonly id?: string;
  /** Names of groups in `groups`. */
  readonly groups?: readonly string[];
  readonly permissionsBoundary?: string;
  readonly tags?: Readonly<Record<string, string>>;
}

export interface IamGroupConfig extends IamEntityPoliciesConfig {
  readonly name: string;
  readonly path?: string;
  readonly id?: string;
}

export interface IamManagedPolicyConfig {
  /** `arn:aws:iam::<account>:policy/<path><name>` or an AWS managed `arn:aws:iam::aws:policy/<name>`. */
  readonly arn: string;
  /** Versions v1…vN, oldest first. */
  readonly versions: readonly IamDocument[];
  /** 1-based index of the default version (default: the last). */
  readonly defaultVersion?: number;
}

/** Who signs with an access key: STS GetCallerIdentity answers with it, and IAM refuses its `denied` actions. */
export interface IamCallerConfig {
  readonly accessKeyId: string;
  /** `arn:aws:sts::<account>:assumed-role/<role>/<session>`, `arn:aws:iam::<account>:user/<name>`, `…:root`, `arn:aws:sts::<account>:federated-user/<name>`. */
  readonly arn: string;
  /** STS's UserId (default: as AWS forms it from the entity: `AROA…:<session>`, `AIDA…`, the account id, `<account>:<name>`). */
  readonly userId?: string;
  /** IAM actions refused to this caller with AccessDenied, as patterns (`iam:GetRolePolicy`, `iam:List*`, `*`). */
  readonly denied?: readonly string[];
}

export interface StoredPolicyVersion { document: string; readonly createDate: string }
export interface StoredManagedPolicy {
  readonly arn: string;
  readonly name: string;
  readonly path: string;
  readonly id: string;
  /** By version id (`v1`, `v2`, …); delete one to make it vanish. */
  readonly versions: Map<string, StoredPolicyVersion>;
  defaultVersionId: string;
}
export interface StoredEntity {
  readonly name: string;
  readonly path: string;
  readonly id: string;
  readonly arn: string;
  /** Inline policies by name, documents as text. */
  readonly inline: Map<string, string>;
  /** Attached managed policy ARNs, in attachment order. */
  readonly attached: string[];
  permissionsBoundary: string | undefined;
  readonly tags: Map<string, string>;
}
export interface StoredUser extends StoredEntity { readonly groups: string[] }
export interface StoredCaller { readonly arn: string; readonly userId: string | undefined; readonly denied: readonly string[] }

/** The mutable state of an emulated IAM. */
export interface IamState {
  readonly accountId: string;
  readonly policies: Map<string, StoredManagedPolicy>;
  readonly roles: Map<string, StoredEntity>;
  readonly users: Map<string, StoredUser>;
  readonly groups: Map<string, StoredEntity>;
  /** By access key id. */
  readonly callers: Map<string, StoredCaller>;
}

const CREATED = '2026-01-01T00:00:00Z';

/** A stable unique id as IAM forms them: a 4-letter prefix by kind and 17 upper-case characters. */
export function uniqueId(prefix: string, seed: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const digest = createHash('sha256').update(seed).digest();
  let out = prefix;
  for (let i = 0; out.length < 21; i++) out += alphabet[digest[i]! % 32];
  return out;
}

/** A document as IAM stores it: text kept verbatim, objects as JSON. */
export function documentText(doc: IamDocument): string {
  return typeof doc === 'string' ? doc : JSON.stringify(doc, null, 2);
}

function normalPath(path: string | undefined, what: string): string {
  const p = path ?? '/';
  if (!/^\/([\x21-\x7e]+\/)?$/.test(p)) throw new RangeError(`${what}.path: expected / or /segments/, got ${JSON.stringify(p)}`);
  return p;
}

function entity(kind: 'role' | 'user' | 'group', prefix: string, accountId: string, config: IamRoleConfig | IamUserConfig | IamGroupConfig): StoredEntity {
  const path = normalPath(config.path, `${kind} ${config.name}`);
  return {
    name: config.name,
    path,
    id: config.id ?? uniqueId(prefix, `${kind}/${config.name}`),
    arn: `arn:aws:iam::${accountId}:${kind}${path}${config.name}`,
    inline: new Map(Object.entries(config.inlinePolicies ?? {}).map(([n, d]) => [n, documentText(d)])),
    attached: [...(config.attachedPolicies ?? [])],
    permissionsBoundary: 'permissionsBoundary' in config ? config.permissionsBoundary : undefined,
    tags: new Map(Object.entries('tags' in config ? (config.tags ?? {}) : {})),
  };
}

function managedPolicy(config: IamManagedPolicyConfig): StoredManagedPolicy {
  const m = /^arn:aws[\w-]*:iam::(\d{12}|aws):policy(\/(?:[\x21-\x7e]+\/)?)([\w+=,.@-]+)$/.exec(config.arn);
  if (!m) throw new RangeError(`policies: expected a managed policy ARN (arn:aws:iam::<account>:policy/<path><name>), got ${JSON.stringify(config.arn)}`);
  if (config.versions.length === 0) throw new RangeError(`policies ${config.arn}: expected at least one version`);
  const defaultVersion = config.defaultVersion ?? config.versions.length;
  if (!Number.isInteger(defaultVersion) || defaultVersion < 1 || defaultVersion > config.versions.length) {
    throw new RangeError(`policies ${config.arn}: defaultVersion must be between 1 and ${config.versions.length}`);
  }
  return {
    arn: config.arn,
    name: m[3]!,
    path: m[2]!,
    id: uniqueId('ANPA', config.arn),
    versions: new Map(config.versions.map((d, i) => [`v${i + 1}`, { document: documentText(d), createDate: CREATED }])),
    defaultVersionId: `v${defaultVersion}`,
  };
}

/** Builds the state; an attachment, boundary or group naming something not configured is refused here, not at request time. */
export function buildState(options: {
  readonly accountId: string;
  readonly policies?: readonly IamManagedPolicyConfig[];
  readonly roles?: readonly IamRoleConfig[];
  readonly users?: readonly IamUserConfig[];
  readonly groups?: readonly IamGroupConfig[];
  readonly callers?: readonly IamCallerConfig[];
}): IamState {
  const { accountId } = options;
  const policies = new Map((options.policies ?? []).map((p) => [p.arn, managedPolicy(p)]));
  const roles = new Map((options.roles ?? []).map((r) => [r.name, entity('role', 'AROA', accountId, r)]));
  const groups = new Map((options.groups ?? []).map((g) => [g.name, entity('group', 'AGPA', accountId, g)]));
  const users = new Map((options.users ?? []).map((u) => [u.name, { ...entity('user', 'AIDA', accountId, u), groups: [...(u.groups ?? [])] }]));
  for (const [kind, map] of [['role', roles], ['user', users], ['group', groups]] as const) {
    for (const e of map.values()) {
      for (const arn of [...e.attached, ...(e.permissionsBoundary ? [e.permissionsBoundary] : [])]) {
        if (!policies.has(arn)) throw new RangeError(`${kind} ${e.name}: the managed policy ${arn} is not in policies`);
      }
    }
  }
  for (const u of users.values()) {
    for (const g of u.groups) if (!groups.has(g)) throw new RangeError(`user ${u.name}: the group ${g} is not in groups`);
  }
  const callers = new Map((options.callers ?? []).map((c) => [c.accessKeyId, { arn: c.arn, userId: c.userId, denied: c.denied ?? [] }]));
  return { accountId, policies, roles, users, groups, callers };
}
