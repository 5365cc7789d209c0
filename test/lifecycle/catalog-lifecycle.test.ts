import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readCatalog } from '../../codegen/catalog/read.js';
import { actions, operations } from '../../src/tooling/index.js';

const catalog = readCatalog();

/** The notice on every Pinpoint page, or the AWS page (and its words) that decided the status. */
const SOURCE = /2026-10-30|^https:\/\/docs\.aws\.amazon\.com\//;

describe('lifecycle in the catalog', () => {
  it('every entry has a status, a reason and a source', () => {
    for (const e of catalog.entries) {
      expect(['supported', 'end-of-support', 'unclear'], e.action).toContain(e.lifecycle.status);
      expect(e.lifecycle.reason.length, e.action).toBeGreaterThan(10);
      expect(e.lifecycle.source, e.action).toMatch(SOURCE);
    }
  });

  it('cites the AWS page whose words decided each action that the notice alone left unclear', () => {
    const cited = catalog.entries.filter((e) => e.lifecycle.source.startsWith('https://'));
    expect(cited.length).toBeGreaterThanOrEqual(50);
    for (const e of cited) expect(e.lifecycle.source, e.action).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/\S+\.html — ".{20,}"$/);
    // What stays unclear says what AWS's pages leave open, not a stock phrase.
    const unclear = catalog.entries.filter((e) => e.lifecycle.status === 'unclear');
    expect(unclear.map((e) => e.actionName).sort()).toEqual([
      'DeleteEventStream', 'GetApplicationSettings', 'GetEventStream', 'ListTagsForResource', 'PutEventStream', 'TagResource', 'UntagResource', 'UpdateApplicationSettings',
    ]);
    for (const e of unclear) expect(e.lifecycle.reason, e.actionName).toMatch(/does not say|do not say/);
  });

  // What the notice names, and only that (issue 8: "do not guess").
  const want: [string, string][] = [
    ['GetSegment', 'end-of-support'], ['CreateCampaign', 'end-of-support'], ['GetEndpoint', 'end-of-support'], ['GetUserEndpoints', 'end-of-support'],
    ['CreateJourney', 'end-of-support'], ['GetApplicationDateRangeKpi', 'end-of-support'], ['GetReports', 'end-of-support'], ['GetSegmentExportJobs', 'end-of-support'],
    ['UpdateSmsChannel', 'supported'], ['GetVoiceChannel', 'supported'], ['UpdateApnsChannel', 'supported'], ['DeleteGcmChannel', 'supported'],
    ['SendOTPMessage', 'supported'], ['VerifyOTPMessage', 'supported'], ['PhoneNumberValidate', 'supported'], ['SendMessages', 'supported'],
    ['CreateApp', 'supported'], ['GetApps', 'supported'], ['GetChannels', 'supported'], ['GetApplicationSettings', 'unclear'], ['UpdateEmailChannel', 'end-of-support'],
    ['PutEventStream', 'unclear'], ['CreateImportJob', 'end-of-support'], ['CreateExportJob', 'end-of-support'], ['CreateEmailTemplate', 'end-of-support'],
    ['GetSmsTemplate', 'end-of-support'], ['ListTemplates', 'end-of-support'], ['CreateRecommenderConfiguration', 'end-of-support'], ['TagResource', 'unclear'],
  ];
  it.each(want)('%s is %s', (name, status) => {
    expect(catalog.entries.find((e) => e.actionName === name)?.lifecycle.status).toBe(status);
  });

  it('says where SendMessages straddles the line: email sent through it ends, and so do sends to endpoint ids', () => {
    const reason = catalog.entries.find((e) => e.actionName === 'SendMessages')?.lifecycle.reason;
    expect(reason).toMatch(/email sent through SendMessages ends/);
    expect(reason).toMatch(/Endpoints.*retired.*Addresses.*continue/);
  });

  it('carries into the operations and actions tables', () => {
    expect(operations.GetSegment.lifecycle.status).toBe('end-of-support');
    expect(actions.GetReports.lifecycle.status).toBe('end-of-support');
    expect(operations.SendOTPMessage.lifecycle.status).toBe('supported');
  });
});

describe('docs/end-of-support.md', () => {
  const page = readFileSync(new URL('../../generated/docs/end-of-support.md', import.meta.url), 'utf8');
  it('lists every action exactly once, under its status', () => {
    const rows = [...page.matchAll(/^\| \[(\w+)\]\(actions\/[\w-]+\.md\) \|/gm)].map((m) => m[1]);
    expect(rows.sort()).toEqual(catalog.entries.map((e) => e.actionName).sort());
    const sections = page.split(/^## /m).slice(1);
    for (const section of sections) {
      const status = { 'End of support': 'end-of-support', Supported: 'supported', Unclear: 'unclear' }[section.split(' (')[0]!]!;
      for (const [, name] of section.matchAll(/^\| \[(\w+)\]/gm)) {
        expect(catalog.entries.find((e) => e.actionName === name)?.lifecycle.status, name).toBe(status);
      }
    }
  });
  it('names AWS End User Messaging SMS and Voice v2 as the successor for SMS and voice', () => {
    expect(page).toMatch(/\| \[UpdateSmsChannel\]\(actions\/update-sms-channel\.md\) \| Channels \| .* \| AWS End User Messaging SMS and Voice v2 API/);
  });
  it('shows a badge on each action page and a column in the index', () => {
    expect(readFileSync(new URL('../../generated/docs/actions/get-segment.md', import.meta.url), 'utf8')).toContain('![end of support](https://img.shields.io/badge/lifecycle-end--of--support-c62828)');
    expect(readFileSync(new URL('../../generated/docs/README.md', import.meta.url), 'utf8')).toMatch(/\| \[GetSegment\]\(actions\/get-segment\.md\) \| `getSegment` \| `GET \/v1\/apps\/\{ApplicationId\}\/segments\/\{SegmentId\}` \| Read \| end-of-support \|/);
  });
});

describe('lifecycle source in the tables', () => {
  it('every operations entry and lifecycle row names its source', async () => {
    const { lifecycleTable } = await import('../../src/tooling/lifecycle.js');
    expect(operations.GetSegment.lifecycle.source).toMatch(/end-of-support notice .*2026-10-30/);
    for (const row of lifecycleTable()) expect(row.source, row.action).toMatch(SOURCE);
  });
});
