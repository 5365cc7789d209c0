/**
 * Pinpoint's end of support as text that follows the clock: before 2026-10-30 has passed the engagement features "end"
 * on that date, after it they "ended". Every message about it takes the time from its caller (an injectable clock), so
 * tests can pin either side of the date; and every place that shows a lifecycle status can say what it means.
 */
import type { LifecycleStatus } from '../client/spec.js';

/** The day AWS ended support for Amazon Pinpoint's engagement features. */
export const END_OF_SUPPORT_DATE = '2026-10-30';

/** The first instant after that day (UTC): from here on, end of support is in the past. */
const PASSED_AT = Date.UTC(2026, 9, 31);

/** Whether 2026-10-30 has passed at `now`. */
export function endOfSupportPassed(now: Date): boolean {
  return now.getTime() >= PASSED_AT;
}

/** "Amazon Pinpoint's engagement features ended on 2026-10-30", or "end on" before that day has passed. */
export function endOfSupportClause(now: Date): string {
  return `Amazon Pinpoint's engagement features ${endOfSupportPassed(now) ? 'ended' : 'end'} on ${END_OF_SUPPORT_DATE}`;
}

/** What each lifecycle status means, in one sentence a reader can act on; `unclear` above all needs saying. */
export const LIFECYCLE_MEANING: Readonly<Record<LifecycleStatus, string>> = {
  supported: 'continues after 2026-10-30 under AWS End User Messaging (SMS, voice, push, OTP, phone number validation)',
  'end-of-support': 'acts on an engagement feature AWS retired on 2026-10-30 (endpoints, segments, campaigns, journeys, analytics, email, templates)',
  unclear: 'AWS\'s pages name it neither as continuing nor as retired: test it in your account before relying on it after 2026-10-30',
};

/** A one-line legend of the statuses, for reports that show them: `unclear = AWS's pages name it neither ...`. */
export function lifecycleLegend(statuses: readonly LifecycleStatus[]): string {
  return statuses.map((s) => `${s} = ${LIFECYCLE_MEANING[s]}`).join('; ');
}
