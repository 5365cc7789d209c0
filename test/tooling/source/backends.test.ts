/**
 * Least privilege from the source of two small real backends — a server that sends texts and one-time passwords, with
 * an admin script beside it — written once against this package's client and once against @aws-sdk/client-pinpoint.
 * Each call site is marked `// expect: <Action> <resource>` (ids as `--app shopapp` fills them) or `// expect: unresolved`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintPolicy } from '../../../src/tooling/lint/index.js';
import { MissingEnvironmentError, policyFromSource, type SourcePolicy, type SourcePolicyRequest } from '../../../src/tooling/source/index.js';
import { siteText } from '../../../src/tooling/source/types.js';
import { matchWildcard } from '../../../src/policy/index.js';
import { BACKENDS, expectations, FIXTURE } from './expectations.js';

const ACCOUNT = '123456789012';
const arn = (region: string, resource: string) => `arn:aws:mobiletargeting:${region}:${ACCOUNT}:${resource}`;
/** Where the account comes from for each backend: this client's construction fixes it; the SDK's config has none. */
const REQUESTS: Readonly<Record<keyof typeof BACKENDS, Omit<SourcePolicyRequest, 'project'>>> = {
  client: { ids: { ApplicationId: 'shopapp' } },
  sdk: { ids: { ApplicationId: 'shopapp' }, accountId: ACCOUNT, origins: { accountId: 'AWS_ACCOUNT_ID' } },
};
const REGION = { client: 'us-east-1', sdk: 'eu-west-1' } as const;

const results = new Map<string, SourcePolicy>();
const run = async (key: string, req: SourcePolicyRequest) => {
  const r = results.get(key) ?? await policyFromSource(req);
  results.set(key, r);
  return r;
};
const whole = (b: keyof typeof BACKENDS) => run(`${b}`, { project: BACKENDS[b], ...REQUESTS[b] });
const server = (b: keyof typeof BACKENDS) => run(`${b}/server`, { project: BACKENDS[b], ...REQUESTS[b], entries: [join(BACKENDS[b], 'src/server.ts')] });

describe.each(['client', 'sdk'] as const)('the %s backend', (backend) => {
  beforeAll(async () => { await Promise.all([whole(backend), server(backend)]); }, 120_000);

  it('places every marked call site: its action on the resource its ids fix (with --app filling the project), or unresolved', async () => {
    const r = await whole(backend);
    const marked = expectations(BACKENDS[backend]);
    const placed = [...r.statements.flatMap((s) => s.callSites.map(siteText)), ...r.unresolved.map((u) => siteText(u.site))];
    expect(placed.sort()).toEqual(marked.map((e) => e.site).sort());
    for (const e of marked) {
      if (e.action === 'unresolved') { expect(r.unresolved.map((u) => siteText(u.site)), e.site).toContain(e.site); continue; }
      const sid = r.statements.find((s) => s.callSites.some((c) => siteText(c) === e.site))?.Sid;
      const statement = r.policy.Statement.find((s) => s.Sid === sid);
      expect(statement?.Action, e.site).toContain(`mobiletargeting:${e.action}`);
      expect(statement?.Resource.some((p) => matchWildcard(p, arn(REGION[backend], e.resource as string))), e.site).toBe(true);
    }
    expect(r.wildcards).toEqual([]);
    expect(r.check.allowsEveryCall).toBe(true);
  });

  it('names each call site where the --app value stood for an id the code does not fix', async () => {
    const r = await whole(backend);
    const [filled, ...more] = r.filled;
    expect(more).toEqual([]);
    expect(filled).toMatchObject({ member: 'ApplicationId', value: 'shopapp' });
    const marked = expectations(BACKENDS[backend]).filter((e) => e.resource?.startsWith('apps/shopapp')).map((e) => e.site);
    expect(filled?.sites.map(siteText).sort()).toEqual(marked.sort());
  });

  it('groups the calls by the client construction they go through: the admin script\'s client holds createApp and deleteApp', async () => {
    const r = await whole(backend);
    const admin = r.clients.find((g) => g.construction?.site.file === 'src/admin.ts');
    expect(admin?.calls.map((c) => c.action)).toEqual(['mobiletargeting:CreateApp', 'mobiletargeting:DeleteApp']);
    expect(admin?.region).toEqual({ value: REGION[backend], from: expect.stringMatching(/^src\/admin\.ts:4, region of new (PinpointClient|Pinpoint)$/) });
    for (const g of r.clients.filter((x) => x !== admin)) expect(g.calls.every((c) => c.file !== 'src/admin.ts'), JSON.stringify(g.construction)).toBe(true);
    const untraced = r.clients.find((g) => g.construction === undefined);
    expect(untraced?.calls.every((c) => /is passed in \(a parameter\)/.test(c.untraced ?? '')), JSON.stringify(untraced)).toBe(true);
  });

  it('--entry src/server.ts leaves the admin script out: no CreateApp, no DeleteApp', async () => {
    const r = await server(backend);
    const actions = r.policy.Statement.flatMap((s) => s.Action);
    expect(actions).not.toContain('mobiletargeting:CreateApp');
    expect(actions).not.toContain('mobiletargeting:DeleteApp');
    expect(actions).toContain('mobiletargeting:SendMessages');
    expect(r.calls.every((c) => c.site.file !== 'src/admin.ts')).toBe(true);
  });

  it('writes policies that lint clean: no finding at all, shadowed statements included', async () => {
    for (const r of [await whole(backend), await server(backend)]) expect(lintPolicy(r.policy)).toEqual([]);
  });
});

