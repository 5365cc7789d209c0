/**
 * The catalog against the seed page: every one of the seed's 69 entries is in the catalog exactly once under the name
 * AWS authorizes today, with what the seed printed kept beside it, and the errata the catalog records are exactly the
 * known ones (the seed's ERRATA.md) — restated here as tables, so that a change to either side shows up as a diff. The
 * seed's facts are the repository's record of the page (catalog/sources/seed.yaml, written by the importer).
 */
import { describe, expect, it } from 'vitest';
import { readCatalog } from '../../codegen/catalog/read.js';
import type { CatalogEntry } from '../../codegen/catalog/types.js';
import { readSeedData, type SeedEntry } from '../../codegen/import/seed.js';

const seed = readSeedData();
const catalog = readCatalog();
const entryNamed = (name: string): CatalogEntry | undefined => catalog.entries.find((e) => e.actionName === name);

const ARN = 'arn:${Partition}:mobiletargeting:${Region}:${Account}:';
const SEED_ARN = 'arn:aws:mobiletargeting:region:account-id:';

/** Seed entries printed under a name that is not the action's (ERRATA.md, "Names"); `arnEndsWith` tells reused names apart. */
const RENAMES: readonly { seed: string; arnEndsWith?: string; truth: string }[] = [
  { seed: 'DeleteApnsVoipChannel', arnEndsWith: '/channels/apns_voip_sandbox', truth: 'DeleteApnsVoipSandboxChannel' },
  { seed: 'GetApnsVoipChannel', arnEndsWith: '/channels/apns_voip_sandbox', truth: 'GetApnsVoipSandboxChannel' },
  { seed: 'UpdateApnsVoipChannel', arnEndsWith: '/channels/apns_voip_sandbox', truth: 'UpdateApnsVoipSandboxChannel' },
  { seed: 'CreateExportJobs', truth: 'CreateExportJob' },
  { seed: 'DeleteUser', truth: 'DeleteUserEndpoints' },
  { seed: 'GetUser', truth: 'GetUserEndpoints' },
];

function trueName(s: SeedEntry): string {
  return RENAMES.find((r) => r.seed === s.name && (r.arnEndsWith === undefined || s.arn.endsWith(r.arnEndsWith)))?.truth ?? s.name;
}

/** Every erratum the catalog must record: [action, field, what the seed printed, the truth]; prose as a pattern. */
const ERRATA: readonly [string, string, string | RegExp, string | RegExp][] = [
  // Names
  ['DeleteApnsVoipSandboxChannel', 'action', 'mobiletargeting:DeleteApnsVoipChannel', 'mobiletargeting:DeleteApnsVoipSandboxChannel'],
  ['GetApnsVoipSandboxChannel', 'action', 'mobiletargeting:GetApnsVoipChannel', 'mobiletargeting:GetApnsVoipSandboxChannel'],
  ['UpdateApnsVoipSandboxChannel', 'action', 'mobiletargeting:UpdateApnsVoipChannel', 'mobiletargeting:UpdateApnsVoipSandboxChannel'],
  ['CreateExportJob', 'action', 'mobiletargeting:CreateExportJobs', 'mobiletargeting:CreateExportJob'],
  ['DeleteUserEndpoints', 'action', 'mobiletargeting:DeleteUser', 'mobiletargeting:DeleteUserEndpoints'],
  ['GetUserEndpoints', 'action', 'mobiletargeting:GetUser', 'mobiletargeting:GetUserEndpoints'],
  // HTTP
  ['PutEventStream', 'http.method', 'PUT', 'POST'],
  ['GetReports', 'http', /Not applicable/, /console-only/],
  // Resource ARNs
  ['DeleteAdmChannel', 'resource', 'arn:aws:mobiletargeting:region:accountid:apps/project-id/channels/adm', `${ARN}apps/\${ApplicationId}/channels/adm`],
  ['GetAdmChannel', 'resource', 'arn:aws:mobiletargeting:region:accountid:apps/project-id/channels/adm', `${ARN}apps/\${ApplicationId}/channels/adm`],
  ['UpdateAdmChannel', 'resource', 'arn:aws:mobiletargeting:region:accountid:apps/project-id/channels/adm', `${ARN}apps/\${ApplicationId}/channels/adm`],
  ['CreateCampaign', 'resource', `${SEED_ARN}apps/project-id/campaigns`, `${ARN}apps/\${ApplicationId}`],
  ['CreateExportJob', 'resource', `${SEED_ARN}apps/project-id/jobs/export`, `${ARN}apps/\${ApplicationId}`],
  ['GetExportJobs', 'resource', `${SEED_ARN}apps/project-id/jobs/export`, `${ARN}apps/\${ApplicationId}`],
  ['SendUsersMessages', 'resource', `${SEED_ARN}apps/project-id/users-messages`, `${ARN}apps/\${ApplicationId}/messages`],
  ['CreateApp', 'resource', `${SEED_ARN}apps`, `${ARN}apps/*`],
  ['GetApps', 'resource', `${SEED_ARN}apps`, `${ARN}apps/*`],
  ['GetSegmentExportJobs', 'resource', `${SEED_ARN}apps/project-id/segments/segment-id/jobs/export`, `${ARN}apps/\${ApplicationId}/segments/\${SegmentId}`],
  // Text
  ['UpdateApplicationSettings', 'summary', /Retrieve the default settings.*GetApplicationSettings/, /^updates the default settings/],
  ['GetSegmentExportJobs', 'summary', /import.*GetSegmentImportJobs/, /export/],
];

