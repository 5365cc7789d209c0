/**
 * Reading a role's, user's or group's documents from IAM: inline policies (List*Policies + Get*Policy), attached
 * managed policies (ListAttached*Policies, then GetPolicy + GetPolicyVersion of the default version), each list paged
 * to its end; documents URL-decoded and parsed, each labelled with where it came from.
 */
import type { ParsedPolicy } from '../policy/index.js';
import { parsePolicy, PolicyParseError } from '../policy/index.js';
import { allPages, awsCall, mapLimit, type AwsClients } from './sdk.js';
import { PrincipalLoadError } from './errors.js';
import type { PolicySource } from './types.js';

/** Calls in flight per list of documents: a principal with hundreds of attached policies must not trip IAM's rate limit. */
const CONCURRENCY = 8;

export interface LoadedDocument { readonly policy: ParsedPolicy; readonly source: PolicySource }

/** The SDK calls of one entity kind, as a table rather than a switch per kind. */
interface EntityCalls {
  readonly noun: string;
  listInline(c: AwsClients, name: string, marker: string | undefined): Promise<{ PolicyNames?: string[]; IsTruncated?: boolean; Marker?: string }>;
  getInline(c: AwsClients, name: string, policyName: string): Promise<{ PolicyDocument?: string }>;
  listAttached(c: AwsClients, name: string, marker: string | undefined): Promise<{ AttachedPolicies?: { PolicyName?: string; PolicyArn?: string }[]; IsTruncated?: boolean; Marker?: string }>;
}

export type EntityKind = 'role' | 'user' | 'group';

const CALLS: Readonly<Record<EntityKind, EntityCalls & { readonly actions: readonly [string, string, string] }>> = {
  role: {
    noun: 'role',
    actions: ['iam:ListRolePolicies', 'iam:GetRolePolicy', 'iam:ListAttachedRolePolicies'],
    listInline: (c, RoleName, Marker) => c.iam.send(new c.IAM.ListRolePoliciesCommand({ RoleName, Marker })),
    getInline: (c, RoleName, PolicyName) => c.iam.send(new c.IAM.GetRolePolicyCommand({ RoleName, PolicyName })),
    listAttached: (c, RoleName, Marker) => c.iam.send(new c.IAM.ListAttachedRolePoliciesCommand({ RoleName, Marker })),
  },
  user: {
    noun: 'user',
    actions: ['iam:ListUserPolicies', 'iam:GetUserPolicy', 'iam:ListAttachedUserPolicies'],
    listInline: (c, UserName, Marker) => c.iam.send(new c.IAM.ListUserPoliciesCommand({ UserName, Marker })),
    getInline: (c, UserName, PolicyName) => c.iam.send(new c.IAM.GetUserPolicyCommand({ UserName, PolicyName })),
    listAttached: (c, UserName, Marker) => c.iam.send(new c.IAM.ListAttachedUserPoliciesCommand({ UserName, Marker })),
  },
  group: {
    noun: 'group',
    actions: ['iam:ListGroupPolicies', 'iam:GetGroupPolicy', 'iam:ListAttachedGroupPolicies'],
    listInline: (c, GroupName, Marker) => c.iam.send(new c.IAM.ListGroupPoliciesCommand({ GroupName, Marker })),
    getInline: (c, GroupName, PolicyName) => c.iam.send(new c.IAM.GetGroupPolicyCommand({ GroupName, PolicyName })),
    listAttached: (c, GroupName, Marker) => c.iam.send(new c.IAM.ListAttachedGroupPoliciesCommand({ GroupName, Marker })),
  },
};

/** IAM returns documents URL-encoded (RFC 3986); decoded here, a malformed escape is the document's own fault. */
function decodeDocument(encoded: string | undefined, label: string, principalArn: string): string {
  if (encoded === undefined) throw new PrincipalLoadError({ code: 'InvalidResponse', principalArn, message: `IAM returned ${label} without a document` });
  try {
    return decodeURIComponent(encoded);
  } catch {
    throw new PrincipalLoadError({ code: 'MalformedPolicy', principalArn, message: `${label} is not a URL-encoded document` });
  }
}

/** Parses one document; one that does not parse fails the whole load (closed), naming the document and its problems. */
export function parseDocument(text: string, source: PolicySource, principalArn: string): LoadedDocument {
  try {
    return { policy: parsePolicy(text, { label: source.label }), source };
  } catch (e) {
    if (!(e instanceof PolicyParseError)) throw e;
    throw new PrincipalLoadError({ code: 'MalformedPolicy', principalArn, message: `${source.label} does not parse, so the guard denies every call: ${e.message}`, cause: e });
  }
}

