/**
 * The guard plugin as an SDK user meets it: where it sits in the stack, what it names the operation from, what it
 * throws, dry-run and record modes, one decision per command under the SDK's retries, the aggregated `Pinpoint`
 * class, the aws:SourceIp guardrail, `resourceTags: 'fetch'` through the same client, and the account from STS.
 */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CreateAppCommand, DeleteAppCommand, GetAppCommand, GetCampaignsCommand, GetSegmentCommand, ListTagsForResourceCommand, Pinpoint, SendOTPMessageCommand, TagResourceCommand,
  type SendOTPMessageCommandInput,
} from '@aws-sdk/client-pinpoint';
import { guardPlugin, isDryRunResult, GUARD_MIDDLEWARE_NAME, type GuardPluginConfig } from 'pinpoint-guard/aws-sdk';
import { AccessDeniedError, AccountResolutionError, EndOfSupportError, UncertainDecisionError, ValidationError } from '../../src/errors/index.js';
import { resetLifecycleWarnings } from '../../src/lifecycle/notice.js';
import { createPinpointMock } from '../../src/testing/index.js';
import { createIamMock } from '../../src/testing/iam/index.js';
import { ACCOUNT, ADMIN, KEYS, REGION, sdkClient } from './support.js';

const kit = createPinpointMock({ region: REGION, accountId: ACCOUNT });
const iam = createIamMock({ accountId: ACCOUNT, callers: [{ accessKeyId: KEYS.accessKeyId, arn: `arn:aws:iam::${ACCOUNT}:user/app` }] });
const msw = setupServer(...kit.handlers, ...iam.handlers);
beforeAll(() => msw.listen({ onUnhandledRequest: 'error' }));
afterEach(() => { kit.reset(); iam.reset(); });
afterAll(() => msw.close());

const warnings: string[] = [];
const logger = { debug: (): void => {}, warn: (m: string): void => { warnings.push(m); } };
beforeEach(() => { warnings.length = 0; });

/** The plugin's config without `client`, per branch (identity policies or a principal). */
type Config = GuardPluginConfig extends infer C ? C extends unknown ? Omit<C, 'client'> : never : never;
function guarded(config: Config, sdk: Parameters<typeof sdkClient>[0] = {}): { client: ReturnType<typeof sdkClient>; plugin: ReturnType<typeof guardPlugin> } {
  const client = sdkClient(sdk);
  const plugin = guardPlugin({ client, accountId: ACCOUNT, lifecycle: 'off', logger, ...config } as GuardPluginConfig);
  client.middlewareStack.use(plugin);
  return { client, plugin };
}

const allow = (action: string, extra: object = {}): object => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*', ...extra }] });

async function newApp(tags?: Record<string, string>): Promise<string> {
  const admin = sdkClient();
  const out = await admin.send(new CreateAppCommand({ CreateApplicationRequest: { Name: 'shop', ...(tags ? { tags } : {}) } }));
  return out.ApplicationResponse!.Id!;
}
const saw = (operation: string): number => kit.requests.filter((r) => r.operation === operation).length;
/** The operations the kit saw from request `from` on (kit.reset() would empty its store as well). */
const sawSince = (from: number): (string | undefined)[] => kit.requests.slice(from).map((r) => r.operation);

