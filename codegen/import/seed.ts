/**
 * The seed page (an older AWS "IAM Policies for Amazon Pinpoint Users" page): parsed from its text once, by the importer
 * given the page's path, and kept in the repository as catalog/sources/seed.yaml — so the importer and the tests need
 * nothing outside the repository.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

export interface SeedEntry {
  /** The section heading the entry sits under, e.g. `Campaigns`. */
  readonly group: string;
  /** The action name as the seed prints it (may be wrong; see ERRATA.md). */
  readonly name: string;
  readonly description: string;
  /** The REST reference URL, or `undefined` where the seed says "Not applicable". */
  readonly uri: string | undefined;
  readonly method: string | undefined;
  readonly arn: string;
  /** 1-based line of the action's heading in the seed. */
  readonly line: number;
}

const unescape = (s: string): string => s.replace(/\\(.)/g, '$1').trim();

export function parseSeed(text: string): SeedEntry[] {
  const lines = text.split('\n');
  const entries: SeedEntry[] = [];
  let group = '';
  let inActions = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.startsWith('## API Actions')) inActions = true;
    const heading = /^### (.+?)<a name=/.exec(line);
    if (heading) group = unescape(heading[1] ?? '');
    const action = /^\**`mobiletargeting:(\w+)`\**\s*$/.exec(line);
    if (!inActions || !action) continue;
    const field = (offset: number, label: string): string => {
      const l = lines[i + offset] ?? '';
      const m = new RegExp(`^\\+ ${label} – (.*)$`).exec(l);
      if (!m) throw new Error(`seed line ${i + offset + 1}: expected "+ ${label} – ..."`);
      return m[1] ?? '';
    };
    const uriText = field(2, 'URI');
    const methodText = field(3, 'Method');
    const arnText = field(4, 'Resource ARN');
    entries.push({
      group,
      name: action[1] ?? '',
      description: unescape(lines[i + 1] ?? ''),
      uri: /^\[(https:[^\]]+)\]/.exec(uriText)?.[1],
      method: /^[A-Z]+$/.test(methodText) ? methodText : undefined,
      arn: arnText.replace(/`/g, '').trim(),
      line: i + 1,
    });
  }
  return entries;
}

/** Where the seed's facts live in the repository. */
export const SEED_DATA = join(import.meta.dirname, '../../catalog/sources/seed.yaml');

const FIELDS = ['group', 'name', 'description', 'uri', 'method', 'arn', 'line'] as const;

/** Writes the entries as the repository's record of the seed page; `source` names the page it was read from. */
export function writeSeedData(entries: readonly SeedEntry[], source: string, file: string = SEED_DATA): void {
  const header =
    `# The seed page's action entries, as parsed from ${source} by \`npm run catalog:import -- --seed <file>\`.\n` +
    '# Facts as the page printed them (errors included; see each catalog entry\'s erratum); never edited by hand.\n';
  const rows = entries.map((e) => Object.fromEntries(FIELDS.flatMap((f) => (e[f] === undefined ? [] : [[f, e[f]]]))));
  writeFileSync(file, header + stringify(rows, { lineWidth: 0 }));
}

/** The seed's entries from the repository's record. @throws Error naming the file and the entry that is malformed. */
export function readSeedData(file: string = SEED_DATA): SeedEntry[] {
  const rows: unknown = parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(rows)) throw new Error(`${file}: expected a list of seed entries`);
  return rows.map((row: Record<string, unknown>, i) => {
    const text = (f: (typeof FIELDS)[number], optional = false): string | undefined => {
      const v = row?.[f];
      if (v === undefined && optional) return undefined;
      if (typeof v !== 'string') throw new Error(`${file}: [${i}].${f}: expected a string, got ${JSON.stringify(v)}`);
      return v;
    };
    if (!Number.isInteger(row?.line)) throw new Error(`${file}: [${i}].line: expected a line number, got ${JSON.stringify(row?.line)}`);
    return {
      group: text('group') as string,
      name: text('name') as string,
      description: text('description') as string,
      uri: text('uri', true),
      method: text('method', true),
      arn: text('arn') as string,
      line: row.line as number,
    };
  });
}