/**
 * A managed policy's default version. The default can change between GetPolicy and GetPolicyVersion (a new version
 * set as default, the old one deleted): on NoSuchEntity the default is read once more before giving up.
 */
export async function readManaged(c: AwsClients, arn: string, attachedTo: string, principalArn: string, kind: 'managed' | 'permissions-boundary'): Promise<LoadedDocument> {
  for (let attempt = 1; ; attempt++) {
    const { Policy } = await awsCall('iam:GetPolicy', principalArn, () => c.iam.send(new c.IAM.GetPolicyCommand({ PolicyArn: arn })));
    const versionId = Policy?.DefaultVersionId;
    if (!versionId) throw new PrincipalLoadError({ code: 'InvalidResponse', action: 'iam:GetPolicy', principalArn, message: `${arn} has no DefaultVersionId` });
    let version;
    try {
      version = await awsCall('iam:GetPolicyVersion', principalArn, () => c.iam.send(new c.IAM.GetPolicyVersionCommand({ PolicyArn: arn, VersionId: versionId })));
    } catch (e) {
      if (e instanceof PrincipalLoadError && e.code === 'NoSuchEntity' && attempt < 2) continue;
      if (e instanceof PrincipalLoadError && e.code === 'NoSuchEntity') {
        throw new PrincipalLoadError({
          code: 'NoSuchEntity', action: 'iam:GetPolicyVersion', principalArn,
          message: `the default version ${versionId} of ${arn} vanished while it was read (twice), so its permissions are unknown`, cause: e,
        });
      }
      throw e;
    }
    const name = Policy?.PolicyName ?? arn.slice(arn.lastIndexOf('/') + 1);
    const label = kind === 'managed' ? `managed policy ${arn} (${versionId})` : `permissions boundary ${arn} (${versionId})`;
    const source: PolicySource = { kind, name, arn, versionId, attachedTo, label };
    return parseDocument(decodeDocument(version.PolicyVersion?.Document, label, principalArn), source, principalArn);
  }
}

/** An entity's inline then attached managed policies, every list paged to its end. */
export async function readEntityPolicies(c: AwsClients, kind: EntityKind, name: string, entityArn: string, principalArn: string): Promise<LoadedDocument[]> {
  const calls = CALLS[kind];
  const [listInline, getInline, listAttached] = calls.actions;
  const inlinePages = await allPages(listInline, principalArn, (m) => calls.listInline(c, name, m));
  const inlineNames = inlinePages.flatMap((p) => p.PolicyNames ?? []);
  const inline = await mapLimit(inlineNames, CONCURRENCY, async (policyName) => {
    const res = await awsCall(getInline, principalArn, () => calls.getInline(c, name, policyName));
    const label = `inline policy ${policyName} of ${calls.noun} ${name}`;
    const source: PolicySource = { kind: 'inline', name: policyName, attachedTo: entityArn, label };
    return parseDocument(decodeDocument(res.PolicyDocument, label, principalArn), source, principalArn);
  });
  const attachedPages = await allPages(listAttached, principalArn, (m) => calls.listAttached(c, name, m));
  const arns = attachedPages.flatMap((p) => (p.AttachedPolicies ?? []).map((a) => a.PolicyArn).filter((a): a is string => a !== undefined));
  const managed = await mapLimit(arns, CONCURRENCY, (arn) => readManaged(c, arn, entityArn, principalArn, 'managed'));
  return [...inline, ...managed];
}

/** Tags of a role or user, paged to the end (ListRoleTags / ListUserTags). */
export async function readTags(c: AwsClients, kind: 'role' | 'user', name: string, principalArn: string): Promise<Record<string, string>> {
  const pages = kind === 'role'
    ? await allPages('iam:ListRoleTags', principalArn, (Marker) => c.iam.send(new c.IAM.ListRoleTagsCommand({ RoleName: name, Marker })))
    : await allPages('iam:ListUserTags', principalArn, (Marker) => c.iam.send(new c.IAM.ListUserTagsCommand({ UserName: name, Marker })));
  const tags: Record<string, string> = {};
  for (const t of pages.flatMap((p) => p.Tags ?? [])) if (t.Key !== undefined) tags[t.Key] = t.Value ?? '';
  return tags;
}
