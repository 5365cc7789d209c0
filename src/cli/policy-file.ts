/**
 * Policy files as the commands read them: the file's text goes to the engine's parser as text, so that what the
 * engine rejects in text (a key written twice, `"Effect":"Deny","Effect":"Allow"`, which `JSON.parse` would read
 * last-wins) is rejected by every command alike; problems become CLI lines.
 */
import { parsePolicy, PolicyParseError, type ParsedPolicy } from '../policy/index.js';
import { CliError } from './errors.js';
import { parseJson, readText } from './io.js';

/**
 * A policy file's text, checked to be JSON (a syntax error names the line and column), for the engine's parser or
 * the linter to read as text. @throws CliError naming the file.
 */
export function readPolicyText(file: string): string {
  const text = readText(file);
  parseJson(file, text);
  return text;
}

/** A policy file, parsed and validated. @throws CliError with one line per problem: file, JSON path, what was expected. */
export function readPolicy(file: string): ParsedPolicy {
  const text = readPolicyText(file);
  try {
    return parsePolicy(text, { label: file });
  } catch (e) {
    if (e instanceof PolicyParseError) throw new CliError(e.problems.map((p) => `${file}: ${p.path}: ${p.message}`));
    throw e;
  }
}
