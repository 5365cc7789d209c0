/**
 * `--as-of <date>`: the date end of support is judged at (default: now), so that a report can be read for another day —
 * and so that tests pin the clock on either side of 2026-10-30.
 */
import type { Command } from 'commander';
import { CliError } from './errors.js';

export function addClockOption(cmd: Command): Command {
  return cmd.option('--as-of <date>', 'judge end of support as of this date, YYYY-MM-DD or an ISO time (default: now)');
}

/** The clock the command's reports follow. @throws CliError for a date that does not parse. */
export function clockFrom(opts: Record<string, unknown>): Date {
  const given = opts.asOf as string | undefined;
  if (given === undefined) return new Date();
  const date = new Date(given);
  if (!/^\d{4}-\d{2}-\d{2}/.test(given) || Number.isNaN(date.getTime())) {
    throw new CliError([`--as-of: expected a date such as 2026-10-30 or 2026-10-30T12:00:00Z, got ${JSON.stringify(given)}`]);
  }
  return date;
}