describe('Region and account', () => {
  it('come from this client\'s construction when it writes them as constants, and the report says so', async () => {
    const r = await policyFromSource({ project: BACKENDS.client, ids: { ApplicationId: 'shopapp' } });
    const server = r.clients.find((g) => g.construction?.site.file === 'src/pinpoint.ts');
    expect(server?.region).toEqual({ value: 'us-east-1', from: 'src/pinpoint.ts:5, region of new PinpointClient' });
    expect(server?.accountId).toEqual({ value: ACCOUNT, from: 'src/pinpoint.ts:5, accountId of new PinpointClient' });
    expect(r.calls.every((c) => c.resource.startsWith(`arn:aws:mobiletargeting:us-east-1:${ACCOUNT}:`))).toBe(true);
  }, 60_000);

  it('the request overrides the code, named as it was given', async () => {
    const r = await policyFromSource({ project: BACKENDS.client, ids: { ApplicationId: 'shopapp' }, region: 'eu-central-1', accountId: '210987654321', origins: { region: '--region', accountId: 'AWS_ACCOUNT_ID' } });
    for (const g of r.clients) {
      expect(g.region).toEqual({ value: 'eu-central-1', from: '--region' });
      expect(g.accountId).toEqual({ value: '210987654321', from: 'AWS_ACCOUNT_ID' });
    }
    expect(r.calls.every((c) => c.resource.startsWith('arn:aws:mobiletargeting:eu-central-1:210987654321:'))).toBe(true);
  }, 60_000);

  it('the account is asked for only when nothing gives it: the SDK\'s config has none', async () => {
    const failure = policyFromSource({ project: BACKENDS.sdk, ids: { ApplicationId: 'shopapp' } });
    await expect(failure).rejects.toBeInstanceOf(MissingEnvironmentError);
    await expect(failure).rejects.toMatchObject({ key: 'accountId' });
    const r = await whole('sdk');
    expect(r.clients.every((g) => g.region.value === 'eu-west-1' && g.accountId.from === 'AWS_ACCOUNT_ID')).toBe(true);
  }, 60_000);
});

describe('without --app', () => {
  it('a project id from configuration is a wildcard, with the reason', async () => {
    const r = await policyFromSource({ project: BACKENDS.client });
    expect(r.wildcards.map((w) => `${siteText(w.site)} ${w.member}`)).toContain('src/server.ts:10 ApplicationId');
    expect(r.wildcards.find((w) => siteText(w.site) === 'src/otp.ts:8')?.reason).toMatch(/ApplicationId comes from|this\.appId/);
    // apps/*/messages covers apps/ops-alerts/messages: only the wider one is written, and ops-alerts' call is traced to it.
    const resources = r.policy.Statement.flatMap((s) => s.Resource);
    expect(resources).toContain(arn('us-east-1', 'apps/*/messages'));
    expect(resources).not.toContain(arn('us-east-1', 'apps/ops-alerts/messages'));
    expect(r.statements.flatMap((s) => s.callSites.map(siteText))).toContain('src/server.ts:13');
    expect(lintPolicy(r.policy)).toEqual([]);
  }, 60_000);

  it('refuses an id member no operation takes, naming where it came from', async () => {
    await expect(policyFromSource({ project: BACKENDS.client, ids: { AppId: 'x' }, origins: { ids: { AppId: '--id AppId' } } })).rejects.toThrow(/^--id AppId: AppId is not an id any Pinpoint operation takes/);
  }, 60_000);
});

