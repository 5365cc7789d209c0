/** Parses the seed page (an older AWS "IAM Policies for Amazon Pinpoint Users" page) into its action entries. */

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
