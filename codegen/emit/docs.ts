/** Renders generated/docs/ from handlebars templates in codegen/templates/: the index, one page per action, the end-of-support page. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import type { EntryModel, Model } from '../model.js';
import { NOTICE_WORDING } from '../import/lifecycle.js';
import { BANNER } from './format.js';
import { examplePolicy } from '../examples.js';
import { LIFECYCLE_MEANING } from '../../src/lifecycle/end-of-support.js';
import { caveatText, cell, conditionKeyRows, errorRows, exampleCall, inputTables, outputTables } from './page-sections.js';

const TEMPLATES = join(import.meta.dirname, '..', 'templates');
const compile = (name: string): HandlebarsTemplateDelegate =>
  Handlebars.compile(readFileSync(join(TEMPLATES, name), 'utf8'), { noEscape: true, strict: true });

const BADGES: Record<string, string> = {
  supported: '![supported](https://img.shields.io/badge/lifecycle-supported-2e7d32)',
  'end-of-support': '![end of support](https://img.shields.io/badge/lifecycle-end--of--support-c62828)',
  unclear: '![unclear](https://img.shields.io/badge/lifecycle-unclear-757575)',
  caveats: '![supported with caveats](https://img.shields.io/badge/lifecycle-supported%2C_with_caveats-ef6c00)',
};
const SAR_PAGE = 'https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonpinpoint.html';
const capital = (s: string): string => `${s[0]!.toUpperCase()}${s.slice(1)}`;

function placeholderSource(name: string, e: EntryModel): string {
  if (name === 'Partition') return 'the client\'s region (`aws`, `aws-cn` for `cn-*`, `aws-us-gov` for `us-gov-*`)';
  if (name === 'Region') return 'the client\'s `region`';
  if (name === 'Account') return 'the client\'s `accountId` (or the caller identity)';
  return `input member \`${name}\` (the same value as the \`{${name}}\` path segment)${e.operation ? '' : ''}`;
}

/** A supported action with a member that ends or is unclear: never shown as plainly "supported". */
const hasCaveats = (e: EntryModel, catalog: Model['catalog']): boolean =>
  e.entry.lifecycle.status === 'supported' && (catalog.caveats.get(e.entry.actionName) ?? []).some((c) => c.status !== 'supported');

function actionPage(e: EntryModel, catalog: Model['catalog']): string {
  const entry = e.entry;
  const op = e.operation;
  const facts = catalog.facts.get(entry.actionName);
  const caveats = catalog.caveats.get(entry.actionName) ?? [];
  const withCaveats = hasCaveats(e, catalog);
  const placeholders = [...entry.resource.matchAll(/\$\{(\w+)\}/g)].map((m) => ({ name: `\${${m[1]}}`, source: placeholderSource(m[1]!, e) }));
  return compile('action.md.hbs')({
    banner: BANNER,
    actionName: entry.actionName,
    badge: BADGES[withCaveats ? 'caveats' : entry.lifecycle.status],
    group: entry.group,
    accessLevel: entry.accessLevel,
    summary: entry.summary,
    awsDescription: facts?.description ?? '',
    lifecycleStatus: withCaveats ? 'supported, with caveats' : entry.lifecycle.status,
    // `unclear` needs saying what to do about it; the other statuses speak for themselves with their reason.
    lifecycleAdvice: entry.lifecycle.status === 'unclear' ? `${capital(LIFECYCLE_MEANING.unclear)}.` : '',
    lifecycleNote: `${capital(entry.lifecycle.reason)}.`,
    caveats: caveats.map((c) => ({ member: c.member, text: cell(caveatText(c)) })),
    successor: entry.lifecycle.successor ?? '',
    example: exampleCall(e, catalog),
    inputs: inputTables(e, catalog),
    outputs: outputTables(e, catalog),
    errors: op ? errorRows(e, catalog) : [],
    sdkListsErrors: (facts?.errors.length ?? 0) > 0,
    conditionKeys: conditionKeyRows(e, catalog),
    hasFacts: Boolean(facts),
    dependentActions: facts?.dependentActions ?? [],
    apiReference: facts?.apiReference ?? '',
    sarPage: SAR_PAGE,
    seedDocs: entry.docs !== facts?.apiReference && entry.docs !== SAR_PAGE ? entry.docs : '',
    operation: Boolean(op),
    method: op?.names.method ?? '',
    inputType: op?.names.input ?? '',
    outputType: op?.names.output ?? '',
    sdkName: op?.spec.name ?? '',
    httpMethod: op?.spec.method ?? '',
    path: op?.spec.path ?? '',
    status: op?.spec.status ?? '',
    query: op?.spec.query ?? [],
    body: op?.spec.body ?? '',
    action: entry.action,
    resource: entry.resource,
    placeholders,
    policy: JSON.stringify(examplePolicy(entry), null, 2),
    errata: entry.errata.map((x) => ({ ...x })),
  });
}

export function emitDocs(model: Model): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  const row = (e: EntryModel) => ({
    actionName: e.entry.actionName,
    page: e.names.docPage,
    method: e.operation?.names.method ?? '',
    http: e.operation ? `${e.operation.spec.method} ${e.operation.spec.path}` : '',
    accessLevel: e.entry.accessLevel,
    badge: hasCaveats(e, model.catalog) ? 'supported, with caveats' : e.entry.lifecycle.status,
    group: cell(e.entry.group),
    reason: cell(e.entry.lifecycle.reason),
    successor: cell(e.entry.lifecycle.successor ?? ''),
  });
  out.set('docs/README.md', compile('index.md.hbs')({
    banner: BANNER,
    total: model.entries.length,
    groupCount: model.groups.length,
    operationCount: model.operations.length,
    groups: model.groups.map((g) => ({ name: g.name, entries: g.entries.map(row) })),
  }));
  const titles: Record<string, string> = { supported: 'Supported', 'end-of-support': 'End of support', unclear: 'Unclear' };
  out.set('docs/end-of-support.md', compile('end-of-support.md.hbs')({
    banner: BANNER,
    notice: NOTICE_WORDING,
    statuses: (['end-of-support', 'supported', 'unclear'] as const).map((s) => {
      const entries = model.entries.filter((e) => e.entry.lifecycle.status === s).map(row);
      return { title: titles[s], count: entries.length, entries };
    }),
  }));
  for (const e of model.entries) out.set(`docs/actions/${e.names.docPage}`, actionPage(e, model.catalog));
  if (model.catalog.conditionKeys.length) {
    out.set('docs/condition-keys.md', compile('condition-keys.md.hbs')({
      banner: BANNER,
      keys: model.catalog.conditionKeys.map((k) => ({ key: k.key, type: k.type, known: k.known, definedBy: k.definedBy.join(', '), how: cell(k.how), source: k.source })),
    }));
  }
  return out;
}

