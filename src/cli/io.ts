/** The process boundary: the only module that reads files, and the streams commands write to. */
import { writeFileSync, writeSync } from 'node:fs';
import { readBoundedText } from './read-file.js';
import { wrapWidth } from '../tooling/render/text.js';
import { CliError, EXIT } from './errors.js';

/** Where commands write, and what they know of the terminal. */
export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Colour is used only when stdout is a TTY and `NO_COLOR` is unset. */
  readonly color: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The terminal's width when stdout is one; `$COLUMNS` overrides it (see outputWidth). */
  readonly columns?: number;
}

/** The exit code a command settles on; commands set it, `run` returns it. */
export interface Outcome {
  code: number;
}

/** Colour only on a terminal, and never when NO_COLOR is set to anything (https://no-color.org). */
export const useColor = (isTTY: boolean | undefined, env: Readonly<Record<string, string | undefined>>): boolean =>
  isTTY === true && (env.NO_COLOR === undefined || env.NO_COLOR === '');

/**
 * Output errors. A reader that closed early (`pinpoint-guard matrix --json | head -1`) is not an error: stop writing
 * and exit quietly, with the code the command settled on if it has finished, else 0. Any other write error (`> /dev/full`,
 * ENOSPC, EIO) means the output is incomplete: one line on stderr when stderr can still be written, and exit 2 — never
 * a stack trace, and never 0 or 1, which a caller would read as a decision.
 */
function exitOnWriteError(stream: NodeJS.WriteStream, name: 'stdout' | 'stderr'): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    try {
      writeSync(2, `error: cannot write to ${name} (${e.code ?? e.message}): the output is incomplete\n`);
    } catch {
      // stderr is what failed, or failed too: the exit code is all that is left to say it.
    }
    process.exit(EXIT.usage);
  });
}

/**
 * Characters that drive a terminal rather than print: C0 controls but tab and newline, DEL, C1 controls, and the
 * bidirectional overrides that reorder what is shown. A file name or a Sid holding them (`\x1b]0;...` sets the window
 * title, `\x1b[2J` clears the screen, OSC 52 writes the clipboard) is shown with them spelt out instead.
 */
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;
/** The colour escapes the CLI itself writes on a terminal (SGR only), kept when colour is on. */
const SGR = /\x1b\[[0-9;]*m/y;

/** `\u001b`: the form JSON uses too, so `--json` output (whose strings may hold C1 or bidi characters) stays valid JSON. */
const spelt = (c: string): string => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`;

/**
 * `text` safe for a terminal: every control character spelt out (`\u001b`); with `keepColor`, the SGR colour escapes
 * the renderers add are kept (anything else, cursor moves and OSC sequences included, is still spelt out).
 */
export function neutralizeControls(text: string, keepColor = false): string {
  return text.replace(CONTROLS, (c, offset: number) => {
    if (keepColor && c === '\x1b') {
      SGR.lastIndex = offset;
      if (SGR.test(text)) return c;
    }
    return spelt(c);
  });
}

export function processIo(): Io {
  const env = process.env;
  exitOnWriteError(process.stdout, 'stdout');
  exitOnWriteError(process.stderr, 'stderr');
  const color = useColor(process.stdout.isTTY, env);
  return {
    out: (t) => void process.stdout.write(neutralizeControls(t, color)),
    err: (t) => void process.stderr.write(neutralizeControls(t, useColor(process.stderr.isTTY, env))),
    color,
    env,
    ...(process.stdout.isTTY && process.stdout.columns > 0 ? { columns: process.stdout.columns } : {}),
  };
}

/** Narrower than this, cutting lines would leave nothing readable: such a width is ignored. */
const MIN_WIDTH = 40;

/**
 * The width lines must fit: `$COLUMNS` when set to a number, else the terminal's; undefined for a pipe or a file, whose
 * reader gets every line whole.
 */
export function outputWidth(io: Io): number | undefined {
  const fromEnv = Number.parseInt(io.env.COLUMNS ?? '', 10);
  const width = Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : io.columns;
  return width === undefined ? undefined : Math.max(MIN_WIDTH, width);
}

/**
 * Text for the terminal, every line within {@link outputWidth}: renderers cut table rows with `…` themselves, so that
 * columns stay aligned; what is still wider — summaries, notes, footers — wraps at spaces. Machine formats (JSON, SARIF,
 * Markdown, HTML) never pass through here.
 */
export const terminalText = (io: Io, text: string): string => wrapWidth(text, outputWidth(io));

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'is a directory, expected a file',
};

/**
 * The file's text: a regular file under MAX_INPUT_FILE_BYTES (see read-file.ts).
 * @throws CliError naming the file and why it could not be read.
 */
export function readText(file: string): string {
  return readBoundedText(file);
}

/** Line and column of a character offset, for JSON syntax errors. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

/** Whether parsing `prefix` fails on something inside it, not merely because it ends early. */
function failsInside(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return false;
  } catch (e) {
    const message = (e as Error).message;
    if (message.startsWith('Unexpected end of JSON input')) return false;
    const at = /at position (\d+)/.exec(message);
    return !(at && Number(at[1]) >= prefix.length);
  }
}

/**
 * Offset of the first offending character. Node's messages do not always carry a position, so find the shortest
 * failing prefix by bisection (a prefix that contains the error keeps failing as it grows).
 */
export function syntaxErrorOffset(text: string): number {
  let lo = 0;
  let hi = text.length;
  if (!failsInside(text)) return text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (failsInside(text.slice(0, mid))) hi = mid;
    else lo = mid + 1;
  }
  return Math.max(0, lo - 1);
}

/** The file parsed as JSON. @throws CliError with the file, the line and column, and what JSON.parse said. */
export function readJson(file: string): unknown {
  return parseJson(file, readText(file));
}

/** A file's text parsed as JSON. @throws CliError with the file, the line and column, and what JSON.parse said. */
export function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const what = (e as Error).message.split('\n')[0]!.replace(/, ".*$/, '').replace(/ in JSON at position \d+.*$/, '');
    const detail = text.trim() === '' ? 'the file is empty, expected a JSON document' : `${what} at ${lineColumn(text, syntaxErrorOffset(text))}`;
    throw new CliError([`${file}: invalid JSON: ${detail}`]);
  }
}

/** Writes `text` to `file`. @throws CliError when it cannot. */
export function writeText(file: string, text: string): void {
  try {
    writeFileSync(file, text);
  } catch (e) {
    throw new CliError([`${file}: cannot write the file (${REASONS[(e as NodeJS.ErrnoException).code ?? ''] ?? (e as Error).message})`]);
  }
}
