/**
 * Reading an input file the CLI was pointed at, bounded: a path may name a device (`/dev/zero`, through a symlink
 * committed to a repository), a FIFO that never ends, or a file far larger than any policy. Only a regular file under
 * the cap is read; anything else is refused, without reading, with the reason.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { CliError } from './errors.js';

/** Cap of an input file (policy, recording): 10 MiB, far above any IAM policy (IAM's largest holds 10,240 characters). */
export const MAX_INPUT_FILE_BYTES = 10 * 1024 * 1024;

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'is a directory, expected a file',
  ELOOP: 'too many symbolic links',
  ENOTDIR: 'a part of the path is not a directory',
};

/** What a path that is not a regular file names, for the refusal. */
function kindOf(stats: Stats): string {
  return stats.isDirectory() ? 'a directory' : stats.isFIFO() ? 'a FIFO (named pipe)' : stats.isCharacterDevice() ? 'a character device'
    : stats.isBlockDevice() ? 'a block device' : stats.isSocket() ? 'a socket' : 'not a regular file';
}

/** The refusal of `stats`, or undefined when it is a regular file under the cap. */
function problemOf(stats: Stats, maxBytes: number): string | undefined {
  if (!stats.isFile()) return `${kindOf(stats)}, expected a regular file; it was not read`;
  if (stats.size > maxBytes) return `${stats.size} bytes, over the ${maxBytes}-byte limit of an input file`;
  return undefined;
}

const fail = (file: string, reason: string): CliError => new CliError([`${file}: cannot read the file (${reason})`]);

/**
 * The text of `file`, a regular file of at most `maxBytes` bytes. The path is checked with stat before it is opened,
 * opened non-blocking (a FIFO swapped in meanwhile cannot hang the open), checked again on the descriptor, and read
 * no further than the cap (a file growing meanwhile is refused too).
 * @throws CliError naming the file and why it was refused (exit 2).
 */
export function readBoundedText(file: string, maxBytes: number = MAX_INPUT_FILE_BYTES): string {
  let fd: number | undefined;
  try {
    const before = problemOf(statSync(file), maxBytes);
    if (before) throw fail(file, before);
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const after = problemOf(fstatSync(fd), maxBytes);
    if (after) throw fail(file, after);
    // Sized to the file, grown (up to one byte past the cap) only if it grows while being read.
    let buffer = Buffer.alloc(Math.min(maxBytes, (fstatSync(fd).size)) + 1);
    let length = 0;
    for (let n = -1; n !== 0 && length <= maxBytes;) {
      if (length === buffer.length) buffer = Buffer.concat([buffer, Buffer.alloc(Math.min(buffer.length, maxBytes + 1 - buffer.length))]);
      n = readSync(fd, buffer, length, buffer.length - length, null);
      length += n;
    }
    if (length > maxBytes) throw fail(file, `over the ${maxBytes}-byte limit of an input file`);
    return buffer.toString('utf8', 0, length);
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException).code ?? '';
    throw fail(file, REASONS[code] ?? (e as Error).message);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
