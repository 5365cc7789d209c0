/**
 * How each decision reads and looks, in one table every renderer uses (terminal, Markdown, HTML, check), and the
 * engine's reason in plain words. The outcomes are four: allowed, denied by a Deny, denied for want of an Allow, and
 * conditional — allowed only when request context the dry run does not have holds the values a condition wants.
 */
import { statementName, type Decision, type Requirement } from '../../policy/index.js';

/** Every decision the engine can give, including one it may add: renderers are total over it. */
export type DecisionName = Decision['decision'] | 'Conditional';

/** One decision's words, mark, terminal colour and CSS class. */
export interface DecisionStyle {
  readonly label: string;
  readonly mark: string;
  readonly color: string;
  readonly css: string;
  /** What it means, for legends. */
  readonly meaning: string;
}

export const DECISION_STYLE: Readonly<Record<DecisionName, DecisionStyle>> = {
  Allow: { label: 'allow', mark: '✔', color: 'green', css: 'allow', meaning: 'a statement allows it and none denies it' },
  ExplicitDeny: { label: 'explicit deny', mark: '✖', color: 'red', css: 'explicit', meaning: 'a Deny statement matches' },
  ImplicitDeny: { label: 'implicit deny', mark: '·', color: 'yellow', css: 'implicit', meaning: 'no Allow statement matches' },
  Conditional: { label: 'conditional', mark: '?', color: 'magenta', css: 'conditional', meaning: 'allowed only when the request carries the condition values shown' },
};

/** The style of a decision the table may not know yet (a newer engine): shown as a deny, never as an allow. */
export function styleOf(decision: string): DecisionStyle {
  return (DECISION_STYLE as Readonly<Record<string, DecisionStyle>>)[decision] ?? DECISION_STYLE.ImplicitDeny;
}

/**
 * What a conditional decision waits on, one clause per requirement: `allowed if aws:ResourceTag/team equals one of ops,
 * dev (team.json "OpsTeam")` — the keys and the values that would allow (or deny), and the statement that says so.
 */
export function conditionClauses(requirements: readonly Requirement[]): string[] {
  return requirements.map((r) => `${r.effect === 'Allow' ? 'allowed' : 'denied'} if ${r.text} (${statementName(r.statement)})`);
}
