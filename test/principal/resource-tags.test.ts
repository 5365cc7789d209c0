import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { setupServer } from 'msw/node';
import { PinpointClient } from '../../generated/client.js';
import { AccessDeniedError } from '../../src/errors/index.js';
import type { ClientConfig } from '../../src/client/types.js';
import { createPinpointMock } from '../../src/testing/index.js';

const REGION = 'us-east-1';
const ACCOUNT = '123456789012';
const CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };

/** Pinpoint's tags, served by handlers of this test: the kit's mock does not keep tags. */
const tags = new Map<string, Record<string, string>>();
const pinpoint = createPinpointMock({
  accountId: ACCOUNT,
  handlers: {
    ListTagsForResource: (ctx) => ({ tags: { ...tags.get(ctx.params.ResourceArn!) } }),
    TagResource: (ctx) => { tags.set(ctx.params.ResourceArn!, { ...tags.get(ctx.params.ResourceArn!), ...(ctx.body as { tags: Record<string, string> }).tags }); return undefined; },
    UntagResource: (ctx) => {
      const rest = { ...tags.get(ctx.params.ResourceArn!) };
      delete rest[ctx.query.tagKeys!];
      tags.set(ctx.params.ResourceArn!, rest);
      return undefined;
    },
  },
});
const msw = setupServer();
beforeAll(() => { msw.use(...pinpoint.handlers); msw.listen({ onUnhandledRequest: 'error' }); });
afterEach(() => { pinpoint.reset(); tags.clear(); vi.useRealTimers(); });
afterAll(() => msw.close());

const ABAC = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'ReadOwnTeam', Effect: 'Allow', Action: 'mobiletargeting:GetApp', Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/team': 'growth' } } },
    { Sid: 'Tagging', Effect: 'Allow', Action: ['mobiletargeting:ListTagsForResource', 'mobiletargeting:TagResource', 'mobiletargeting:UntagResource', 'mobiletargeting:GetApps'], Resource: '*' },
  ],
};

const client = (extra: Partial<ClientConfig> = {}): PinpointClient =>
  new PinpointClient({ region: REGION, accountId: ACCOUNT, credentials: CREDENTIALS, lifecycle: 'off', policy: ABAC, resourceTags: 'fetch', ...extra } as ClientConfig<'enforce'>);

async function taggedApp(team: string): Promise<{ id: string; arn: string }> {
  const admin = new PinpointClient({ region: REGION, accountId: ACCOUNT, credentials: CREDENTIALS, mode: 'off', lifecycle: 'off' });
  const { ApplicationResponse } = await admin.createApp({ CreateApplicationRequest: { Name: 'shop' } });
  const arn = `arn:aws:mobiletargeting:${REGION}:${ACCOUNT}:apps/${ApplicationResponse!.Id!}`;
  tags.set(arn, { team });
  seenBefore = pinpoint.requests.length;
  return { id: ApplicationResponse!.Id!, arn };
}

/** Requests before this point (creating the app) are not the test's subject. */
let seenBefore = 0;
const ops = (): string[] => pinpoint.requests.slice(seenBefore).map((r) => r.operation!);

describe("resourceTags: 'fetch'", () => {
  it('reads the tags with ListTagsForResource when a policy tests aws:ResourceTag/* for the action, then caches them per ARN', async () => {
    const app = await taggedApp('growth');
    const c = client();
    await c.getApp({ ApplicationId: app.id });
    await c.getApp({ ApplicationId: app.id });
    expect(ops()).toEqual(['ListTagsForResource', 'GetApp', 'GetApp']);
    expect(pinpoint.requests[seenBefore]!.path).toBe(`/v1/tags/${encodeURIComponent(app.arn)}`);
    // GetApps is allowed by a statement without tag conditions: no tags are read for it.
    await c.getApps({});
    expect(ops().at(-1)).toBe('GetApps');
    expect(ops().filter((o) => o === 'ListTagsForResource')).toHaveLength(1);
  });

  it('denies on the fetched tags, whatever the caller claims in its context', async () => {
    const app = await taggedApp('billing');
    const c = client({ context: { 'aws:ResourceTag/team': 'growth' } });
    const e = (await c.getApp({ ApplicationId: app.id }, { context: { 'AWS:RESOURCETAG/TEAM': 'growth' } }).catch((x: unknown) => x)) as AccessDeniedError;
    expect(e).toBeInstanceOf(AccessDeniedError);
    expect(e.reason).toContain('ReadOwnTeam');
    expect(ops()).toEqual(['ListTagsForResource']);
  });

  it('TagResource and UntagResource through the same client drop the cached tags', async () => {
    const app = await taggedApp('growth');
    const c = client();
    await c.getApp({ ApplicationId: app.id });
    await c.tagResource({ ResourceArn: app.arn, TagsModel: { tags: { team: 'billing' } } });
    await expect(c.getApp({ ApplicationId: app.id })).rejects.toBeInstanceOf(AccessDeniedError);
    await c.untagResource({ ResourceArn: app.arn, TagKeys: ['team'] });
    tags.set(app.arn, { team: 'growth' });
    await c.getApp({ ApplicationId: app.id });
    expect(ops()).toEqual(['ListTagsForResource', 'GetApp', 'TagResource', 'ListTagsForResource', 'UntagResource', 'ListTagsForResource', 'GetApp']);
  });

  it('trusts cached tags for resourceTagsTtlSeconds only', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const app = await taggedApp('growth');
    const c = client({ resourceTagsTtlSeconds: 30 });
    await c.getApp({ ApplicationId: app.id });
    tags.set(app.arn, { team: 'billing' }); // changed by someone else
    vi.advanceTimersByTime(29_000);
    await c.getApp({ ApplicationId: app.id });
    vi.advanceTimersByTime(2_000);
    await expect(c.getApp({ ApplicationId: app.id })).rejects.toBeInstanceOf(AccessDeniedError);
    expect(ops()).toEqual(['ListTagsForResource', 'GetApp', 'GetApp', 'ListTagsForResource']);
  });

  it('reading the tags is itself a guarded call: when the policies do not allow it, the call is denied saying why', async () => {
    const app = await taggedApp('growth');
    const noList = { Version: '2012-10-17', Statement: [ABAC.Statement[0]] };
    const e = (await client({ policy: noList }).getApp({ ApplicationId: app.id }).catch((x: unknown) => x)) as AccessDeniedError;
    expect(e).toBeInstanceOf(AccessDeniedError);
    expect(e.reason).toContain(`the policies test aws:ResourceTag/* for mobiletargeting:GetApp, and the tags of ${app.arn} could not be read: ListTagsForResource denied`);
    expect(ops()).toEqual([]);
  });

  it("without resourceTags: 'fetch' nothing is read: the caller's context is all the guard has", async () => {
    const app = await taggedApp('billing');
    await client({ resourceTags: undefined, context: { 'aws:ResourceTag/team': 'growth' } }).getApp({ ApplicationId: app.id });
    expect(ops()).toEqual(['GetApp']);
    expect(() => client({ resourceTags: 'always' as never })).toThrow(`config.resourceTags: expected 'fetch' or nothing, got "always"`);
  });
});
