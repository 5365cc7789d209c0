/**
 * Everything a user can get wrong on the command line ends as one line per problem on stderr and exit code 2 — never a
 * stack trace. Errors of the libraries underneath (a policy that does not parse, an input that does not fit its
 * operation, an unbuildable ARN) are turned into such lines here, in one table.
 */
import { ValidationError } from '../errors/validation.js';
import { PolicyParseError } from '../policy/index.js';
import { ArnBuildError } from '../resource/arn.js';
import { ToolingInputError } from '../tooling/index.js';
import { AwsVerificationError, PrincipalLoadError } from '../principal/errors.js';
import { CliError, EXIT } from './errors.js';

type Describe = (e: Error) => readonly string[];

const DESCRIBE: readonly [new (...args: never[]) => Error, Describe][] = [
  [CliError, (e) => (e as CliError).lines],
  [PolicyParseError, (e) => (e as PolicyParseError).problems.map((p) => `${p.path}: ${p.message}`)],
  [ValidationError, (e) => [e.message]],
  [ArnBuildError, (e) => [`cannot build the resource ARN: ${e.message}`]],
  [ToolingInputError, (e) => [e.message]],
  [PrincipalLoadError, (e) => [e.message]],
  [AwsVerificationError, (e) => [e.message]],
];

/** The lines to print for an error and the exit code; unexpected errors still get one line. (Commander's own errors are settled by `run`.) */
export function describeError(e: unknown): { lines: readonly string[]; code: number } {
  if (e instanceof Error) {
    const entry = DESCRIBE.find(([type]) => e instanceof type);
    if (entry) return { lines: entry[1](e), code: EXIT.usage };
    return { lines: [`internal error: ${e.message}`], code: EXIT.usage };
  }
  return { lines: [`internal error: ${String(e)}`], code: EXIT.usage };
}
