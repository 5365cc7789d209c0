/**
 * A client that decides with the principal loaded from IAM: loaded on ready() (or the first call), refreshed every
 * 5 minutes in the background; principal keys are facts the caller's context cannot override.
 * PINPOINT_ENDPOINT, IAM_ENDPOINT and STS_ENDPOINT point it at the testing kit; APP_ID names a project.
 */
import { PinpointClient, AccessDeniedError, PrincipalLoadError } from 'pinpoint-guard';

// #region client
const client = new PinpointClient({
  region: process.env.AWS_REGION ?? 'us-east-1',
  // Whoever the credentials belong to (or { principalArn }, or a LoadedPrincipal). sessionTags: the role session's
  // tags ({} for none); without them aws:PrincipalTag/* is unknown, since session tags override the role's.
  principal: { sessionTags: {} },
  principalRefreshSeconds: 300,
  resourceTags: 'fetch', // read aws:ResourceTag/* with ListTagsForResource when a policy tests them
  ...(process.env.PINPOINT_ENDPOINT ? { endpoint: process.env.PINPOINT_ENDPOINT } : {}),
  ...(process.env.IAM_ENDPOINT ? { iamEndpoint: process.env.IAM_ENDPOINT } : {}),
  ...(process.env.STS_ENDPOINT ? { stsEndpoint: process.env.STS_ENDPOINT } : {}),
});

try {
  await client.ready();
  const { ApplicationResponse } = await client.getApp({ ApplicationId: process.env.APP_ID ?? 'my-app' });
  console.log(ApplicationResponse?.Name);
} catch (e) {
  if (e instanceof PrincipalLoadError) console.error(e.action, e.message); // names the refused IAM action and the self-read policy
  else if (e instanceof AccessDeniedError) console.error(e.reason); // nothing was sent
  else throw e;
} finally {
  client.close();
}
// #endregion
