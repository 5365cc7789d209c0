/**
 * The README's code blocks and the files under examples/ they come from. A block is preceded by a marker naming its
 * file, `<!-- example: examples/client.ts -->` (the block is the whole file) or `<!-- example: examples/client.ts#client -->`
 * (the block is the part between `#region client` and `#endregion` comments, without the marker lines).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '../..');

export interface ReadmeBlock {
  /** 1-based line of the opening fence. */
  readonly line: number;
  readonly lang: string;
  readonly code: string;
  /** The marker's file and region, or undefined when the block has no marker. */
  readonly example?: { readonly file: string; readonly region?: string };
}

const MARKER = /^<!--\s*example:\s*(\S+?)(?:#([\w-]+))?\s*-->$/;

export function readmeBlocks(text: string): ReadmeBlock[] {
  const lines = text.split('\n');
  const blocks: ReadmeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i] as string);
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i] as string); i++) body.push(lines[i] as string);
    let before = start - 1;
    while (before >= 0 && (lines[before] as string).trim() === '') before--;
    const marker = before >= 0 ? MARKER.exec((lines[before] as string).trim()) : null;
    blocks.push({
      line: start + 1,
      lang: open[1] ?? '',
      code: body.join('\n'),
      ...(marker ? { example: { file: marker[1] as string, ...(marker[2] ? { region: marker[2] } : {}) } } : {}),
    });
  }
  return blocks;
}

/** The text a marker names: the whole file, or one region of it. @throws Error naming the file and region. */
export function exampleText(file: string, region?: string): string {
  const text = readFileSync(join(ROOT, file), 'utf8');
  if (region === undefined) return text.trimEnd();
  const lines = text.split('\n');
  const open = lines.findIndex((l) => new RegExp(`^\\s*(//|#) #region ${region}\\s*$`).test(l));
  const close = lines.findIndex((l, i) => i > open && /^\s*(\/\/|#) #endregion\b/.test(l));
  if (open < 0 || close < 0) throw new Error(`${file}: no region "${region}" (a "#region ${region}" comment line and an "#endregion" after it)`);
  return lines.slice(open + 1, close).join('\n').trimEnd();
}
