/**
 * The README's code blocks and the files under examples/ they come from. A block is preceded by a marker naming its
 * file, `<!-- example: examples/client.ts -->` (the block is the whole file) or `<!-- example: examples/client.ts#client -->`
 * (the block is the part between `#region client` and `#endregion` comments, without the marker lines). And how the
 * tests run them as a user does: programs under tsx, shell examples line by line through the CLI.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

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

/** One line of a shell example: `pinpoint-guard <args>  # comment`. */
export interface CliLine {
  /** The command as written, without its comment and with runs of spaces as one. */
  readonly command: string;
  /** The words after `pinpoint-guard`. */
  readonly args: readonly string[];
  /** The trailing comment, without `#` (empty when none). */
  readonly comment: string;
}

/**
 * The `pinpoint-guard` lines of a shell example's region, split into words as the shell splits them: the examples
 * use no quotes, variables or other shell syntax, and a line that does is an error here rather than a wrong split.
 */
export function cliLines(file: string, region: string): CliLine[] {
  return exampleText(file, region).split('\n').map((line) => {
    const hash = line.search(/\s#/);
    const command = (hash < 0 ? line : line.slice(0, hash)).trim().replace(/\s+/g, ' ');
    const [program, ...args] = command.split(' ');
    if (program !== 'pinpoint-guard' || /["'`$\\|;&<>(){}*?]/.test(command)) throw new Error(`${file}#${region}: expected a plain \`pinpoint-guard <args>\` line, got ${JSON.stringify(line)}`);
    return { command, args, comment: hash < 0 ? '' : line.slice(hash).replace(/^\s*#\s*/, '') };
  });
}

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** tsx's loader by path, so that `node --import` finds it from any folder (a user's project in a temporary folder). */
const TSX_LOADER = pathToFileURL(createRequire(join(ROOT, 'package.json')).resolve('tsx')).href;

/**
 * Runs a TypeScript program as `node --import tsx <file> <args>` does, from `cwd` (default: the repository's root).
 * tsx compiles with the repository's tsconfig.json wherever it runs, whose paths map `pinpoint-guard` to src/; a
 * relative `file` is the repository's.
 */
export function tsx(file: string, args: readonly string[] = [], options: { readonly cwd?: string; readonly env?: Readonly<Record<string, string>> } = {}): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, ['--import', TSX_LOADER, resolve(ROOT, file), ...args], {
      cwd: options.cwd ?? ROOT, timeout: 90_000, maxBuffer: 16 * 1024 * 1024,
      env: { ...process.env, NO_COLOR: '1', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', TSX_TSCONFIG_PATH: join(ROOT, 'tsconfig.json'), ...options.env },
    }, (error, stdout, stderr) => done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }));
  });
}

/** The CLI as the installed `pinpoint-guard` bin runs it (tsx in place of the compiled file), from `cwd`. */
export const pinpointGuard = (args: readonly string[], options: { readonly cwd?: string; readonly env?: Readonly<Record<string, string>> } = {}): Promise<Run> =>
  tsx('src/cli/main.ts', args, options);
