/**
 * The `pinpoint-guard` command line: one commander program, one file per command. `run` never throws and never prints
 * a stack trace: every failure becomes lines on stderr and an exit code (see errors.ts).
 */
import { Command } from 'commander';
import { registerCheck } from './commands/check.js';
import { registerLifecycle } from './commands/lifecycle.js';
import { registerLint } from './commands/lint.js';
import { registerMatrix } from './commands/matrix.js';
import { registerPolicy } from './commands/policy.js';
import { describeError, EXIT } from './errors.js';
import type { Io, Outcome } from './io.js';

const COMMANDS = [registerCheck, registerMatrix, registerLint, registerPolicy, registerLifecycle] as const;

export function createProgram(io: Io, outcome: Outcome): Command {
  const program = new Command('pinpoint-guard')
    .description('Dry-run IAM tooling for Amazon Pinpoint: check a call, print the permission matrix, lint a policy, generate a least-privilege policy')
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride()
    .showSuggestionAfterError(true)
    .allowExcessArguments(false);
  // Subcommands inherit the output and exit settings of the program they are added to.
  for (const register of COMMANDS) register(program, io, outcome);
  program.addHelpText('after', '\nRun `pinpoint-guard <command> --help` for a command\'s options and examples.');
  return program;
}

/** Runs the command line `argv` (without node and the script) and returns the exit code. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const outcome: Outcome = { code: EXIT.ok };
  try {
    await createProgram(io, outcome).parseAsync([...argv], { from: 'user' });
    return outcome.code;
  } catch (e) {
    const { lines, code } = describeError(e);
    for (const line of lines) io.err(`error: ${line}\n`);
    return code;
  }
}