describe('in the middleware stack', () => {
  it('is one named middleware at the initialize step, added once when use is called twice', () => {
    const { client, plugin } = guarded({ policy: ADMIN });
    client.middlewareStack.use(plugin);
    expect(client.middlewareStack.identify().filter((n) => n.startsWith(GUARD_MIDDLEWARE_NAME))).toEqual([`${GUARD_MIDDLEWARE_NAME} - initialize`]);
  });

  it('names the operation from the middleware context: a name the catalog lacks (inherited names included) is refused and nothing is sent', async () => {
    for (const operation of ['NoSuchOperation', '__proto__', 'constructor', 'hasOwnProperty']) {
      const { client } = guarded({ policy: ADMIN });
      client.middlewareStack.add((next, context) => (args) => {
        (context as { __smithy_context: { operation: string } }).__smithy_context.operation = operation;
        return next(args);
      }, { step: 'initialize', priority: 'high', name: 'renameOperation' });
      const e = await client.send(new GetAppCommand({ ApplicationId: 'a1' })).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(TypeError);
      expect((e as Error).message).toBe(`pinpoint-guard: ${JSON.stringify(operation)} is not an operation of the catalog, so the guard cannot decide it; nothing was sent`);
    }
    expect(kit.requests).toEqual([]);
  });

  it('refuses a second, different guard on the same client and a stack that is not config.client\'s', () => {
    const { client } = guarded({ policy: ADMIN });
    expect(() => client.middlewareStack.use(guardPlugin({ client, policy: ADMIN }))).toThrow('this client already has a guard plugin');
    const other = sdkClient();
    expect(() => other.middlewareStack.use(guardPlugin({ client, policy: ADMIN }))).toThrow('use it on the middlewareStack of config.client');
  });

  it('names the operation from the middleware context, not the class name (a renamed class is still GetApp)', async () => {
    const { client } = guarded({ policy: allow('mobiletargeting:GetApps') });
    const Minified = class extends GetAppCommand {};
    Object.defineProperty(Minified, 'name', { value: 'a' });
    const e = await client.send(new Minified({ ApplicationId: 'a1' })).catch((x: unknown) => x);
    expect(e).toMatchObject({ name: 'AccessDeniedError', operation: 'GetApp', action: 'mobiletargeting:GetApp' });
  });

  it('works on the aggregated Pinpoint class', async () => {
    const pinpoint = new Pinpoint({ region: REGION, credentials: KEYS, maxAttempts: 1 });
    pinpoint.middlewareStack.use(guardPlugin({ client: pinpoint, policy: allow('mobiletargeting:GetApp'), accountId: ACCOUNT, lifecycle: 'off' }));
    const appId = await newApp();
    await expect(pinpoint.getApp({ ApplicationId: appId })).resolves.toMatchObject({ ApplicationResponse: { Id: appId } });
    await expect(pinpoint.deleteApp({ ApplicationId: appId })).rejects.toBeInstanceOf(AccessDeniedError);
    expect(saw('DeleteApp')).toBe(0);
  });
});

describe('errors', () => {
  it("a deny is the package's AccessDeniedError with what SDK users test for: name, $fault 'client', $metadata", async () => {
    const { client } = guarded({ policy: allow('mobiletargeting:GetApps') });
    const e = (await client.send(new GetSegmentCommand({ ApplicationId: 'a1', SegmentId: 's1' })).catch((x: unknown) => x)) as AccessDeniedError & { $fault: string; $metadata: object };
    expect(e).toBeInstanceOf(AccessDeniedError);
    expect(e.name).toBe('AccessDeniedError');
    expect(e.$fault).toBe('client');
    expect(e.$metadata).toEqual({ attempts: 0, totalRetryDelay: 0 });
    expect(e.resource).toBe(`arn:aws:mobiletargeting:${REGION}:${ACCOUNT}:apps/a1/segments/s1`);
    expect(e.message).toContain('GetSegment denied');
    expect(kit.requests).toEqual([]);
  });

  it('accepts the SDK input types as they are (| undefined members) and checks at run time what they allow', async () => {
    const { client } = guarded({ policy: ADMIN });
    // Type-checks as the SDK's own input type: members the SDK types as `string | undefined`.
    const input: SendOTPMessageCommandInput = { ApplicationId: undefined, SendOTPMessageRequestParameters: { BrandName: 'b', Channel: 'SMS', DestinationIdentity: '+12065550100', OriginationIdentity: '+18005550199', ReferenceId: 'r', Language: undefined } };
    const e = await client.send(new SendOTPMessageCommand(input)).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ValidationError);
    expect(e).toMatchObject({ name: 'ValidationError', $fault: 'client', message: expect.stringContaining('ApplicationId') });
    expect(kit.requests).toEqual([]);
    // An optional member given as undefined is no member at all.
    const appId = await newApp();
    await expect(client.send(new SendOTPMessageCommand({ ...input, ApplicationId: appId }))).resolves.toMatchObject({ MessageResponse: { ApplicationId: appId } });
  });

  it('an ARN member naming another account is refused as bad input before anything is sent', async () => {
    const { client } = guarded({ policy: ADMIN });
    const e = await client.send(new ListTagsForResourceCommand({ ResourceArn: 'arn:aws:mobiletargeting:us-east-1:999999999999:apps/a1' })).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ValidationError);
    expect(e).toMatchObject({ $fault: 'client' });
    expect(kit.requests).toEqual([]);
  });

  it('what is checked is what is sent: an input whose getter answers differently on a second read sends the checked value', async () => {
    const appId = await newApp();
    const { client } = guarded({ policy: allow('mobiletargeting:GetApp', { Resource: `arn:aws:mobiletargeting:${REGION}:${ACCOUNT}:apps/${appId}` }) });
    let reads = 0;
    const input = { get ApplicationId(): string { reads++; return reads === 1 ? appId : 'other-app'; } };
    const from = kit.requests.length;
    await expect(client.send(new GetAppCommand(input))).resolves.toMatchObject({ ApplicationResponse: { Id: appId } });
    expect(kit.requests.slice(from).map((r) => r.path)).toEqual([`/v1/apps/${appId}`]);
    expect(reads).toBe(1);
  });

  it('refuses input that is not plain data, naming the member, before anything is sent', async () => {
    const { client } = guarded({ policy: ADMIN });
    const e = await client.send(new GetAppCommand({ ApplicationId: new (class Id { toString(): string { return 'a1'; } })() as never })).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as Error).message).toContain('ApplicationId');
    expect(kit.requests).toEqual([]);
  });

  it('without a policy or principal the plugin denies every call (fail closed), naming why', async () => {
    const { client } = guarded({});
    const e = (await client.send(new GetAppCommand({ ApplicationId: 'a1' })).catch((x: unknown) => x)) as AccessDeniedError;
    expect(e).toBeInstanceOf(AccessDeniedError);
    expect(e.reason).toContain('no policy is configured');
  });
});

