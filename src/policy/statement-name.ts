/**
 * The one way every message names a policy statement: the policy (its file or its place in the set) and the statement's
 * Sid, else its JSON path `Statement[i]` — what a reader searches the file for. Lint, check, matrix, the engine's
 * reasons and the demo all name statements with this function.
 */

/** What naming a statement needs: the policy's label (absent inside a single document), its index and Sid. */
export interface StatementName {
  readonly policy?: string;
  readonly index: number;
  readonly sid?: string;
}

/** `deny-deletes.json "NoDeletes"`, `read-only.json Statement[0]`, or `"NoDeletes"` / `Statement[0]` without a policy. */
export function statementName(s: StatementName): string {
  const own = s.sid === undefined || s.sid === '' ? `Statement[${s.index}]` : JSON.stringify(s.sid);
  return s.policy === undefined || s.policy === '' ? own : `${s.policy} ${own}`;
}
