/** Date operators. Values are ISO 8601 dates/times or epoch seconds, compared as instants. */
import { orderedFamily } from './operator.js';

const EPOCH = /^[+-]?\d+(?:\.\d+)?$/;
// Date.parse alone also accepts free-form text like "March 7", which IAM rejects.
const ISO = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Milliseconds since the epoch; undefined when the text is neither ISO 8601 nor epoch seconds. */
export function parseDate(text: string): number | undefined {
  if (EPOCH.test(text)) {
    const seconds = Number(text);
    return Number.isFinite(seconds) ? seconds * 1000 : undefined;
  }
  if (!ISO.test(text)) return undefined;
  // Fractions beyond milliseconds are legal ISO but not for Date.parse; drop them.
  const trimmed = text.replace(/(\.\d{3})\d+/, '$1');
  const ms = Date.parse(trimmed);
  return Number.isNaN(ms) ? undefined : ms;
}

export const dateOperators = orderedFamily('Date', parseDate, 'an ISO 8601 date (2020-01-01T00:00:00Z) or epoch seconds', {
  equals: 'is', less: 'is before', lessOrEqual: 'is at or before', greater: 'is after', greaterOrEqual: 'is at or after',
});