/** The seed's placeholders as the catalog spells them, for comparing ARNs that carry no erratum. */
function catalogArn(seedArn: string): string {
  const ids: Record<string, string> = {
    'project-id': 'ApplicationId', 'campaign-id': 'CampaignId', 'segment-id': 'SegmentId', 'endpoint-id': 'EndpointId', 'job-id': 'JobId', 'user-id': 'UserId',
  };
  return seedArn.replace(SEED_ARN, ARN).replace(/\b[a-z]+-id\b/g, (id) => (ids[id] ? `\${${ids[id]}}` : id));
}

describe(readSeedData.name, () => {
  it('reads the 69 action entries of the seed page, in page order', () => {
    expect(seed).toHaveLength(69);
    expect(seed[0]).toMatchObject({ group: 'Campaigns', name: 'CreateCampaign', method: 'POST', line: 106 });
    expect(seed.at(-1)).toMatchObject({ group: 'Users', name: 'GetUser', method: 'GET', line: 558 });
    expect(seed.map((s) => s.line)).toEqual([...seed.map((s) => s.line)].sort((a, b) => a - b));
  });
});

describe(readCatalog.name, () => {
  it('holds 123 actions, 122 of them with a REST operation; GetReports is console-only', () => {
    expect(catalog.entries).toHaveLength(123);
    expect(catalog.entries.filter((e) => e.operation)).toHaveLength(122);
    expect(catalog.entries.filter((e) => !e.operation).map((e) => e.actionName)).toEqual(['GetReports']);
  });

  describe('the seed entries', () => {
    it('has exactly the 69 seed entries with a seed record, each matching the line and name the seed printed', () => {
      const recorded = catalog.entries.filter((e) => e.seed).map((e) => `${e.seed!.line} ${e.seed!.name}`).sort();
      expect(recorded).toEqual(seed.map((s) => `${s.line} mobiletargeting:${s.name}`).sort());
    });

    it.each(seed.map((s) => [`${s.name} (seed line ${s.line})`, s] as const))('%s is in the catalog exactly once, under its true name', (_, s) => {
      const name = trueName(s);
      const entries = catalog.entries.filter((e) => e.actionName.toLowerCase() === name.toLowerCase());
      expect(entries.map((e) => e.action)).toEqual([`mobiletargeting:${name}`]);
      const [entry] = entries;
      expect(entry!.seed).toEqual({ name: `mobiletargeting:${s.name}`, line: s.line });
      expect(entry!.group).toBe(s.group);
      expect(entry!.docs).toBe(s.uri ?? 'https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonpinpoint.html');
    });

    it('applies the renames to exactly the entries ERRATA.md names', () => {
      const renamed = seed.filter((s) => trueName(s) !== s.name).map((s) => `${s.name}@${s.line} -> ${trueName(s)}`);
      expect(renamed).toEqual([
        'DeleteApnsVoipChannel@230 -> DeleteApnsVoipSandboxChannel',
        'GetApnsVoipChannel@236 -> GetApnsVoipSandboxChannel',
        'UpdateApnsVoipChannel@242 -> UpdateApnsVoipSandboxChannel',
        'CreateExportJobs@374 -> CreateExportJob',
        'DeleteUser@552 -> DeleteUserEndpoints',
        'GetUser@558 -> GetUserEndpoints',
      ]);
      // The first VoIP entries keep their names; no catalog action carries a seed-only name.
      expect(entryNamed('DeleteApnsVoipChannel')?.seed).toEqual({ name: 'mobiletargeting:DeleteApnsVoipChannel', line: 212 });
      for (const gone of ['CreateExportJobs', 'DeleteUser', 'GetUser']) expect(entryNamed(gone)).toBeUndefined();
    });

    it.each(seed.map((s) => [trueName(s), s] as const))('%s: the seed\'s method and ARN equal the catalog\'s, unless an erratum says otherwise', (name, s) => {
      const entry = entryNamed(name)!;
      const erratum = (field: string): string | undefined => entry.errata.find((e) => e.field === field)?.seed;
      // GetReports: no method in the seed, no operation in the catalog.
      if (erratum('http.method')) expect(erratum('http.method')).toBe(s.method);
      else expect(s.method).toBe(entry.operation?.http.method);
      if (erratum('resource')) expect(erratum('resource')).toBe(s.arn);
      else expect(catalogArn(s.arn)).toBe(entry.resource);
    });
  });

  describe('the errata', () => {
    const recorded = catalog.entries.flatMap((e) => e.errata.map((er) => ({ action: e.actionName, ...er })));

    it('are exactly the known ones: 6 names, 2 HTTP, 10 resource ARNs, 2 text', () => {
      const key = (action: string, field: string): string => `${action} ${field}`;
      expect(recorded.map((r) => key(r.action, r.field)).sort()).toEqual(ERRATA.map(([action, field]) => key(action, field)).sort());
      const count = (field: string): number => ERRATA.filter(([, f]) => f === field).length;
      expect([count('action'), count('http.method') + count('http'), count('resource'), count('summary')]).toEqual([6, 2, 10, 2]);
    });

    it.each(ERRATA.map((row) => [`${row[0]} ${row[1]}`, row] as const))('%s records what the seed printed and the truth', (_, [action, field, seedText, truth]) => {
      const erratum = recorded.find((r) => r.action === action && r.field === field);
      expect(erratum).toBeDefined();
      if (typeof seedText === 'string') expect(erratum!.seed).toBe(seedText);
      else expect(erratum!.seed).toMatch(seedText);
      if (typeof truth === 'string') expect(erratum!.truth).toBe(truth);
      else expect(erratum!.truth).toMatch(truth);
      expect(erratum!.source.length).toBeGreaterThan(10);
    });

    it('state truths that are what the catalog entry holds', () => {
      for (const r of recorded) {
        const entry = entryNamed(r.action)!;
        if (r.field === 'action') expect(r.truth).toBe(entry.action);
        if (r.field === 'resource') expect(r.truth).toBe(entry.resource);
        if (r.field === 'http.method') expect(r.truth).toBe(entry.operation?.http.method);
        if (r.field === 'http') expect(entry.operation).toBeUndefined();
      }
    });

    it('of the text record what the seed printed', () => {
      const printed = (name: string): string => seed.find((s) => s.name === name)!.description;
      expect(printed('UpdateApplicationSettings')).toBe(printed('GetApplicationSettings'));
      expect(printed('UpdateApplicationSettings')).toMatch(/^Retrieve the default settings/);
      expect(printed('GetSegmentExportJobs')).toBe(printed('GetSegmentImportJobs'));
      expect(printed('GetSegmentExportJobs')).toMatch(/by importing endpoint definitions/);
    });
  });
});
