/**
 * `loadPrincipal`: the caller as AWS sees it. STS GetCallerIdentity says who the credentials belong to (unless
 * `principalArn` is given); a role session maps to its role, read with GetRole; an IAM user is read with GetUser and
 * its groups; then every document (inline, managed, boundary), tags, and the principal keys AWS sets.
 */
import { allPages, awsCall, awsClients, mapLimit, type AwsClients } from './sdk.js';
import { identityOf, principalContext, principalTypeOf, type Identity } from './identity.js';
import { readEntityPolicies, readManaged, readTags, type LoadedDocument } from './read.js';
import { PrincipalLoadError } from './errors.js';
import type { LoadedPrincipal, LoadPrincipalOptions } from './types.js';
import { isRegion } from '../resource/region.js';

/** What AWS applies to every principal and IAM cannot tell. */
const ALWAYS_UNLOADED = [
  'service control policies (AWS Organizations): pass them as serviceControlPolicies',
  'aws:PrincipalOrgID and aws:PrincipalOrgPaths (AWS Organizations): unknown unless given in context',
] as const;

/** The principal's documents and keys, per kind of principal. */
interface Read {
  readonly principalArn: string;
  readonly documents: readonly LoadedDocument[];
  readonly boundary: LoadedDocument | undefined;
  readonly userId: string | undefined;
  readonly userName: string | undefined;
  readonly tags: Readonly<Record<string, string>> | undefined;
  readonly notLoaded: readonly string[];
}

async function readRole(c: AwsClients, id: Extract<Identity, { kind: 'role' }>, stsUserId: string | undefined, options: LoadPrincipalOptions, asked: string): Promise<Read> {
  const { Role } = await awsCall('iam:GetRole', asked, () => c.iam.send(new c.IAM.GetRoleCommand({ RoleName: id.roleName })));
  if (!Role?.Arn || !Role.RoleId) throw new PrincipalLoadError({ code: 'InvalidResponse', action: 'iam:GetRole', principalArn: asked, message: 'GetRole returned no Arn/RoleId' });
  const roleArn = Role.Arn;
  const [documents, boundary, roleTags] = await Promise.all([
    readEntityPolicies(c, 'role', id.roleName, roleArn, roleArn),
    Role.PermissionsBoundary?.PermissionsBoundaryArn ? readManaged(c, Role.PermissionsBoundary.PermissionsBoundaryArn, roleArn, roleArn, 'permissions-boundary') : undefined,
    readTags(c, 'role', id.roleName, roleArn),
  ]);
  const userId = stsUserId ?? (id.sessionName ? `${Role.RoleId}:${id.sessionName}` : undefined);
  return {
    principalArn: roleArn, documents, boundary, userId, userName: undefined,
    // A role acts through sessions, whose tags add to and override the role's: aws:PrincipalTag/* is known only when
    // the caller says what the session's tags are (sessionTags, {} for none); unknown otherwise, never the role's alone.
    tags: options.sessionTags !== undefined ? { ...roleTags, ...options.sessionTags } : undefined,
    notLoaded: [
      'session policies passed when the session was created (AssumeRole Policy/PolicyArns): pass them as sessionPolicy',
      ...(options.sessionTags !== undefined ? [] : ['session tags (AssumeRole Tags) add to and override the role\'s tags in aws:PrincipalTag/*, so those keys are unknown: pass the session\'s tags as sessionTags ({} when it has none)']),
      ...(userId === undefined ? ['aws:userid (role-id:session-name): no session is named, so it is unknown'] : []),
      ...ALWAYS_UNLOADED,
    ],
  };
}

async function readUser(c: AwsClients, id: Extract<Identity, { kind: 'user' }>, asked: string): Promise<Read> {
  const { User } = await awsCall('iam:GetUser', asked, () => c.iam.send(new c.IAM.GetUserCommand({ UserName: id.userName })));
  if (!User?.Arn || !User.UserId) throw new PrincipalLoadError({ code: 'InvalidResponse', action: 'iam:GetUser', principalArn: asked, message: 'GetUser returned no Arn/UserId' });
  const userArn = User.Arn;
  const [own, boundary, tags, groupPages] = await Promise.all([
    readEntityPolicies(c, 'user', id.userName, userArn, userArn),
    User.PermissionsBoundary?.PermissionsBoundaryArn ? readManaged(c, User.PermissionsBoundary.PermissionsBoundaryArn, userArn, userArn, 'permissions-boundary') : undefined,
    readTags(c, 'user', id.userName, userArn),
    allPages('iam:ListGroupsForUser', userArn, (Marker) => c.iam.send(new c.IAM.ListGroupsForUserCommand({ UserName: id.userName, Marker }))),
  ]);
  const groups = groupPages.flatMap((p) => p.Groups ?? []).filter((g) => g.GroupName && g.Arn);
  const groupDocuments = await mapLimit(groups, 4, (g) => readEntityPolicies(c, 'group', g.GroupName!, g.Arn!, userArn));
  return {
    principalArn: userArn, documents: [...own, ...groupDocuments.flat()], boundary, userId: User.UserId, userName: User.UserName ?? id.userName, tags,
    notLoaded: [...ALWAYS_UNLOADED],
  };
}

