/** Grammar: the parser's problems, each a finding at its JSON path. */
import type { LintFinding, LintRule } from './types.js';

/** A fix phrased from the parser's message: its "did you mean", else what it expected. */
export function fixFromMessage(message: string): string {
  const mean = /did you mean "([^"]+)"/.exec(message);
  if (mean) return `rename it to "${mean[1]}"`;
  const expected = /expected (.*?)(?:, got .*)?$/.exec(message);
  return expected ? `provide ${expected[1]}` : 'correct the element as the message says';
}

export const grammar: LintRule = (ctx) =>
  ctx.problems.map((p): LintFinding => ({ rule: 'grammar', severity: 'error', path: p.path, message: p.message, fix: fixFromMessage(p.message) }));
