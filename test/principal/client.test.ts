import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { setupServer } from 'msw/node';
import { PinpointClient } from '../../generated/client.js';
import { AccessDeniedError, UncertainDecisionError } from '../../src/errors/index.js';
import type { ClientConfig } from '../../src/client/types.js';
import { loadPrincipal, PrincipalLoadError, PRINCIPAL_SELF_READ_POLICY } from '../../src/principal/index.js';
import { createPinpointMock } from '../../src/testing/index.js';
import type { IamMock } from '../../src/testing/iam/index.js';
import { ACCOUNT, BACKEND_KEYS, BLIND_KEYS, ROLE_ARN, newIam } from './support.js';

const REGION = 'us-east-1';
const pinpoint = createPinpointMock({ accountId: ACCOUNT });
let iam: IamMock;
const msw = setupServer();
beforeAll(() => msw.listen({ onUnhandledRequest: 'error' }));
beforeEach(async () => {
  iam = newIam();
  msw.resetHandlers(...pinpoint.handlers, ...iam.handlers);
});
afterEach(() => { pinpoint.reset(); vi.useRealTimers(); });
afterAll(() => msw.close());

const warnings: string[] = [];
const logger = { debug: (): void => {}, warn: (m: string): void => { warnings.push(m); } };

async function newApp(): Promise<string> {
  const admin = new PinpointClient({ region: REGION, accountId: ACCOUNT, credentials: BACKEND_KEYS, mode: 'off', lifecycle: 'off' });
  const { ApplicationResponse } = await admin.createApp({ CreateApplicationRequest: { Name: 'shop' } });
  return ApplicationResponse!.Id!;
}

const guarded = (extra: Partial<ClientConfig> = {}): PinpointClient =>
  new PinpointClient({ region: REGION, credentials: BACKEND_KEYS, principal: { sessionTags: {} }, lifecycle: 'off', logger, ...extra } as ClientConfig<'enforce'>);

const pinpointSaw = (op: string): number => pinpoint.requests.filter((r) => r.operation === op).length;

/** Waits (on the real clock) until `done()` holds: background refreshes finish on their own. */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 300 && !done(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(done()).toBe(true);
}

describe("the client decides with the principal loaded from IAM (ABAC on aws:PrincipalTag)", () => {
  it("principal 'auto' without sessionTags: the role session's aws:PrincipalTag/* is unknown, so the ABAC allow is uncertain and nothing is sent", async () => {
    const appId = await newApp();
    const client = guarded({ principal: 'auto' });
    const e = (await client.getApp({ ApplicationId: appId }).catch((x: unknown) => x)) as UncertainDecisionError;
    expect(e).toBeInstanceOf(UncertainDecisionError);
    expect(e.dependsOn).toEqual(['aws:PrincipalTag/team']);
    expect(pinpointSaw('GetApp')).toBe(0);
    // The session's tags, once given, make the keys known: the role's team=growth allows.
    await expect(guarded({ principal: { sessionTags: {} } }).getApp({ ApplicationId: appId })).resolves.toMatchObject({ ApplicationResponse: { Id: appId } });
    // A session tag overrides the role's: team=billing, and the ABAC allow no longer holds.
    await expect(guarded({ principal: { sessionTags: { team: 'billing' } } }).getApp({ ApplicationId: appId })).rejects.toBeInstanceOf(AccessDeniedError);
  });

  it("allows GetApp for the role tagged team=growth and denies when IAM says otherwise, sending nothing", async () => {
    const appId = await newApp();
    const client = guarded();
    expect(client.mode).toBe('enforce');
    await client.ready();
    await expect(client.getApp({ ApplicationId: appId })).resolves.toMatchObject({ ApplicationResponse: { Id: appId } });
    expect(pinpointSaw('GetApp')).toBe(1);
    // The ABAC statement allows only GetApp: DeleteApp is not allowed by any loaded policy.
    const denied = await client.deleteApp({ ApplicationId: appId }).catch((e: unknown) => e);
    expect(denied).toBeInstanceOf(AccessDeniedError);
    expect(pinpointSaw('DeleteApp')).toBe(0);

    iam.state.roles.get('backend')!.tags.set('team', 'billing');
    const other = guarded();
    const e = (await other.getApp({ ApplicationId: appId }).catch((x: unknown) => x)) as AccessDeniedError;
    expect(e).toBeInstanceOf(AccessDeniedError);
    expect(e.reason).toContain('inline policy abac of role backend');
    expect(pinpointSaw('GetApp')).toBe(1);
  });

  it("principal keys are facts: the caller's context cannot supply or override them, in any letter case", async () => {
    const appId = await newApp();
    iam.state.roles.get('backend')!.tags.set('team', 'billing');
    const client = guarded({ context: { 'aws:PrincipalTag/team': 'growth', 'AWS:PRINCIPALTAG/TEAM': 'growth', 'aws:PrincipalArn': 'arn:aws:iam::123456789012:role/admin' } });
    await expect(client.getApp({ ApplicationId: appId }, { context: { 'aws:principaltag/team': 'growth' } })).rejects.toBeInstanceOf(AccessDeniedError);
    // A key the principal does not state stays the caller's to give.
    const dry = new PinpointClient({ region: REGION, credentials: BACKEND_KEYS, principal: await loadPrincipal({ region: REGION, credentials: BACKEND_KEYS, sessionTags: {} }), mode: 'dry-run', lifecycle: 'off', context: { 'aws:SourceIp': '10.0.0.1', 'aws:PrincipalTag/extra': 'x' } });
    const result = await dry.getApp({ ApplicationId: appId });
    expect(result.decision.decision).toBe('ImplicitDeny');
    expect(result.resource).toBe(`arn:aws:mobiletargeting:${REGION}:${ACCOUNT}:apps/${appId}`);
  });

  it('takes the account for ARNs from the principal (no separate STS call)', async () => {
    const client = guarded();
    await expect(client.accountId()).resolves.toBe(ACCOUNT);
    expect(iam.requests.filter((r) => r.action === 'GetCallerIdentity')).toHaveLength(1);
  });

  it('a LoadedPrincipal passed in is used as given: no IAM call, even in dry-run', async () => {
    const principal = await loadPrincipal({ region: REGION, credentials: BACKEND_KEYS, principalArn: ROLE_ARN, sessionTags: {} });
    iam.reset();
    const client = new PinpointClient({ region: REGION, credentials: BACKEND_KEYS, principal, mode: 'dry-run', lifecycle: 'off' });
    const result = await client.getApp({ ApplicationId: 'a1' });
    expect(result.decision.decision).toBe('Allow');
    expect(iam.requests).toHaveLength(0);
  });
});

