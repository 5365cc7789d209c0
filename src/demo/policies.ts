/**
 * The seed page's three example policies, with its placeholders filled for the demo's account and Region.
 * (The seed's own text says to replace "accountId" while its policy says "account-id": one of its errata.)
 */
export const DEMO_ACCOUNT = '111122223333';
export const DEMO_REGION = 'us-east-1';

export const administrator = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: ['mobiletargeting:*'], Resource: '*' }],
};

export const readOnlyAllApps = {
  Version: '2012-10-17',
  Statement: [{ Action: ['mobiletargeting:Get*'], Effect: 'Allow', Resource: [`arn:aws:mobiletargeting:*:${DEMO_ACCOUNT}:apps/*`] }],
};

export function readOnlyOneProject(projectId: string): object {
  return {
    Version: '2012-10-17',
    Statement: [{ Action: ['mobiletargeting:Get*'], Effect: 'Allow', Resource: [`arn:aws:mobiletargeting:${DEMO_REGION}:${DEMO_ACCOUNT}:apps/${projectId}`] }],
  };
}
