/**
 * The `pinpoint-guard` command line: one commander program, one file per command. `run` never throws and never prints
 * a stack trace: every failure becomes lines on stderr and an exit code (see errors.ts).
 */
import { Command, type Option } from 'commander';
import { registerCheck } from './commands/check.js';
import { registerLifecycle } from './commands/lifecycle.js';
import { registerLint } from './commands/lint.js';
import { registerMatrix } from './commands/matrix.js';
import { registerPolicy } from './commands/policy.js';
import { CliError, describeError, EXIT } from './errors.js';
import { packageVersion, type Io, type Outcome } from './io.js';

const COMMANDS = [registerCheck, registerMatrix, registerLint, registerPolicy, registerLifecycle] as const;

/**
 * Commander checks required options before unknown ones, so `check --polcy x` would be reported as a missing --policy
 * rather than as a misspelt option. Required options are therefore checked here, after commander has rejected unknown
 * options (with its did-you-mean) and before the action runs, in commander's own words.
 */
function checkRequiredOptionsLast(program: Command): void {
  const required = new Map<Command, Option[]>();
  for (const cmd of program.commands) {
    const options = cmd.options.filter((o) => o.mandatory);
    for (const o of options) o.makeOptionMandatory(false);
    required.set(cmd, options);
  }
  program.hook('preAction', (_program, cmd) => {
    const missing = (required.get(cmd) ?? []).filter((o) => cmd.getOptionValue(o.attributeName()) === undefined);
    if (missing.length > 0) throw new CliError(missing.map((o) => `required option '${o.flags}' not specified`));
  });
}

export function createProgram(io: Io, outcome: Outcome): Command {
  const program = new Command('pinpoint-guard')
    .description('Dry-run IAM tooling for Amazon Pinpoint: check a call, print the permission matrix, lint a policy, generate a least-privilege policy')
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .version(packageVersion(), '-V, --version', 'print the version of pinpoint-guard')
    .exitOverride()
    .showSuggestionAfterError(true)
    .allowExcessArguments(false);
  // Subcommands inherit the output and exit settings of the program they are added to.
  for (const register of COMMANDS) register(program, io, outcome);
  checkRequiredOptionsLast(program);
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
