/**
 * The demo's principal scene: the backend's role lives in an emulated IAM (the testing kit) with an ABAC policy on
 * aws:PrincipalTag; the client loads it (`principal: 'auto'`) and its calls are allowed or denied by the role's tags.
 * Then IAM changes — the role gains a tag — and a reload of the principal allows what was denied.
 */
import { PinpointClient, AccessDeniedError, type OperationName } from '../index.js';
import { operations } from '../tooling/index.js';
import { startIamMockServer } from '../testing/index.js';
import { DEMO_ACCOUNT, DEMO_REGION } from './policies.js';

/** The role's one inline policy: reads for the team named by its tag; sends only for a role tagged can-send=true. */
export const ABAC_ROLE_POLICY = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'TeamReads', Effect: 'Allow', Action: 'mobiletargeting:Get*', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/team': 'growth' } } },
    { Sid: 'Senders', Effect: 'Allow', Action: 'mobiletargeting:SendMessages', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/can-send': 'true' } } },
  ],
} as const;

const BACKEND_SESSION = `arn:aws:sts::${DEMO_ACCOUNT}:assumed-role/shop-backend/i-0demo`;
/** Demo keys for the local emulations only; they are not AWS keys. */
const credentials = { accessKeyId: 'AKIDDEMOBACKEND', secretAccessKey: 'demo-secret-for-the-local-mock' };

interface SceneCall { readonly operation: OperationName; readonly input: object }
export interface SceneOutcome { readonly label: string; readonly operation: OperationName; readonly allowed: boolean; readonly reason: string }

/** Runs the scene against the Pinpoint at `pinpointUrl` (an app `appId` in it); writes lines with `log`. */
export async function runPrincipalScene(pinpointUrl: string, appId: string, log: (line: string) => void): Promise<SceneOutcome[]> {
  const iam = await startIamMockServer({
    accountId: DEMO_ACCOUNT,
    roles: [{ name: 'shop-backend', path: '/apps/', inlinePolicies: { 'pinpoint-abac': ABAC_ROLE_POLICY }, tags: { team: 'growth' } }],
    callers: [{ accessKeyId: credentials.accessKeyId, arn: BACKEND_SESSION }],
  });
  const calls: readonly SceneCall[] = [
    { operation: 'GetApp', input: { ApplicationId: appId } },
    { operation: 'GetApps', input: {} },
    {
      operation: 'SendMessages',
      input: { ApplicationId: appId, MessageRequest: { Addresses: { '+15555550123': { ChannelType: 'SMS' } }, MessageConfiguration: { SMSMessage: { Body: 'Your order has shipped.' } } } },
    },
  ];
  const outcomes: SceneOutcome[] = [];
  const runAll = async (label: string): Promise<void> => {
    const client = new PinpointClient({ region: DEMO_REGION, endpoint: pinpointUrl, credentials, principal: { sessionTags: {} }, iamEndpoint: iam.url, stsEndpoint: iam.url, lifecycle: 'off' });
    await client.ready();
    for (const call of calls) {
      const method = (client as unknown as Record<string, (input: object) => Promise<unknown>>)[call.operation[0]!.toLowerCase() + call.operation.slice(1)]!;
      let allowed = true;
      let reason = 'allowed by the role\'s policy and tags';
      try {
        await method.call(client, call.input);
      } catch (e) {
        if (!(e instanceof AccessDeniedError)) throw e;
        allowed = false;
        reason = e.reason;
      }
      outcomes.push({ label, operation: call.operation, allowed, reason });
      log(`  ${operations[call.operation].action.padEnd(36)} ${allowed ? 'ALLOW' : 'DENY '} ${reason}`);
    }
    client.close();
  };
  try {
    const { loadPrincipal } = await import('../principal/load.js');
    const principal = await loadPrincipal({ region: DEMO_REGION, credentials, sessionTags: {}, iamEndpoint: iam.url, stsEndpoint: iam.url });
    log(`\nPrincipal from IAM (an emulated IAM on ${iam.url}): ${principal.principalArn} (${principal.principalType})`);
    for (const s of principal.sources) log(`  policy: ${s.label}`);
    log(`  principal keys: ${Object.entries(principal.context).map(([k, v]) => `${k}=${String(v)}`).join(', ')}`);
    log('The role is tagged team=growth (reads allowed) and has no can-send tag (sends denied):');
    await runAll('team=growth');
    iam.mock.state.roles.get('shop-backend')!.tags.set('can-send', 'true');
    log('IAM changes: the role is tagged can-send=true; the principal, reloaded, now allows sends:');
    await runAll('team=growth, can-send=true');
  } finally {
    await iam.close();
  }
  return outcomes;
}