describe('lifecycle', () => {
  it("an end-of-support command warns once through the plugin's logger, or with lifecycle: 'error' throws EndOfSupportError and sends nothing", async () => {
    resetLifecycleWarnings();
    const { client } = guarded({ policy: ADMIN, lifecycle: 'warn' });
    await client.send(new GetCampaignsCommand({ ApplicationId: 'a1' })).catch(() => undefined);
    await client.send(new GetCampaignsCommand({ ApplicationId: 'a1' })).catch(() => undefined);
    expect(warnings.filter((w) => w.includes('GetCampaigns'))).toHaveLength(1);
    const strict = guarded({ policy: ADMIN, lifecycle: 'error' }).client;
    const from = kit.requests.length;
    const e = await strict.send(new GetCampaignsCommand({ ApplicationId: 'a1' })).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(EndOfSupportError);
    expect(e).toMatchObject({ $fault: 'client' });
    expect(kit.requests.length).toBe(from);
  });
});

describe('modes', () => {
  it('dry-run resolves, without sending, to the decision and the request that would be sent', async () => {
    const { client, plugin } = guarded({ policy: allow('mobiletargeting:GetSegment'), mode: 'dry-run' });
    expect(plugin.mode).toBe('dry-run');
    const out = await client.send(new GetSegmentCommand({ ApplicationId: 'a 1', SegmentId: 's1' }));
    expect(isDryRunResult(out)).toBe(true);
    expect(out).toMatchObject({
      dryRun: true, operation: 'GetSegment', action: 'mobiletargeting:GetSegment', wouldSend: true,
      resource: `arn:aws:mobiletargeting:${REGION}:${ACCOUNT}:apps/a 1/segments/s1`,
      decision: { decision: 'Allow' },
      request: { method: 'GET', url: `https://pinpoint.${REGION}.amazonaws.com/v1/apps/a%201/segments/s1`, body: undefined },
      $metadata: { attempts: 0 },
    });
    const denied = await client.send(new GetAppCommand({ ApplicationId: 'a1' }));
    expect(denied).toMatchObject({ wouldSend: false, decision: { decision: 'ImplicitDeny' } });
    expect(kit.requests).toEqual([]);
  });

  it('dry-run names the custom endpoint the client sends to', async () => {
    const { client } = guarded({ policy: ADMIN, mode: 'dry-run' }, { endpoint: 'http://127.0.0.1:9/base' });
    const out = await client.send(new GetAppCommand({ ApplicationId: 'a1' }));
    expect(out).toMatchObject({ request: { url: 'http://127.0.0.1:9/base/v1/apps/a1' } });
  });

  it('dry-run names the endpoint configured for the service (AWS_ENDPOINT_URL_PINPOINT), as the SDK resolves it', async () => {
    process.env.AWS_ENDPOINT_URL_PINPOINT = 'http://127.0.0.1:9/configured';
    try {
      const { client } = guarded({ policy: ADMIN, mode: 'dry-run' });
      const out = await client.send(new GetAppCommand({ ApplicationId: 'a1' }));
      expect(out).toMatchObject({ request: { url: 'http://127.0.0.1:9/configured/v1/apps/a1' } });
    } finally {
      delete process.env.AWS_ENDPOINT_URL_PINPOINT;
    }
  });

  it('record mode sends every call and lists what the guard decided; the handle is the plugin', async () => {
    const appId = await newApp();
    const from = kit.requests.length;
    const { client, plugin } = guarded({ policy: allow('mobiletargeting:GetApp'), mode: 'record' });
    await client.send(new GetAppCommand({ ApplicationId: 'nope' })).catch(() => undefined);
    await client.send(new GetSegmentCommand({ ApplicationId: appId, SegmentId: 's1' })).catch(() => undefined);
    expect(sawSince(from)).toEqual(['GetApp', 'GetSegment']);
    expect(plugin.recorded()).toEqual([
      { operation: 'GetApp', action: 'mobiletargeting:GetApp', resource: `arn:aws:mobiletargeting:${REGION}:${ACCOUNT}:apps/nope`, decision: 'Allow', dependsOn: [] },
      { operation: 'GetSegment', action: 'mobiletargeting:GetSegment', resource: `arn:aws:mobiletargeting:${REGION}:${ACCOUNT}:apps/${appId}/segments/s1`, decision: 'ImplicitDeny', dependsOn: [] },
    ]);
  });

  it('refuses a configuration that cannot work when the plugin is made, naming the field', () => {
    const client = sdkClient();
    expect(() => guardPlugin({ client, policy: ADMIN, mode: 'off' as never })).toThrow('config.mode: expected one of enforce, dry-run, record');
    expect(() => guardPlugin({ client, principal: 'auto', mode: 'dry-run' })).toThrow('config.principal: dry-run mode sends nothing, not even to IAM');
    // @ts-expect-error identity policies and a principal are exclusive in the type, as at run time
    expect(() => guardPlugin({ client, principal: 'auto', policy: ADMIN })).toThrow('config.policy: not allowed with config.principal');
    expect(() => guardPlugin({ client, policy: ADMIN, accountId: '12' })).toThrow('config.accountId: expected 12 digits');
    expect(() => guardPlugin({ client, policy: ADMIN, whenUncertain: 'maybe' as never })).toThrow('config.whenUncertain');
    expect(() => guardPlugin({ policy: ADMIN } as never)).toThrow('config.client: expected the @aws-sdk/client-pinpoint client');
  });
});

