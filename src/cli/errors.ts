/**
 * The CLI's exit codes and its own error type. Kept free of imports so that `--version` and `--help` load nothing else;
 * turning library errors into lines is describe-error.ts's job.
 */

/**
 * Exit codes: 0 allowed / clean, 1 denied / error-level findings / failed self-check, 2 bad input, 3 conditional (the
 * decision depends on keys the client cannot see; `check` only).
 */
export const EXIT = { ok: 0, negative: 1, usage: 2, conditional: 3 } as const;

/** A usage or input problem, already phrased: one line each. */
export class CliError extends Error {
  constructor(readonly lines: readonly string[]) {
    super(lines.join('\n'));
    this.name = 'CliError';
  }
}
