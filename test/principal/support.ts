/** Shared fixtures of the principal tests: an emulated IAM with a backend role, a user in groups, and their callers. */
import { createIamMock, type IamMock, type IamMockOptions } from '../../src/testing/iam/index.js';

export const ACCOUNT = '123456789012';
export const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/service/backend`;
export const SESSION_ARN = `arn:aws:sts::${ACCOUNT}:assumed-role/backend/i-0abc`;
export const USER_ARN = `arn:aws:iam::${ACCOUNT}:user/staff/ana`;
export const BOUNDARY_ARN = `arn:aws:iam::${ACCOUNT}:policy/pinpoint-boundary`;
export const READONLY_ARN = 'arn:aws:iam::aws:policy/AmazonPinpointReadOnly';

export const BACKEND_KEYS = { accessKeyId: 'AKIDBACKEND', secretAccessKey: 'secret-backend' } as const;
export const ANA_KEYS = { accessKeyId: 'AKIDANA', secretAccessKey: 'secret-ana' } as const;
export const ROOT_KEYS = { accessKeyId: 'AKIDROOT', secretAccessKey: 'secret-root' } as const;
export const FEDERATED_KEYS = { accessKeyId: 'AKIDFED', secretAccessKey: 'secret-fed' } as const;
export const BLIND_KEYS = { accessKeyId: 'AKIDBLIND', secretAccessKey: 'secret-blind' } as const;

const allow = (action: string, condition?: object): object => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: action, Resource: '*', ...(condition ? { Condition: condition } : {}) }],
});

/** ABAC: apps may be read only by a principal tagged with the team the policy names. */
export const ABAC_POLICY = allow('mobiletargeting:GetApp', { StringEquals: { 'aws:PrincipalTag/team': 'growth' } });

export function iamOptions(overrides: Partial<IamMockOptions> = {}): IamMockOptions {
  return {
    accountId: ACCOUNT,
    policies: [
      { arn: BOUNDARY_ARN, versions: [allow('mobiletargeting:*')] },
      // Two versions: the loader must read the default (v2), not the first.
      { arn: READONLY_ARN, versions: [allow('mobiletargeting:*'), allow('mobiletargeting:List*')] },
    ],
    roles: [{
      name: 'backend', path: '/service/',
      inlinePolicies: {
        abac: ABAC_POLICY,
        // Written as the author typed it: spaces, a '+', '%' and non-ASCII survive IAM's URL encoding.
        'no-delete': '{"Version":"2012-10-17","Statement":[{"Sid":"NoDelete","Effect":"Deny","Action":"mobiletargeting:DeleteApp","Resource":"*","Condition":{"StringLike":{"aws:PrincipalTag/note":"a+b 100% ünï"}}}]}',
      },
      attachedPolicies: [READONLY_ARN],
      permissionsBoundary: BOUNDARY_ARN,
      tags: { team: 'growth', note: 'a+b 100% ünï' },
    }],
    groups: [
      { name: 'devs', inlinePolicies: { 'devs-inline': allow('mobiletargeting:CreateApp') }, attachedPolicies: [READONLY_ARN] },
      { name: 'ops', inlinePolicies: { 'ops-inline': allow('mobiletargeting:DeleteApp') } },
    ],
    users: [{ name: 'ana', path: '/staff/', groups: ['devs', 'ops'], inlinePolicies: { own: allow('mobiletargeting:GetApps') }, tags: { team: 'ops' } }],
    callers: [
      { accessKeyId: BACKEND_KEYS.accessKeyId, arn: SESSION_ARN },
      { accessKeyId: ANA_KEYS.accessKeyId, arn: USER_ARN },
      { accessKeyId: ROOT_KEYS.accessKeyId, arn: `arn:aws:iam::${ACCOUNT}:root` },
      { accessKeyId: FEDERATED_KEYS.accessKeyId, arn: `arn:aws:sts::${ACCOUNT}:federated-user/partner` },
      { accessKeyId: BLIND_KEYS.accessKeyId, arn: SESSION_ARN, denied: ['iam:*'] },
    ],
    ...overrides,
  };
}

export const newIam = (overrides: Partial<IamMockOptions> = {}): IamMock => createIamMock(iamOptions(overrides));