/** The root user: IAM holds no policy for it; AWS allows it everything that SCPs do not deny. */
function readRoot(id: Extract<Identity, { kind: 'root' }>, arn: string): Read {
  return {
    principalArn: arn, documents: [], boundary: undefined, userId: id.account, userName: undefined, tags: {},
    notLoaded: ['the root user is not governed by identity policies (AWS allows it every action SCPs allow); no policy is loaded, so the guard denies until policies are given', ...ALWAYS_UNLOADED],
  };
}

/** A GetFederationToken session: its permissions are the calling IAM user's intersected with the session policy; neither is named by the ARN. */
function readFederated(id: Extract<Identity, { kind: 'federated-user' }>, arn: string, stsUserId: string | undefined): Read {
  return {
    principalArn: arn, documents: [], boundary: undefined, userId: stsUserId ?? `${id.account}:${id.name}`, userName: undefined, tags: undefined,
    notLoaded: [
      'a federated user\'s permissions are those of the IAM user that called GetFederationToken intersected with the session policy; the ARN names neither, so nothing is loaded and the guard denies until policies are given',
      'session tags (aws:PrincipalTag/*): unknown',
      ...ALWAYS_UNLOADED,
    ],
  };
}

/**
 * Loads the caller's policies, permissions boundary, tags and principal keys from IAM.
 *
 * Needs the optional packages `@aws-sdk/client-iam` and `@aws-sdk/client-sts`, loaded only here. Any failure — a
 * refused read, a document that does not parse, throttling beyond the SDK's retries — is a {@link PrincipalLoadError}
 * naming the action or document: nothing is half-loaded.
 *
 * @example
 * const principal = await loadPrincipal({ region: 'us-east-1' });
 * const client = new PinpointClient({ region: 'us-east-1', principal });
 */
export async function loadPrincipal(options: LoadPrincipalOptions): Promise<LoadedPrincipal> {
  if (!options || typeof options.region !== 'string' || !isRegion(options.region)) {
    throw new TypeError(`loadPrincipal: options.region: expected an AWS Region name, got ${JSON.stringify(options?.region)}`);
  }
  let identity: Identity | undefined;
  if (options.principalArn !== undefined) {
    const parsed = identityOf(options.principalArn);
    if (typeof parsed === 'string') throw new TypeError(`loadPrincipal: options.principalArn: ${parsed}`);
    identity = parsed;
  }
  const c = await awsClients(options);
  try {
    let asked = options.principalArn;
    let stsUserId: string | undefined;
    if (identity === undefined) {
      const who = await awsCall('sts:GetCallerIdentity', undefined, () => c.sts.send(new c.STS.GetCallerIdentityCommand({})));
      const parsed = identityOf(who.Arn ?? '');
      if (typeof parsed === 'string') throw new PrincipalLoadError({ code: 'InvalidResponse', action: 'sts:GetCallerIdentity', message: parsed });
      identity = parsed;
      asked = who.Arn!;
      stsUserId = who.UserId;
    }
    const read = identity.kind === 'role' ? await readRole(c, identity, stsUserId, options, asked!)
      : identity.kind === 'user' ? await readUser(c, identity, asked!)
        : identity.kind === 'root' ? readRoot(identity, asked!)
          : readFederated(identity, asked!, stsUserId);
    const type = principalTypeOf(identity);
    const { context, knownKeys } = principalContext({ type, principalArn: read.principalArn, account: identity.account, userId: read.userId, userName: read.userName, tags: read.tags });
    return Object.freeze({
      principalArn: read.principalArn,
      principalType: type,
      accountId: identity.account,
      policySet: Object.freeze({
        policies: Object.freeze(read.documents.map((d) => d.policy)),
        ...(read.boundary ? { permissionsBoundary: read.boundary.policy } : {}),
      }),
      context,
      knownKeys,
      sources: Object.freeze([...read.documents.map((d) => d.source), ...(read.boundary ? [read.boundary.source] : [])]),
      notLoaded: Object.freeze(read.notLoaded),
      loadedAt: new Date(),
    });
  } finally {
    c.iam.destroy();
    c.sts.destroy();
  }
}