describe('policy and principal together', () => {
  it('refuses policy, policies or permissionsBoundary next to principal, naming the field and what to use instead', () => {
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
    expect(() => guarded({ policy })).toThrow('config.policy: not allowed with config.principal, whose identity policies and permissions boundary come from IAM; narrow them with sessionPolicy');
    expect(() => guarded({ policies: [policy] })).toThrow('config.policies: not allowed with config.principal');
    expect(() => guarded({ permissionsBoundary: policy })).toThrow('config.permissionsBoundary: not allowed with config.principal');
    expect(() => guarded({ mode: 'dry-run' })).toThrow("config.principal: dry-run mode sends nothing, not even to IAM; pass a LoadedPrincipal");
    expect(() => guarded({ principal: 'me' as never })).toThrow("config.principal: expected 'auto', a LoadedPrincipal (from loadPrincipal) or { principalArn?, sessionTags? }");
    expect(() => guarded({ principal: { sessionTags: { team: 1 } } as never })).toThrow("config.principal.sessionTags: expected the session's tags as { key: 'value' } ({} when it has none), got {\"team\":1}");
  });

  it('sessionPolicy and serviceControlPolicies still apply on top of the loaded policies', async () => {
    const appId = await newApp();
    const onlySegments = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'mobiletargeting:GetSegments', Resource: '*' }] };
    const narrowed = guarded({ sessionPolicy: onlySegments });
    const e = (await narrowed.getApp({ ApplicationId: appId }).catch((x: unknown) => x)) as AccessDeniedError;
    expect(e.reason).toMatch(/session/);
    const denyAll = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] };
    await expect(guarded({ serviceControlPolicies: [[denyAll]] }).getApp({ ApplicationId: appId })).rejects.toBeInstanceOf(AccessDeniedError);
    expect(pinpointSaw('GetApp')).toBe(0);
  });
});

describe('a principal that cannot be loaded', () => {
  it('denies every guarded call with a PrincipalLoadError naming the refused action and the self-read policy; nothing is sent', async () => {
    const client = guarded({ credentials: BLIND_KEYS });
    const e = (await client.ready().catch((x: unknown) => x)) as PrincipalLoadError;
    expect(e).toBeInstanceOf(PrincipalLoadError);
    expect(e.action).toBe('iam:GetRole');
    for (const call of [() => client.getApp({ ApplicationId: 'a1' }), () => client.getApps({})]) {
      const err = (await call().catch((x: unknown) => x)) as PrincipalLoadError;
      expect(err).toBeInstanceOf(PrincipalLoadError);
      expect(err.message).toContain('iam:GetRole was refused (AccessDenied)');
      expect(err.message).toContain(JSON.stringify(PRINCIPAL_SELF_READ_POLICY));
    }
    expect(pinpoint.requests).toHaveLength(0);
    // Not retried on every call: the next attempt is the background refresh.
    expect(iam.requests.filter((r) => r.action === 'GetRole')).toHaveLength(1);
    client.close();
  });
});

