/** What the guard does with a decision: send, refuse as denied, or refuse as uncertain — one table. */
import type { Decision } from '../policy/index.js';

/** `deny` (default): a decision that depends on keys the guard cannot see is not sent. `send`: AWS decides it. */
export type WhenUncertain = 'deny' | 'send';
export const WHEN_UNCERTAIN: readonly WhenUncertain[] = ['deny', 'send'];

/** `send`, `deny` (AccessDeniedError) or `uncertain` (UncertainDecisionError). */
export type Verdict = 'send' | 'deny' | 'uncertain';

const VERDICT: Readonly<Record<Decision['decision'], Readonly<Record<WhenUncertain, Verdict>>>> = {
  Allow: { deny: 'send', send: 'send' },
  ExplicitDeny: { deny: 'deny', send: 'deny' },
  ImplicitDeny: { deny: 'deny', send: 'deny' },
  Conditional: { deny: 'uncertain', send: 'send' },
};

export const guardVerdict = (decision: Decision['decision'], whenUncertain: WhenUncertain): Verdict => VERDICT[decision][whenUncertain];
