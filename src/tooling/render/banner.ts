/** The lint banner above `check` and `matrix` output: the first few errors, then how to see them all. */
import type { PolicyFinding } from '../lint/banner.js';

/** Findings the banner spells out before `+N more`. */
const SHOWN = 3;

/** Lines of the banner (empty when there is nothing to say); `files` are the policy files, for the lint command line. */
export function bannerLines(findings: readonly PolicyFinding[], files: readonly string[]): string[] {
  if (findings.length === 0) return [];
  const command = `pinpoint-guard lint --policy ${files.join(' ')}`;
  const head = `warning: ${findings.length} lint error${findings.length === 1 ? '' : 's'} in these policies; an entry with one grants nothing as written:`;
  const shown = findings.slice(0, SHOWN).map(({ policy, finding }) => `  ${policy}:${finding.path}: ${finding.message} (fix: ${finding.fix})`);
  const more = findings.length > SHOWN ? [`  +${findings.length - SHOWN} more (${command})`] : [`  (${command} for every finding)`];
  return [head, ...shown, ...more];
}
