/**
 * The lint errors of the policy files a command evaluates, for `check` and `matrix` to warn about before answering
 * (on stderr, so stdout stays the answer: JSON stays JSON).
 */
import { policyErrors, type PolicyFinding } from '../tooling/lint/banner.js';
import { bannerLines } from '../tooling/render/banner.js';
import { terminalText, type Io } from './io.js';
import { readPolicyText } from './policy-file.js';

/** Every policy file the options name, in the order the set uses them. */
export function policyFiles(opts: Record<string, unknown>): string[] {
  const list = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : typeof v === 'string' ? [v] : []);
  return [...list(opts.policy), ...list(opts.boundary), ...list(opts.scp), ...list(opts.session)];
}

/** Lints the files (already read and validated by policySetFrom) and returns their error-level findings. */
export function lintErrorsOf(files: readonly string[], now: Date): PolicyFinding[] {
  return policyErrors(files.map((label) => ({ label, doc: readPolicyText(label) })), { now });
}

/** Writes the banner to stderr, when there is one. */
export function warnLintErrors(io: Io, findings: readonly PolicyFinding[], files: readonly string[]): void {
  const lines = bannerLines(findings, files);
  if (lines.length > 0) io.err(terminalText(io, `${lines.join('\n')}\n`));
}
