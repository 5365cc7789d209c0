/**
 * The `pinpoint-guard` command line: one commander program, one file per command, and only the command that runs is
 * loaded (commands/index.ts). `run` never throws and never prints a stack trace: every failure becomes lines on stderr
 * and an exit code (see describe-error.ts).
 */
import { Command, CommanderError, type Option } from 'commander';
import { COMMANDS } from './commands/index.js';
import { CliError, EXIT } from './errors.js';
import { outputWidth, terminalText, type Io, type Outcome } from './io.js';
import { packageVersion } from './version.js';

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

/** Help's width for a pipe or a file, where no terminal says how wide. */
const HELP_WIDTH = 80;

const HELP_FLAGS: ReadonlySet<string> = new Set(['--help', '-h']);

/**
 * `argv` as commander should read it: `pinpoint-guard nosuch --help` asks help of a command that does not exist, which
 * is an unknown command (exit 2, with commander's did-you-mean) rather than a request for the general help.
 */
function withoutHelpForUnknown(argv: readonly string[]): readonly string[] {
  const named = commandNamed(argv);
  const known = named === undefined || named === 'help' || COMMANDS.some((c) => c.name === named);
  return known ? argv : argv.filter((a) => !HELP_FLAGS.has(a));
}

/** The command `argv` runs (or asks help for): its first word, or the one after `help`. */
function commandNamed(argv: readonly string[]): string | undefined {
  const words = argv.filter((a) => !a.startsWith('-'));
  return words[0] === 'help' ? words[1] : words[0];
}

/**
 * The program for `argv`: the named command fully registered, every other one by name and summary only (enough for the
 * top-level help and for commander's did-you-mean on a misspelt command).
 */
export async function createProgram(io: Io, outcome: Outcome, argv: readonly string[] = []): Promise<Command> {
  const program = new Command('pinpoint-guard')
    .description('Dry-run IAM tooling for Amazon Pinpoint: check a call, print the permission matrix, lint a policy, generate a least-privilege policy')
    // Help fits the terminal: commander lays its columns out to the width, and what it leaves wider (the examples) wraps.
    .configureOutput({
      writeOut: (t) => io.out(terminalText(io, t)),
      writeErr: (t) => io.err(terminalText(io, t)),
      getOutHelpWidth: () => outputWidth(io) ?? HELP_WIDTH,
      getErrHelpWidth: () => outputWidth(io) ?? HELP_WIDTH,
    })
    .version(packageVersion(), '-V, --version', 'print the version of pinpoint-guard')
    .exitOverride()
    .showSuggestionAfterError(true)
    .allowExcessArguments(false);
  // Subcommands inherit the output and exit settings of the program they are added to.
  const named = commandNamed(argv);
  for (const entry of COMMANDS) {
    if (entry.name === named) (await entry.load())(program, io, outcome);
    else program.command(entry.name);
    (program.commands.at(-1) as Command).summary(entry.summary);
  }
  checkRequiredOptionsLast(program);
  program.addHelpText('after', '\nRun `pinpoint-guard <command> --help` for a command\'s options and examples.');
  return program;
}

/** Runs the command line `argv` (without node and the script) and returns the exit code. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const outcome: Outcome = { code: EXIT.ok };
  try {
    await (await createProgram(io, outcome, argv)).parseAsync([...withoutHelpForUnknown(argv)], { from: 'user' });
    return outcome.code;
  } catch (e) {
    // Commander has printed its own message (or the help, or the version): only the exit code is left to settle.
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    const { describeError } = await import('./describe-error.js');
    const { lines, code } = describeError(e);
    for (const line of lines) io.err(terminalText(io, `error: ${line}\n`));
    return code;
  }
}
