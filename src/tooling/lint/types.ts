/** Shapes shared by the lint rules. */
import type { ActionSpec } from '../../client/spec.js';
import type { ParsedStatement, PolicyProblem } from '../../policy/index.js';

/** How bad a lint finding is: `lint` exits 1 on any `error` (and on a `warning` with `--fail-on warning`). */
export type Severity = 'error' | 'warning' | 'info';

/** One finding: what is wrong, where (JSON path), and how to fix it. */
export interface LintFinding {
  /** The rule that found it, e.g. `unknown-action`. */
  readonly rule: string;
  readonly severity: Severity;
  /** JSON path in the policy document, e.g. `Statement[1].Action[0]`; `(document)` for the whole document. */
  readonly path: string;
  readonly message: string;
  readonly fix: string;
}

/** A statement that parses on its own, with where it sits and its raw JSON (for element paths). */
export interface StatementEntry {
  readonly index: number;
  readonly path: string;
  /** How messages name it: its Sid, else `Statement[i]` (statementName, as every command names statements). */
  readonly name: string;
  readonly parsed: ParsedStatement;
  readonly raw: Readonly<Record<string, unknown>>;
  /** The catalog actions its Action/NotAction applies to. */
  readonly catalogActions: readonly ActionSpec[];
}

/** What every rule reads: the document's grammar problems and its statements that parse. */
export interface LintContext {
  readonly problems: readonly PolicyProblem[];
  /** The document's Version: `missing` when it has none (IAM reads it as 2008-10-17), `invalid` when grammar reports it. */
  readonly version: '2012-10-17' | '2008-10-17' | 'missing' | 'invalid';
  readonly statements: readonly StatementEntry[];
  readonly options: ResolvedLintOptions;
}

/** What `lintPolicy` is told about the run. */
export interface LintOptions {
  /** The time end of support is judged against; defaults to now. */
  readonly now?: Date;
  /**
   * How a granted end-of-support action is reported: `warning` (default), `error` or `off`. `auto`, the former default,
   * is kept for older callers and means `warning`.
   */
  readonly endOfSupport?: EndOfSupportSeverity;
}

/** The options with their defaults applied. */
export interface ResolvedLintOptions {
  readonly now: Date;
  readonly endOfSupport: EndOfSupportSeverity;
}

/** How a granted end-of-support action is reported (`auto` = `warning`, kept for older callers). */
export type EndOfSupportSeverity = 'warning' | 'error' | 'off' | 'auto';

/** A rule: a pure function from the context to findings. */
export type LintRule = (ctx: LintContext) => LintFinding[];
