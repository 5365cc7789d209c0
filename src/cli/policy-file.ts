/** Policy files as the commands read them: JSON from disk, validated by the engine's parser, problems as CLI lines. */
import { parsePolicy, PolicyParseError, type ParsedPolicy } from '../policy/index.js';
import { CliError } from './errors.js';
import { readJson } from './io.js';

/** A policy file, parsed and validated. @throws CliError with one line per problem: file, JSON path, what was expected. */
export function readPolicy(file: string): ParsedPolicy {
  const json = readJson(file);
  try {
    return parsePolicy(json, { label: file });
  } catch (e) {
    if (e instanceof PolicyParseError) throw new CliError(e.problems.map((p) => `${file}: ${p.path}: ${p.message}`));
    throw e;
  }
}