describe('background refresh (fake timers)', () => {
  it('reloads every principalRefreshSeconds; a failed refresh keeps the last good set with a warning, then denies with the cause', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(new Date('2026-11-29T10:00:00Z'));
    const appId = await newApp();
    warnings.length = 0;
    const client = guarded({ principalRefreshSeconds: 60, principalMaxStaleSeconds: 150 });
    await client.getApp({ ApplicationId: appId });
    const loads = (): number => iam.requests.filter((r) => r.action === 'GetRole').length;
    expect(loads()).toBe(1);
    const perLoad = iam.requests.length;
    /** A background load is over once all its requests were answered and its result was taken in. */
    const loaded = async (n: number): Promise<void> => {
      await until(() => iam.requests.length >= n * perLoad);
      await new Promise((r) => setTimeout(r, 50));
    };

    // IAM changes; nothing happens before the refresh is due.
    iam.state.roles.get('backend')!.tags.set('team', 'billing');
    await vi.advanceTimersByTimeAsync(59_000);
    expect(loads()).toBe(1);
    await client.getApp({ ApplicationId: appId });
    await vi.advanceTimersByTimeAsync(1_000);
    await loaded(2);
    await expect(client.getApp({ ApplicationId: appId })).rejects.toBeInstanceOf(AccessDeniedError);

    // IAM back to growth, but reads now fail: the last good set (billing) stays, with a warning.
    iam.state.roles.get('backend')!.tags.set('team', 'growth');
    iam.injectFault({ action: 'GetRole', error: 'AccessDenied', times: 100 });
    await vi.advanceTimersByTimeAsync(60_000);
    await until(() => warnings.length === 1);
    expect(warnings[0]).toMatch(/^pinpoint-guard: refreshing the principal failed; the policies loaded at 2026-11-29T10:01:00\.\d{3}Z stay in force for up to 150 s: cannot load the principal/);
    await expect(client.getApp({ ApplicationId: appId })).rejects.toBeInstanceOf(AccessDeniedError);

    // Past principalMaxStaleSeconds: every call is denied with the cause.
    await vi.advanceTimersByTimeAsync(60_000);
    await until(() => warnings.length === 2);
    await expect(client.getApp({ ApplicationId: appId })).rejects.toBeInstanceOf(AccessDeniedError);
    await vi.advanceTimersByTimeAsync(60_000);
    await until(() => warnings.length === 3);
    expect(warnings[2]).toMatch(/^pinpoint-guard: refreshing the principal failed and the policies loaded at 2026-11-29T10:01:00\.\d{3}Z are older than principalMaxStaleSeconds \(150 s\): guarded calls are denied until a refresh succeeds: /);
    const e = (await client.getApp({ ApplicationId: appId }).catch((x: unknown) => x)) as PrincipalLoadError;
    expect(e).toBeInstanceOf(PrincipalLoadError);
    expect(e.message).toContain('could not be refreshed since 2026-11-29T10:01:00');
    expect(e.message).toContain('iam:GetRole was refused (AccessDenied)');
    expect(e.action).toBe('iam:GetRole');
    client.close();
    const before = iam.requests.length;
    await vi.advanceTimersByTimeAsync(600_000);
    expect(iam.requests.length).toBe(before);
  });

  it('a refresh within one second: the next call is decided with the new principal, not the decision kept for the old one', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const T = Date.parse('2026-11-29T10:00:00.100Z');
    vi.setSystemTime(T);
    const appId = await newApp();
    const client = guarded({ principalRefreshSeconds: 60 });
    await client.getApp({ ApplicationId: appId });
    // Decided at once this time (the principal is loaded), and kept.
    await client.getApp({ ApplicationId: appId });
    const loads = (): number => iam.requests.filter((r) => r.action === 'GetRole').length;
    const perLoad = iam.requests.length;
    iam.state.roles.get('backend')!.tags.set('team', 'billing');
    await vi.advanceTimersByTimeAsync(60_000);
    await until(() => iam.requests.length >= 2 * perLoad);
    await new Promise((r) => setTimeout(r, 50));
    expect(loads()).toBe(2);
    // Back to the second of the first call: only the principal differs.
    vi.setSystemTime(T + 500);
    await expect(client.getApp({ ApplicationId: appId })).rejects.toBeInstanceOf(AccessDeniedError);
    client.close();
  });
});
