import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogActions } from '../../src/tooling/catalog.js';
import { lintPolicy, type LintFinding } from '../../src/tooling/index.js';
import { canMatchTemplate, suggestedPattern } from '../../src/tooling/lint/resource-fit.js';
import { administrator, readOnly, readOnlyProject } from './fixtures.js';

const A = 'arn:aws:mobiletargeting:us-east-1:123456789012';
/** A day before Pinpoint's end of support, when granting its retired actions is still only a warning. */
const BEFORE = new Date('2026-10-01T00:00:00Z');
const policy = (...Statement: object[]) => ({ Version: '2012-10-17', Statement });
const allow = (Action: unknown, Resource: unknown = '*') => ({ Effect: 'Allow', Action, Resource });
const pick = (fs: LintFinding[]) => fs.map(({ rule, severity, path }) => ({ rule, severity, path }));
const only = (fs: LintFinding[], rule: string) => fs.filter((f) => f.rule === rule);

describe(lintPolicy.name, () => {
  const cases: [string, { given: string | object; rule: string; want: Partial<LintFinding>[] }][] = [
    ['legacy seed name GetUser', { given: policy(allow('mobiletargeting:GetUser')), rule: 'legacy-action',
      want: [{ severity: 'error', path: 'Statement[0].Action', fix: 'use "mobiletargeting:GetUserEndpoints"' }] }],
    ['legacy seed names DeleteUser and CreateExportJobs', { given: policy(allow(['mobiletargeting:DeleteUser', 'mobiletargeting:CreateExportJobs'])), rule: 'legacy-action',
      want: [{ path: 'Statement[0].Action[0]', fix: 'use "mobiletargeting:DeleteUserEndpoints"' }, { path: 'Statement[0].Action[1]', fix: 'use "mobiletargeting:CreateExportJob"' }] }],
    ['a typo gets a did-you-mean', { given: policy(allow('mobiletargeting:GetSegmnts')), rule: 'unknown-action',
      want: [{ severity: 'error', fix: 'did you mean "mobiletargeting:GetSegments"?' }] }],
    ['a wild guess gets no suggestion', { given: policy(allow('mobiletargeting:LaunchRocket')), rule: 'unknown-action',
      want: [{ severity: 'error', fix: 'check the spelling; `pinpoint-guard lifecycle` lists every catalog action' }] }],
    ['an action wildcard that matches nothing', { given: policy(allow(['mobiletargeting:Get*', 'mobiletargeting:Fetch*'])), rule: 'wildcard-matches-nothing',
      want: [{ severity: 'error', path: 'Statement[0].Action[1]' }] }],
    ['GetSegment on campaigns can never match', { given: policy(allow('mobiletargeting:GetSegment', `${A}:apps/p1/campaigns/*`)), rule: 'resource-type-mismatch',
      want: [{ severity: 'error', path: 'Statement[0].Resource', fix: `for GetSegment write "${A}:apps/p1/segments/*", or pair the pattern with actions on its resource type` }] }],
    ['Allow with NotAction', { given: policy({ Effect: 'Allow', NotAction: 'mobiletargeting:Delete*', Resource: '*' }), rule: 'allow-not-action',
      want: [{ severity: 'warning', path: 'Statement[0].NotAction' }] }],
    ['Allow with NotResource', { given: policy({ Effect: 'Allow', Action: 'mobiletargeting:GetApp', NotResource: `${A}:apps/p1` }), rule: 'allow-not-resource',
      want: [{ severity: 'warning', path: 'Statement[0].NotResource' }] }],
    ['a duplicate statement', { given: policy(allow('mobiletargeting:GetApp', `${A}:apps/p1`), allow(['mobiletargeting:getapp'], [`${A}:apps/p1`])), rule: 'duplicate-statement',
      want: [{ severity: 'warning', path: 'Statement[1]', message: 'duplicates Statement[0]' }] }],
    ['a statement shadowed by a broader one', { given: policy(allow('mobiletargeting:GetSegment', `${A}:apps/p1/segments/s1`), allow('mobiletargeting:Get*', `${A}:apps/*`)), rule: 'shadowed-statement',
      want: [{ severity: 'warning', path: 'Statement[0]' }] }],
    ['an allow an unconditional deny cancels', { given: policy(allow('mobiletargeting:DeleteApp', `${A}:apps/p1`), { Effect: 'Deny', Action: 'mobiletargeting:Delete*', Resource: '*' }), rule: 'allow-always-denied',
      want: [{ severity: 'warning', path: 'Statement[0]' }] }],
    ['grammar problems keep their JSON paths', { given: policy({ Effect: 'Alow', Action: 'mobiletargeting:GetApp', Resource: '*' }, { Effect: 'Allow', Action: 'GetApp', Resource: '*' }), rule: 'grammar',
      want: [{ severity: 'error', path: 'Statement[0].Effect', fix: 'provide "Allow" or "Deny"' }, { severity: 'error', path: 'Statement[1].Action' }] }],
    ['invalid JSON text is a grammar finding', { given: '{"Version": ', rule: 'grammar', want: [{ severity: 'error', path: '(document)' }] }],
    ['the seed placeholder account-id', { given: policy(allow('mobiletargeting:Get*', 'arn:aws:mobiletargeting:*:account-id:apps/*')), rule: 'arn-placeholder',
      want: [{ severity: 'warning', path: 'Statement[0].Resource' }] }],
    ['a key written twice in the text', { given: '{"Statement":{"Effect":"Deny","Eff\\u0065ct":"Allow","Action":"mobiletargeting:GetApp","Resource":"*"}}', rule: 'grammar',
      want: [{ severity: 'error', path: 'Statement.Effect', message: expect.stringContaining('duplicate key "Effect"') }] }],
    ['two set operators', { given: policy({ ...allow('mobiletargeting:TagResource'), Condition: { 'ForAllValues:ForAnyValue:StringEquals': { 'aws:TagKeys': 'env' } } }), rule: 'grammar',
      want: [{ severity: 'error', path: 'Statement[0].Condition.ForAllValues:ForAnyValue:StringEquals', message: expect.stringContaining('at most one set operator') }] }],
    ['a policy shaped like a parsed one', { given: { version: '2012-10-17', statements: [{ effect: 'Allow', action: ['*'], resource: ['*'], condition: {} }] }, rule: 'grammar',
      want: [{ severity: 'error', path: 'version' }, { severity: 'error', path: 'statements' }, { severity: 'error', path: 'Statement', message: expect.stringContaining('missing') }] }],
    ['a short Resource pattern in an Allow grants nothing', { given: policy(allow('mobiletargeting:GetApp', 'arn:aws:mobiletargeting:us-east-1:*')), rule: 'short-resource-pattern',
      want: [{ severity: 'error', path: 'Statement[0].Resource', fix: 'write all six fields: "arn:aws:mobiletargeting:us-east-1:*:*"' }] }],
    ['a short NotResource pattern in a Deny spares nothing', { given: policy({ Effect: 'Deny', Action: 'mobiletargeting:*', NotResource: ['arn:aws:mobiletargeting:*'] }), rule: 'short-resource-pattern',
      want: [{ severity: 'warning', path: 'Statement[0].NotResource[0]', fix: 'write all six fields: "arn:aws:mobiletargeting:*:*:*"' }] }],
    ['a short Resource pattern with a * inside', { given: policy(allow('mobiletargeting:GetApp', 'arn:aws:mobiletargeting:*:apps/abc')), rule: 'short-resource-pattern',
      want: [{ severity: 'error', path: 'Statement[0].Resource', fix: expect.stringContaining('arn:partition:service:region:account:resource') }] }],
    ['an Allow whose * must span colons shadows nothing: the guard reads it field by field', { given: policy(
      allow('mobiletargeting:GetApp', `${A}:apps/p1`), allow('mobiletargeting:GetApp', 'arn:aws:mobiletargeting:*:apps/*')), rule: 'shadowed-statement', want: [] }],
    ['a Deny whose * spans colons still cancels the Allow it covers', { given: policy(
      allow('mobiletargeting:GetApp', `${A}:apps/p1`), { Effect: 'Deny', Action: 'mobiletargeting:GetApp', Resource: 'arn:aws:mobiletargeting:*:apps/*' }), rule: 'allow-always-denied',
    want: [{ severity: 'warning', path: 'Statement[0]' }] }],
    ['a short Resource pattern in a Deny covers what it says: no finding', { given: policy({ Effect: 'Deny', Action: 'mobiletargeting:*', Resource: 'arn:aws:mobiletargeting:us-east-1:*' }), rule: 'short-resource-pattern', want: [] }],
    ['a policy variable in a Numeric condition', { given: policy({ ...allow('mobiletargeting:GetApp'), Condition: { NumericLessThan: { 'custom:n': '${aws:PrincipalTag/max}' } } }), rule: 'variable-not-substituted',
      want: [{ severity: 'warning', path: 'Statement[0].Condition.NumericLessThan.custom:n', message: expect.stringContaining('matches nothing, so this condition never holds') }] }],
    ['a policy variable in an Allow\'s Bool, not in a Deny\'s', { given: policy(
      { ...allow('mobiletargeting:GetApp'), Condition: { Bool: { 'aws:SecureTransport': '${aws:PrincipalTag/tls}' } } },
      { Effect: 'Deny', Action: 'mobiletargeting:GetApp', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': '${aws:PrincipalTag/tls}' } } }), rule: 'variable-not-substituted',
    want: [{ path: 'Statement[0].Condition.Bool.aws:SecureTransport' }] }],
  ];
  it.each(cases)('%s', (_, { given, rule, want }) => {
    const found = only(lintPolicy(given), rule);
    expect(found).toHaveLength(want.length);
    want.forEach((w, i) => expect(found[i]).toMatchObject(w));
  });

  it('still lints the statements that parse when another does not', () => {
    const fs = lintPolicy(policy({ Effect: 'Alow', Action: 'x:y', Resource: '*' }, allow('mobiletargeting:GetUser')));
    expect(pick(fs).map((f) => f.rule)).toEqual(['grammar', 'legacy-action']);
  });

  it('warns once when the policy allows end-of-support actions, listing them', () => {
    const fs = only(lintPolicy(readOnlyProject, { now: BEFORE }), 'end-of-support');
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ severity: 'warning', path: 'Statement[0].Action' });
    expect(fs[0]?.message).toMatch(/: GetCampaigns, GetExportJobs, GetImportJobs, GetInAppMessages, GetSegments$/);
    expect(only(lintPolicy(policy(allow('mobiletargeting:SendOTPMessage'))), 'end-of-support')).toEqual([]);
  });

  it('does not count an Allow that a Deny cancels: it allows nothing, as allow-always-denied says', () => {
    const cancelled = policy(allow('mobiletargeting:GetSegment'), { Effect: 'Deny', Action: 'mobiletargeting:GetSegment', Resource: '*' });
    expect(pick(lintPolicy(cancelled)).map((f) => f.rule)).toEqual(['allow-always-denied']);
    const partly = policy(allow('mobiletargeting:GetSegment'), { Effect: 'Deny', Action: 'mobiletargeting:GetSegment', Resource: `${A}:apps/p1/*` });
    expect(only(lintPolicy(partly), 'end-of-support')).toHaveLength(1);
  });

  it('finds no errors in the seed examples', () => {
    for (const p of [administrator, readOnly, readOnlyProject]) expect(lintPolicy(p, { now: BEFORE }).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('reports one cause once: a Resource of the wrong type is an error, without a second warning on its action', () => {
    expect(pick(lintPolicy(policy(allow('mobiletargeting:GetApp', `${A}:apps/p1/campaigns/*`))))).toEqual([
      { rule: 'resource-type-mismatch', severity: 'error', path: 'Statement[0].Resource' },
    ]);
    expect(pick(lintPolicy(policy(allow(['mobiletargeting:GetApp', 'mobiletargeting:GetSegment'], `${A}:apps/p1`))))).toEqual([
      { rule: 'action-resource-mismatch', severity: 'warning', path: 'Statement[0].Action[1]' },
    ]);
  });

  it('points out that Get* on one project reaches only the project-level reads', () => {
    const info = only(lintPolicy(readOnlyProject), 'action-resource-mismatch');
    expect(info).toMatchObject([{ severity: 'info', path: 'Statement[0].Action[0]' }]);
    expect(info[0]?.message).toMatch(/only 7 can apply/);
  });

  it('does not fail a resource list whose sibling entry covers the actions (apps/a1 beside apps/a1/*): info only', () => {
    const fs = lintPolicy(policy(allow(['mobiletargeting:SendMessages', 'mobiletargeting:GetEndpoint'], [`${A}:apps/a1`, `${A}:apps/a1/*`])));
    expect(fs.filter((f) => f.severity === 'error' && f.rule !== 'end-of-support')).toEqual([]);
    expect(pick(only(fs, 'resource-type-mismatch'))).toEqual([{ rule: 'resource-type-mismatch', severity: 'info', path: 'Statement[0].Resource[0]' }]);
    expect(only(fs, 'resource-type-mismatch')[0]?.message).toContain(`"${A}:apps/a1/*" is what grants them`);
  });

  it('a long list of the statement\'s actions is capped, and says where the rest are', () => {
    const actions = ['GetSegment', 'UpdateSegment', 'DeleteSegment', 'GetSegmentVersion', 'GetSegmentVersions', 'GetSegmentExportJobs', 'GetSegmentImportJobs', 'CreateSegment']
      .map((a) => `mobiletargeting:${a}`);
    const [f] = only(lintPolicy(policy(allow(actions, `${A}:apps/p1/campaigns/*`))), 'resource-type-mismatch');
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain("can never match the resource of CreateSegment, DeleteSegment, GetSegment, GetSegmentExportJobs, GetSegmentImportJobs, GetSegmentVersion, +2 more (the statement's Action lists them all); CreateSegment acts on");
  });

  it('still fails a statement whose every resource misses its actions, with a fix that keeps the ARN\'s environment', () => {
    const fs = only(lintPolicy(policy(allow('mobiletargeting:GetApp', 'arn:aws:sns:us-east-1:123456789012:alerts'))), 'resource-type-mismatch');
    expect(fs).toMatchObject([{ severity: 'error', fix: `for GetApp write "${A}:apps/<ApplicationId>", or pair the pattern with actions on its resource type` }]);
  });

  it('names statements by Sid, else Statement[i], as every command does', () => {
    const sid = (Sid: string, s: object) => ({ Sid, ...s });
    const fs = lintPolicy(policy(sid('ReadApps', allow('mobiletargeting:GetApp', `${A}:apps/p1`)), allow('mobiletargeting:GetApp', `${A}:apps/p1`),
      allow('mobiletargeting:GetSegment', `${A}:apps/p1/segments/s1`), { Effect: 'Deny', Action: 'mobiletargeting:GetSegment', Resource: '*' }));
    expect(only(fs, 'duplicate-statement').map((f) => f.message)).toEqual(['duplicates "ReadApps"']);
    expect(only(fs, 'allow-always-denied').map((f) => f.message)).toEqual(['allows nothing: Statement[3] denies every request this statement allows, and an explicit deny wins']);
  });

  describe('end of support follows the clock', () => {
    const before = new Date('2026-10-01T00:00:00Z');
    const after = new Date('2026-11-29T00:00:00Z');
    const eos = (options: Parameters<typeof lintPolicy>[1]) => only(lintPolicy(readOnlyProject, options), 'end-of-support');
    it('before 2026-10-30: a warning, in the future tense', () => {
      expect(eos({ now: before })).toMatchObject([{ severity: 'warning' }]);
      expect(eos({ now: before })[0]?.message).toMatch(/engagement features end on 2026-10-30/);
      expect(eos({ now: before })[0]?.fix).toMatch(/^plan their removal/);
    });
    it('once the date has passed: still a warning (a retired grant is a risk, not a broken policy), in the past tense', () => {
      expect(eos({ now: after })).toMatchObject([{ severity: 'warning' }]);
      expect(eos({ now: after })[0]?.message).toMatch(/engagement features ended on 2026-10-30/);
      expect(eos({ now: after })[0]?.fix).toMatch(/^remove them: AWS no longer serves them/);
    });
    it('configurable: error or off; auto (the former default) means warning', () => {
      expect(eos({ now: after, endOfSupport: 'auto' })).toMatchObject([{ severity: 'warning' }]);
      expect(eos({ now: after, endOfSupport: 'off' })).toEqual([]);
      expect(eos({ now: before, endOfSupport: 'error' })).toMatchObject([{ severity: 'error' }]);
    });
    it('a long list is capped with the command that shows it all', () => {
      const [f] = only(lintPolicy(administrator, { now: after }), 'end-of-support');
      expect(f?.message).toMatch(/, \+\d+ more \(pinpoint-guard lifecycle --status end-of-support\)$/);
      expect(f?.message.length).toBeLessThan(300);
    });
  });

  it('orders findings by statement, then severity', () => {
    const fs = lintPolicy(policy(allow(['mobiletargeting:getapp', 'mobiletargeting:GetUser'], `${A}:apps/p1`), { Effect: 'Alow' }));
    expect(pick(fs).map((f) => `${f.path} ${f.severity}`)).toEqual([
      'Statement[0].Action[1] error', 'Statement[0].Action[0] info', 'Statement[1].Effect error', 'Statement[1].Action error', 'Statement[1].Resource error',
    ]);
  });
});

describe(canMatchTemplate.name, () => {
  const SEG = 'arn:${Partition}:mobiletargeting:${Region}:${Account}:apps/${ApplicationId}/segments/${SegmentId}';
  const APPS = 'arn:${Partition}:mobiletargeting:${Region}:${Account}:apps/*';
  const cases: [string, string, boolean][] = [
    [`${A}:apps/p1/segments/*`, SEG, true],
    [`${A}:apps/p1/*`, SEG, true],
    [`${A}:apps/*`, SEG, true],
    [`${A}:apps/p1*`, SEG, true],
    ['arn:aws:mobiletargeting:*:*:*/segments/s1', SEG, true],
    [`${A}:apps/p1`, SEG, false],
    [`${A}:apps/p1/campaigns/*`, SEG, false],
    ['arn:aws:s3:::bucket/*', SEG, false],
    [`${A}:apps/*`, APPS, true],
    [`${A}:apps/p1`, APPS, false],
    ['*', SEG, true],
    ['arn:aws:mobiletargeting:*:*:apps/${aws:username}', SEG, true],
  ];
  it.each(cases)('%s on %s → %s', (pattern, template, want) => {
    expect(canMatchTemplate(pattern, template)).toBe(want);
  });
});

describe(suggestedPattern.name, () => {
  const SEGMENT = 'arn:${Partition}:mobiletargeting:${Region}:${Account}:apps/${ApplicationId}/segments/${SegmentId}';
  const TEMPLATE = 'arn:${Partition}:mobiletargeting:${Region}:${Account}:templates/${TemplateName}/EMAIL';
  const cases: [string, { given: [pattern: string, template: string]; want: string }][] = [
    ['keeps the project when apps/<id> lines up', { given: [`${A}:apps/a1/campaigns/*`, SEGMENT], want: `${A}:apps/a1/segments/*` }],
    ['a project pattern', { given: [`${A}:apps/a1`, SEGMENT], want: `${A}:apps/a1/segments/*` }],
    ['not a project, no wildcard: the ids are left for the reader', { given: [`${A}:templates/t1/EMAIL`, SEGMENT], want: `${A}:apps/<ApplicationId>/segments/<SegmentId>` }],
    ['a wildcard resource keeps its wildcard', { given: [`${A}:templates/*`, SEGMENT], want: `${A}:apps/*/segments/*` }],
    ['no project in the template', { given: [`${A}:apps/a1`, TEMPLATE], want: `${A}:templates/<TemplateName>/EMAIL` }],
    ['another service: its partition, Region and account are kept', { given: ['arn:aws:sns:us-east-1:123456789012:topic', SEGMENT],
      want: `${A}:apps/<ApplicationId>/segments/<SegmentId>` }],
    ['S3 has no Region or account: they are left for the reader', { given: ['arn:aws:s3:::bucket/*', SEGMENT], want: 'arn:aws:mobiletargeting:<Region>:<Account>:apps/<ApplicationId>/segments/<SegmentId>' }],
    ['empty Region and account are left for the reader', { given: ['arn:aws:mobiletargeting:::apps/a1', SEGMENT], want: 'arn:aws:mobiletargeting:<Region>:<Account>:apps/a1/segments/*' }],
    ['not an ARN', { given: ['apps/a1', SEGMENT], want: 'arn:<Partition>:mobiletargeting:<Region>:<Account>:apps/<ApplicationId>/segments/<SegmentId>' }],
  ];
  it.each(cases)('%s', (_, { given, want }) => expect(suggestedPattern(...given)).toEqual(want));

  // A suggestion never grants more than its pattern said: each environment field is the pattern's or a <Name> to fill,
  // and a * appears only where the pattern's resource had one or inside the project it named.
  it('never widens: no * the pattern did not have, the environment kept or left to fill', () => {
    const field = fc.oneof(fc.constant(''), fc.constant('*'), fc.stringMatching(/^[a-z0-9-]{1,12}$/));
    const resource = fc.oneof(fc.constant('*'), fc.stringMatching(/^[a-z0-9]{1,6}(\/[a-z0-9*]{1,6}){0,3}$/), fc.stringMatching(/^apps\/[a-z0-9]{1,6}(\/[a-z*]{1,6}){0,2}$/));
    const service = fc.constantFrom('mobiletargeting', 'sns', 's3', 'iam');
    const templates = [...new Set(catalogActions.map((a) => a.resource))].filter((t) => t.startsWith('arn:')); // not ${ResourceArn}: any ARN fits it
    fc.assert(fc.property(field, service, field, field, resource, fc.constantFrom(...templates), (partition, svc, region, account, res, template) => {
      const pattern = `arn:${partition}:${svc}:${region}:${account}:${res}`;
      const got = suggestedPattern(pattern, template).split(':');
      const given = pattern.split(':');
      for (const i of [1, 3, 4]) expect([given[i] === '' ? `<${['', 'Partition', '', 'Region', 'Account'][i]}>` : given[i]]).toContain(got[i]);
      const stars = (t: string) => t.split('*').length - 1;
      const widenedIds = stars(got.slice(5).join(':')) > stars(template.replace(/\$\{\w+\}/g, '').split(':').slice(5).join(':'));
      if (widenedIds) expect(svc === 'mobiletargeting' && (res.includes('*') || res.startsWith('apps/'))).toBe(true);
    }));
  });
});