describe('one decision per command', () => {
  it("the SDK's retries resend what was allowed: two attempts, one decision", async () => {
    const appId = await newApp();
    const { client, plugin } = guarded({ policy: ADMIN, mode: 'record' }, { maxAttempts: 3 });
    kit.injectFault({ operation: 'GetApp', status: 429, retryAfter: 0 });
    const out = await client.send(new GetAppCommand({ ApplicationId: appId }));
    expect(out.$metadata.attempts).toBe(2);
    expect(saw('GetApp')).toBe(2);
    expect(plugin.recorded()).toHaveLength(1);
  });
});

describe('the aws:SourceIp guardrail', () => {
  const guardrail = {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: 'mobiletargeting:*', Resource: '*' },
      { Sid: 'OfficeOnly', Effect: 'Deny', Action: '*', Resource: '*', Condition: { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } },
    ],
  };

  it('is UncertainDecisionError (the guard cannot see the source IP): nothing is sent', async () => {
    const { client } = guarded({ policy: guardrail });
    const e = (await client.send(new GetAppCommand({ ApplicationId: 'a1' })).catch((x: unknown) => x)) as UncertainDecisionError;
    expect(e).toBeInstanceOf(UncertainDecisionError);
    expect(e).toMatchObject({ name: 'UncertainDecisionError', dependsOn: ['aws:SourceIp'], $fault: 'client' });
    expect(e.message).toContain("context: { 'aws:SourceIp': … }");
    expect(kit.requests).toEqual([]);
  });

  it('with the key supplied in context, sends', async () => {
    const appId = await newApp();
    const { client } = guarded({ policy: guardrail, context: { 'aws:SourceIp': '203.0.113.7' } });
    await expect(client.send(new GetAppCommand({ ApplicationId: appId }))).resolves.toMatchObject({ ApplicationResponse: { Id: appId } });
    const outside = guarded({ policy: guardrail, context: { 'aws:SourceIp': '198.51.100.7' } }).client;
    await expect(outside.send(new GetAppCommand({ ApplicationId: appId }))).rejects.toMatchObject({ name: 'AccessDeniedError', decision: 'ExplicitDeny' });
  });
});

