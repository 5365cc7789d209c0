/** The error of a principal that could not be loaded, and the read-only policy that lets a principal read itself. */

/**
 * A read-only identity policy that lets a role or user read its own policies, boundary and tags (and the managed
 * policies attached to it), which is what `loadPrincipal` needs.
 */
export const PRINCIPAL_SELF_READ_POLICY = Object.freeze({
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'ReadSelf',
      Effect: 'Allow',
      Action: [
        'iam:GetRole', 'iam:ListRolePolicies', 'iam:GetRolePolicy', 'iam:ListAttachedRolePolicies', 'iam:ListRoleTags',
        'iam:GetUser', 'iam:ListUserPolicies', 'iam:GetUserPolicy', 'iam:ListAttachedUserPolicies', 'iam:ListUserTags', 'iam:ListGroupsForUser',
      ],
      Resource: '${aws:PrincipalArn}',
    },
    {
      Sid: 'ReadOwnGroups',
      Effect: 'Allow',
      Action: ['iam:ListGroupPolicies', 'iam:GetGroupPolicy', 'iam:ListAttachedGroupPolicies'],
      Resource: 'arn:aws:iam::${aws:PrincipalAccount}:group/*',
    },
    {
      Sid: 'ReadManagedPolicies',
      Effect: 'Allow',
      Action: ['iam:GetPolicy', 'iam:GetPolicyVersion'],
      Resource: ['arn:aws:iam::${aws:PrincipalAccount}:policy/*', 'arn:aws:iam::aws:policy/*'],
    },
  ],
});

/** `message` as the end of a sentence: one period, whether or not AWS's own message ended with one. */
const sentence = (message: string): string => `${message.replace(/[.\s]+$/, '')}.`;

/** `iam:GetRole was refused (AccessDenied): ` — the failed action and AWS's code, when an action failed. */
const failedAction = (action: string | undefined, code: string): string =>
  action ? `${action} ${code === 'AccessDenied' ? 'was refused' : 'failed'} (${code}): ` : '';

/**
 * The principal could not be loaded from IAM (or STS), so the guard cannot know what it may do: every guarded call
 * fails closed with this error. `action` names the IAM/STS action that failed, `code` AWS's error code.
 */
export class PrincipalLoadError extends Error {
  /** The IAM or STS action that failed (`iam:GetRolePolicy`), when one did. */
  readonly action: string | undefined;
  /** AWS's error code (`AccessDenied`, `Throttling`, `NoSuchEntity`), or `MalformedPolicy` / `MissingPackage`. */
  readonly code: string;
  /** The principal being loaded, when known. */
  readonly principalArn: string | undefined;
  /** What went wrong, without the sentence around it (AWS's own message, or ours). */
  readonly reason: string;
  constructor(detail: { readonly code: string; readonly message: string; readonly action?: string; readonly principalArn?: string; readonly cause?: unknown }) {
    const whom = detail.principalArn ? `the principal ${detail.principalArn}` : 'the principal';
    const hint = detail.code === 'AccessDenied'
      ? ` A principal can read itself with this read-only policy (PRINCIPAL_SELF_READ_POLICY): ${JSON.stringify(PRINCIPAL_SELF_READ_POLICY)}`
      : '';
    super(`cannot load ${whom} from IAM: ${failedAction(detail.action, detail.code)}${sentence(detail.message)}${hint}`, detail.cause === undefined ? undefined : { cause: detail.cause });
    this.name = 'PrincipalLoadError';
    this.action = detail.action;
    this.code = detail.code;
    this.principalArn = detail.principalArn;
    this.reason = detail.message;
  }
}

/**
 * AWS's policy simulator could not be asked (`verifyWithAws`, `--verify-aws`): the call to it failed, or the packages
 * it needs are missing. The guard's own decisions stand; only the comparison with AWS is missing.
 */
export class AwsVerificationError extends Error {
  /** The IAM or STS action that failed (`iam:SimulatePrincipalPolicy`), when one did. */
  readonly action: string | undefined;
  /** AWS's error code (`AccessDenied`, `Throttling`, `InvalidClientTokenId`), or `MissingPackage`. */
  readonly code: string;
  constructor(detail: { readonly code: string; readonly message: string; readonly action?: string; readonly cause?: unknown }) {
    const hint = detail.code === 'AccessDenied' && detail.action ? ` The caller needs permission for ${detail.action}.` : '';
    super(`cannot verify with AWS's policy simulator: ${failedAction(detail.action, detail.code)}${sentence(detail.message)}${hint}`,
      detail.cause === undefined ? undefined : { cause: detail.cause });
    this.name = 'AwsVerificationError';
    this.action = detail.action;
    this.code = detail.code;
  }
}
