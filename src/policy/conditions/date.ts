/**
 * Date operators. Values are dates in the W3C profiles of ISO 8601 the condition-operator page
 * names (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DDThh:mmTZD, …:ss, …:ss.s) or epoch seconds,
 * compared as instants. A time without an offset is UTC, as IAM reads it, never the process's
 * local time zone; a year, month or date alone is its first instant in UTC. Exactly four digits
 * are a year (the YYYY profile), not 2,020 epoch seconds.
 */
import { orderedFamily } from './operator.js';

const EPOCH = /^[+-]?\d+(?:\.\d+)?$/;
/** The zone designator at the end of an ISO 8601 date-time. */
const OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/;
// Date.parse alone also accepts free-form text like "March 7", which IAM rejects.
const ISO = /^\d{4}(?:-\d{2}(?:-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$/;
const YEAR = /^\d{4}$/;

/** Milliseconds since the epoch; undefined when the text is neither ISO 8601 nor epoch seconds. */
export function parseDate(text: string): number | undefined {
  if (EPOCH.test(text) && !YEAR.test(text)) {
    const seconds = Number(text);
    return Number.isFinite(seconds) ? seconds * 1000 : undefined;
  }
  if (!ISO.test(text)) return undefined;
  // Fractions beyond milliseconds are legal ISO but not for Date.parse; drop them.
  const trimmed = text.replace(/(\.\d{3})\d+/, '$1');
  // Date.parse reads a date-time without an offset as local time; IAM reads it as UTC.
  const utc = trimmed.includes('T') && !OFFSET.test(trimmed) ? `${trimmed}Z` : trimmed;
  const ms = Date.parse(utc);
  return Number.isNaN(ms) ? undefined : ms;
}

export const dateOperators = orderedFamily('Date', parseDate, 'an ISO 8601 date (2020-01-01T00:00:00Z) or epoch seconds', {
  equals: 'is', notEquals: 'is not', less: 'is before', lessOrEqual: 'is at or before', greater: 'is after', greaterOrEqual: 'is at or after',
}, 'a date (ISO 8601 or epoch seconds)');