describe('the policy written for the first fixture', () => {
  it('has no statement another covers (lint: no duplicate or shadowed statement)', async () => {
    const r = await policyFromSource({ project: FIXTURE });
    const redundancy = lintPolicy(r.policy).filter((f) => f.rule === 'shadowed-statement' || f.rule === 'duplicate-statement');
    expect(redundancy).toEqual([]);
    // Its engagement actions (segments, campaigns, journeys) are past end of support: the only findings are those.
    expect(lintPolicy(r.policy).filter((f) => f.rule !== 'end-of-support')).toEqual([]);
  }, 60_000);
});

describe('without the SDK\'s types installed', () => {
  let dir: string;
  beforeAll(() => {
    // A folder outside the repository, so no node_modules above it holds @aws-sdk/client-pinpoint.
    dir = mkdtempSync(join(tmpdir(), 'pinpoint-guard-no-sdk-'));
    writeFileSync(join(dir, 'server.ts'), [
      "import { PinpointClient, SendMessagesCommand } from '@aws-sdk/client-pinpoint';",
      "const client = new PinpointClient({ region: 'us-east-1' });",
      "export const send = () => client.send(new SendMessagesCommand({ ApplicationId: 'a1', MessageRequest: {} }));",
    ].join('\n'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('says so at the import, as an unresolved call, instead of writing a policy that silently lacks the calls', async () => {
    const r = await policyFromSource({ project: dir, accountId: ACCOUNT });
    expect(r.calls).toEqual([]);
    expect(r.unresolved).toEqual([{ site: { file: 'server.ts', line: 1, column: 1 }, text: expect.any(String), reason: expect.stringMatching(/@aws-sdk\/client-pinpoint is imported but its type declarations are not installed.*npm install @aws-sdk\/client-pinpoint/) }]);
  }, 60_000);
});

describe('SDK paginators', () => {
  let dir: string;
  beforeAll(() => {
    // @aws-sdk/client-pinpoint ships no paginators today; one declared the way the SDK declares them for other services
    // (`export declare const paginateX: (config: { client }, input) => Paginator`) is found as its operation.
    dir = mkdtempSync(join(tmpdir(), 'pinpoint-guard-sdk-paginator-'));
    const sdk = join(dir, 'node_modules/@aws-sdk/client-pinpoint');
    mkdirSync(join(sdk, 'dist-types/pagination'), { recursive: true });
    writeFileSync(join(sdk, 'package.json'), JSON.stringify({ name: '@aws-sdk/client-pinpoint', types: './dist-types/index.d.ts' }));
    writeFileSync(join(sdk, 'dist-types/index.d.ts'), [
      'export declare class PinpointClient { constructor(config: { region?: string }); send(command: unknown): Promise<unknown>; }',
      "export * from './pagination/GetSegmentsPaginator';",
    ].join('\n'));
    writeFileSync(join(sdk, 'dist-types/pagination/GetSegmentsPaginator.d.ts'), [
      "import type { PinpointClient } from '../index';",
      'export declare const paginateGetSegments: (config: { client: PinpointClient; pageSize?: number }, input: { ApplicationId: string | undefined }) => AsyncIterable<unknown>;',
    ].join('\n'));
    writeFileSync(join(dir, 'count.ts'), [
      "import { PinpointClient, paginateGetSegments } from '@aws-sdk/client-pinpoint';",
      "const client = new PinpointClient({ region: 'us-west-2' });",
      'export async function count() { for await (const page of paginateGetSegments({ client }, { ApplicationId: \'a1\' })) void page; }',
    ].join('\n'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a paginator is its operation, the input its second argument, the client the one its config holds', async () => {
    const r = await policyFromSource({ project: dir, accountId: ACCOUNT });
    expect(r.unresolved).toEqual([]);
    expect(r.calls).toEqual([expect.objectContaining({ callee: 'paginateGetSegments', action: 'mobiletargeting:GetSegments', resource: `arn:aws:mobiletargeting:us-west-2:${ACCOUNT}:apps/a1` })]);
    expect(r.clients[0]?.construction).toEqual({ site: { file: 'count.ts', line: 2, column: 16 }, kind: 'aws-sdk', text: 'new PinpointClient' });
  }, 60_000);
});
