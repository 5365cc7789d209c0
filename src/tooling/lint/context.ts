/**
 * Builds the lint context. The whole document is parsed for its grammar problems; then each statement is parsed on
 * its own, so that one typo in `Effect` does not hide an unknown action three statements later.
 */
import type { ActionSpec } from '../../client/spec.js';
import { matchWildcard, parsePolicy, PolicyParseError, statementName, type ParsedStatement, type PolicyProblem } from '../../policy/index.js';
import { catalogActions } from '../catalog.js';
import type { LintContext, ResolvedLintOptions, StatementEntry } from './types.js';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The catalog actions a statement's Action (or, inverted, NotAction) applies to. */
export function actionsOf(s: ParsedStatement): ActionSpec[] {
  const patterns = s.action ?? s.notAction ?? [];
  const hit = (a: ActionSpec) => patterns.some((p) => matchWildcard(p, a.action, { ignoreCase: true }));
  return catalogActions.filter((a) => hit(a) !== (s.notAction !== undefined));
}

/** JSON path of entry `i` of element `key` (`Action`, `Resource`, ...): indexed only when the element is an array. */
export function elementPath(entry: StatementEntry, key: string, i: number): string {
  return Array.isArray(entry.raw[key]) ? `${entry.path}.${key}[${i}]` : `${entry.path}.${key}`;
}

function grammarProblems(doc: unknown): PolicyProblem[] {
  try {
    parsePolicy(doc);
    return [];
  } catch (e) {
    if (e instanceof PolicyParseError) return [...e.problems];
    throw e;
  }
}

function statementAlone(version: unknown, raw: unknown): ParsedStatement | undefined {
  try {
    const v = version === '2008-10-17' ? version : '2012-10-17';
    return parsePolicy({ Version: v, Statement: [raw] }).statements[0];
  } catch {
    return undefined;
  }
}

function versionOf(doc: Record<string, unknown>): LintContext['version'] {
  if (!('Version' in doc)) return 'missing';
  return doc.Version === '2012-10-17' || doc.Version === '2008-10-17' ? doc.Version : 'invalid';
}

/** Parses `policy` (JSON text or object) into what the rules read. */
export function buildContext(policy: unknown, options: ResolvedLintOptions): LintContext {
  const problems = grammarProblems(policy);
  let doc: unknown = policy;
  if (typeof policy === 'string') {
    try {
      doc = JSON.parse(policy);
    } catch {
      return { problems, version: 'invalid', statements: [], options };
    }
  }
  if (!isRecord(doc)) return { problems, version: 'invalid', statements: [], options };
  const rawList = Array.isArray(doc.Statement) ? (doc.Statement as unknown[]) : isRecord(doc.Statement) ? [doc.Statement] : [];
  const statements: StatementEntry[] = [];
  rawList.forEach((raw, index) => {
    const parsed = isRecord(raw) ? statementAlone(doc.Version, raw) : undefined;
    if (parsed === undefined || !isRecord(raw)) return;
    const path = Array.isArray(doc.Statement) ? `Statement[${index}]` : 'Statement';
    statements.push({ index, path, name: statementName({ index, ...(parsed.sid === undefined ? {} : { sid: parsed.sid }) }), parsed, raw, catalogActions: actionsOf(parsed) });
  });
  return { problems, version: versionOf(doc), statements, options };
}
