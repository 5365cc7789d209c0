/**
 * `principal: 'auto'` in the SDK plugin, against the testing kit's emulated IAM and STS: the principal is whoever the
 * SDK client's own credentials belong to, loaded in the client's Region, and the guard decides with its policies,
 * boundary and tags.
 */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CreateAppCommand, DeleteAppCommand, GetAppCommand } from '@aws-sdk/client-pinpoint';
import { guardPlugin } from 'pinpoint-guard/aws-sdk';
import { AccessDeniedError, UncertainDecisionError } from '../../src/errors/index.js';
import { PrincipalLoadError } from '../../src/principal/index.js';
import { createPinpointMock } from '../../src/testing/index.js';
import type { IamMock } from '../../src/testing/iam/index.js';
import { ACCOUNT, BACKEND_KEYS, BLIND_KEYS, newIam } from '../principal/support.js';
import { REGION, sdkClient } from './support.js';

const kit = createPinpointMock({ region: REGION, accountId: ACCOUNT });
let iam: IamMock;
const msw = setupServer();
beforeAll(() => msw.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  iam = newIam();
  msw.resetHandlers(...kit.handlers, ...iam.handlers);
});
afterEach(() => kit.reset());
afterAll(() => msw.close());

const logger = { debug: (): void => {}, warn: (): void => {} };

type Principal = NonNullable<Parameters<typeof guardPlugin>[0]['principal']>;
function guarded(credentials: { accessKeyId: string; secretAccessKey: string }, principal: Principal = { sessionTags: {} }): { client: ReturnType<typeof sdkClient>; plugin: ReturnType<typeof guardPlugin> } {
  const client = sdkClient({ credentials });
  const plugin = guardPlugin({ client, principal, lifecycle: 'off', logger });
  client.middlewareStack.use(plugin);
  return { client, plugin };
}

const saw = (op: string): number => kit.requests.filter((r) => r.operation === op).length;

describe("principal: 'auto' with the SDK client's credentials", () => {
  it("loads the role session behind the credentials: its session tags unknown, the ABAC allow is uncertain and nothing is sent", async () => {
    const { client, plugin } = guarded(BACKEND_KEYS, 'auto');
    const e = (await client.send(new GetAppCommand({ ApplicationId: 'a1' })).catch((x: unknown) => x)) as UncertainDecisionError;
    expect(e).toBeInstanceOf(UncertainDecisionError);
    expect(e.dependsOn).toContain('aws:PrincipalTag/team');
    expect(e).toMatchObject({ $fault: 'client' });
    expect(iam.requests.find((r) => r.action === 'GetCallerIdentity')).toBeDefined();
    expect(kit.requests).toEqual([]);
    plugin.close();
  });

  it('with the session\'s tags given ({ sessionTags: {} }), decides with the role\'s ABAC policy: GetApp sent, DeleteApp refused', async () => {
    const admin = sdkClient({ credentials: BACKEND_KEYS });
    const appId = (await admin.send(new CreateAppCommand({ CreateApplicationRequest: { Name: 'shop' } }))).ApplicationResponse!.Id!;
    const { client, plugin } = guarded(BACKEND_KEYS);
    await plugin.ready();
    // The STS call was signed with the SDK client's keys: the emulation answered for the backend role's session.
    expect(iam.requests.find((r) => r.action === 'GetCallerIdentity')).toBeDefined();
    await expect(client.send(new GetAppCommand({ ApplicationId: appId }))).resolves.toMatchObject({ ApplicationResponse: { Id: appId } });
    const denied = (await client.send(new DeleteAppCommand({ ApplicationId: appId })).catch((x: unknown) => x)) as AccessDeniedError;
    expect(denied).toBeInstanceOf(AccessDeniedError);
    expect(denied.resource).toBe(`arn:aws:mobiletargeting:${REGION}:${ACCOUNT}:apps/${appId}`);
    expect(saw('DeleteApp')).toBe(0);
    plugin.close();
  });

  it('a change in IAM (the role re-tagged) is what a new plugin decides with', async () => {
    iam.state.roles.get('backend')!.tags.set('team', 'billing');
    const { client, plugin } = guarded(BACKEND_KEYS);
    const e = (await client.send(new GetAppCommand({ ApplicationId: 'a1' })).catch((x: unknown) => x)) as AccessDeniedError;
    expect(e).toBeInstanceOf(AccessDeniedError);
    expect(e.reason).toContain('inline policy abac of role backend');
    expect(saw('GetApp')).toBe(0);
    plugin.close();
  });

  it('a principal IAM refuses to describe fails closed with PrincipalLoadError; nothing is sent', async () => {
    const { client, plugin } = guarded(BLIND_KEYS);
    const e = await client.send(new GetAppCommand({ ApplicationId: 'a1' })).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(PrincipalLoadError);
    expect(e).toMatchObject({ $fault: 'client', action: 'iam:GetRole' });
    expect(kit.requests).toEqual([]);
    plugin.close();
  });
});