describe("resourceTags: 'fetch'", () => {
  const noProd = {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: 'mobiletargeting:*', Resource: '*' },
      { Effect: 'Deny', Action: 'mobiletargeting:DeleteApp', Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/env': 'prod' } } },
    ],
  };

  it('reads the tags with ListTagsForResource through the same client (signed by it) and decides with them', async () => {
    const prod = await newApp({ env: 'prod' });
    const dev = await newApp({ env: 'dev' });
    const from = kit.requests.length;
    const { client } = guarded({ policy: noProd, resourceTags: 'fetch' });
    await expect(client.send(new GetAppCommand({ ApplicationId: prod }))).resolves.toBeDefined();
    await expect(client.send(new DeleteAppCommand({ ApplicationId: prod }))).rejects.toMatchObject({ name: 'AccessDeniedError', decision: 'ExplicitDeny' });
    await expect(client.send(new DeleteAppCommand({ ApplicationId: dev }))).resolves.toBeDefined();
    expect(sawSince(from)).toEqual(['GetApp', 'ListTagsForResource', 'ListTagsForResource', 'DeleteApp']);
    // The SDK itself sent the tag reads: its user agent and its signature.
    const read = kit.requests.find((r) => r.operation === 'ListTagsForResource')!;
    expect(read.headers['user-agent']).toMatch(/aws-sdk-js/);
    expect(read.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\//);
  });

  it('a change of tags through the same client drops the cached ones', async () => {
    const noProdReads = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'mobiletargeting:*', Resource: '*' },
        { Effect: 'Deny', Action: 'mobiletargeting:GetApp', Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/env': 'prod' } } },
      ],
    };
    const appId = await newApp({ env: 'dev' });
    const { client } = guarded({ policy: noProdReads, resourceTags: 'fetch' });
    await expect(client.send(new GetAppCommand({ ApplicationId: appId }))).resolves.toBeDefined();
    await client.send(new TagResourceCommand({ ResourceArn: `arn:aws:mobiletargeting:${REGION}:${ACCOUNT}:apps/${appId}`, TagsModel: { tags: { env: 'prod' } } }));
    // The tags read for the first GetApp (env=dev) would allow it; they were dropped when TagResource was sent.
    await expect(client.send(new GetAppCommand({ ApplicationId: appId }))).rejects.toMatchObject({ name: 'AccessDeniedError', decision: 'ExplicitDeny' });
  });
});

describe('the account the ARNs name', () => {
  it('comes from STS GetCallerIdentity with the client\'s own credentials when accountId is not given', async () => {
    const client = sdkClient({ credentials: KEYS });
    client.middlewareStack.use(guardPlugin({ client, policy: allow('mobiletargeting:GetApps'), lifecycle: 'off' }));
    const e = (await client.send(new GetAppCommand({ ApplicationId: 'a1' })).catch((x: unknown) => x)) as AccessDeniedError;
    expect(e.resource).toBe(`arn:aws:mobiletargeting:${REGION}:${ACCOUNT}:apps/a1`);
    const sts = iam.requests.filter((r) => r.action === 'GetCallerIdentity');
    expect(sts).toHaveLength(1);
  });

  it('fails closed with AccountResolutionError when STS does not know the credentials', async () => {
    const client = sdkClient({ credentials: { accessKeyId: 'AKIDUNKNOWN', secretAccessKey: 's' } });
    client.middlewareStack.use(guardPlugin({ client, policy: ADMIN, lifecycle: 'off' }));
    const e = await client.send(new GetAppCommand({ ApplicationId: 'a1' })).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AccountResolutionError);
    expect(e).toMatchObject({ $fault: 'client' });
    expect(kit.requests).toEqual([]);
  });
});
