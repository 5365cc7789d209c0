/**
 * The commands, by name, each loaded only when it runs: `pinpoint-guard --version` and the top-level `--help` import
 * no command, so they start as fast as commander itself. `summary` is the line the top-level help lists; each command
 * keeps its own longer description for `<command> --help`.
 */
import type { Command } from 'commander';
import type { Io, Outcome } from '../io.js';

/** Adds one command, with its options and action, to the program. */
export type Register = (program: Command, io: Io, outcome: Outcome) => void;

export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  readonly load: () => Promise<Register>;
}

export const COMMANDS: readonly CommandEntry[] = [
  { name: 'check', summary: 'decide one call against the policies, without sending it', load: async () => (await import('./check.js')).registerCheck },
  { name: 'matrix', summary: 'decide every catalog action on one project\'s resources', load: async () => (await import('./matrix.js')).registerMatrix },
  { name: 'diff', summary: 'what a policy change grants: requests the new policies allow and the old ones do not', load: async () => (await import('./diff.js')).registerDiff },
  { name: 'lint', summary: 'find mistakes and risks in a policy', load: async () => (await import('./lint.js')).registerLint },
  { name: 'policy', summary: 'generate the least-privilege policy for a set of calls, and check it', load: async () => (await import('./policy.js')).registerPolicy },
  { name: 'whoami', summary: 'load the caller\'s principal from IAM: its policies, their sources and the principal keys', load: async () => (await import('./whoami.js')).registerWhoami },
  { name: 'lifecycle', summary: 'print each catalog action\'s end-of-support status', load: async () => (await import('./lifecycle.js')).registerLifecycle },
];
