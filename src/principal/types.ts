/** Public shapes of a principal loaded from IAM. */
import type { Credentials, CredentialProvider } from '../client/types.js';
import type { ParsedPolicy, RequestContext } from '../policy/index.js';

/** `aws:PrincipalType` as AWS sets it: the root user, an IAM user, a GetFederationToken session, a role session. */
export type PrincipalType = 'Account' | 'User' | 'FederatedUser' | 'AssumedRole';

/** Options of `loadPrincipal`. */
export interface LoadPrincipalOptions {
  readonly region: string;
  /** Default: the AWS SDK's default credential chain. */
  readonly credentials?: Credentials | CredentialProvider;
  /**
   * Whom to load: a role, user, assumed-role session, root or federated-user ARN. Without it, STS GetCallerIdentity
   * says whom the credentials belong to.
   */
  readonly principalArn?: string;
  /** Default: IAM's endpoint for the Region's partition. */
  readonly iamEndpoint?: string;
  /** Default: STS's Regional endpoint. */
  readonly stsEndpoint?: string;
  /**
   * Cleartext `http://` IAM or STS endpoints are refused unless they are loopback (an emulator on this machine): the
   * signed headers and the session token would cross the network readable. `true` accepts them (a trusted proxy).
   */
  readonly allowInsecureEndpoint?: boolean;
  /** Attempts per IAM/STS call, throttling and 5xx retried by the SDK with backoff (default 3). */
  readonly maxAttempts?: number;
  /**
   * Tags passed when the session was created (AssumeRole `Tags`). They override the role's tags of the same key in
   * aws:PrincipalTag/*; IAM cannot list them, so give them here when the session has any.
   */
  readonly sessionTags?: Readonly<Record<string, string>>;
}

/** Where a loaded policy document came from. */
export interface PolicySource {
  /** `inline` (a role's/user's/group's own), `managed` (attached; customer or AWS managed), `permissions-boundary`. */
  readonly kind: 'inline' | 'managed' | 'permissions-boundary';
  readonly name: string;
  /** The managed policy's ARN. */
  readonly arn?: string;
  /** The managed policy version read (its default version). */
  readonly versionId?: string;
  /** The ARN of the role, user or group the policy is attached to. */
  readonly attachedTo: string;
  /** The label the policy carries in decisions (`StatementRef.policy`). */
  readonly label: string;
}

/** A principal as AWS sees it, read from IAM. */
export interface LoadedPrincipal {
  /** aws:PrincipalArn: the role ARN for a role session, else the user, root or federated-user ARN. */
  readonly principalArn: string;
  readonly principalType: PrincipalType;
  readonly accountId: string;
  /** The identity policies (parsed, each labelled with its source) and the permissions boundary. */
  readonly policySet: { readonly policies: readonly ParsedPolicy[]; readonly permissionsBoundary?: ParsedPolicy };
  /** The principal keys AWS sets for this principal: aws:PrincipalArn, aws:PrincipalAccount, aws:PrincipalType, aws:userid, aws:username, aws:PrincipalTag/*. */
  readonly context: RequestContext;
  /**
   * The principal keys whose values `context` states as facts, absence included (`aws:username` of a role is absent
   * by AWS's rules); a name ending in `/*` covers a family (`aws:PrincipalTag/*`). Keys not named here are unknown.
   */
  readonly knownKeys: readonly string[];
  /** Each document's source, policies first in `policySet.policies` order, then the boundary. */
  readonly sources: readonly PolicySource[];
  /** What AWS applies to this principal that IAM cannot tell (session policies, SCPs, ...), for the caller to add. */
  readonly notLoaded: readonly string[];
  readonly loadedAt: Date;
}
