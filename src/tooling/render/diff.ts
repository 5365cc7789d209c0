/**
 * A policy diff as text (per action, widest change first), markdown (a pull-request comment) and SARIF (the `after`
 * file's lines of the statements that add access, for CI code scanning). JSON is the `PolicyDiff` itself.
 */
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import { statementName, type StatementRef } from '../../policy/index.js';
import type { DiffChange, PolicyDiff } from '../diff/index.js';
import { painter } from './text.js';

const VERDICT_TEXT: Readonly<Record<PolicyDiff['verdict'], string>> = {
  'no-new-access': 'no new access: the change grants nothing the policies did not already allow',
  'new-access': 'NEW ACCESS: the change allows requests that were denied before',
  unknown: 'cannot tell: diff could not decide every action (see the notes); no new access was found in what it could decide',
};

/** Changes grouped by action, in the order given (widest first). */
function byAction(changes: readonly DiffChange[]): [string, DiffChange[]][] {
  const groups = new Map<string, DiffChange[]>();
  for (const c of changes) {
    const list = groups.get(c.action);
    if (list === undefined) groups.set(c.action, [c]);
    else list.push(c);
  }
  return [...groups.entries()];
}

function changeLine(c: DiffChange): string {
  const on = c.resources.length > 0 ? c.resources.join(', ') : c.resourceType;
  return `on ${on}${c.condition === undefined ? '' : ` when ${c.condition}`} (e.g. ${c.example}; ${c.statements.map(statementName).join(', ') || 'no identity statement'})`;
}

/** Plain text: the verdict, then added and removed access per action, then the notes. */
export function diffText(d: PolicyDiff, color = false): string {
  const paint = painter(color);
  const section = (title: string, changes: readonly DiffChange[], style: string) => {
    if (changes.length === 0) return [];
    return [
      '',
      `${title} (${changes.length}):`,
      ...byAction(changes).flatMap(([action, list]) => [`  ${paint(style, action)}`, ...list.map((c) => `    ${changeLine(c)}`)]),
    ];
  };
  const verdictStyle = d.verdict === 'new-access' ? 'red' : d.verdict === 'unknown' ? 'yellow' : 'green';
  return `${[
    paint(verdictStyle, VERDICT_TEXT[d.verdict]),
    ...section('Added', d.added, 'red'),
    ...section('Removed', d.removed, 'dim'),
    ...(d.notes.length > 0 ? ['', 'Notes:', ...d.notes.map((n) => `  ${n.kind}: ${n.message}${n.actions !== undefined ? ` [${n.actions.length} action(s): ${n.actions.slice(0, 5).join(', ')}${n.actions.length > 5 ? ', …' : ''}]` : ''}`)] : []),
  ].join('\n')}\n`;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** Markdown for a pull-request comment: the verdict, a table of added and of removed access, the notes. */
export function diffMarkdown(d: PolicyDiff): string {
  const table = (title: string, changes: readonly DiffChange[]) => {
    if (changes.length === 0) return [];
    return [
      `### ${title} (${changes.length})`,
      '',
      '| Action | Resources | Condition | Example | Statements |',
      '| --- | --- | --- | --- | --- |',
      ...changes.map((c) => `| \`${c.action}\` | ${cell(c.resources.map((r) => `\`${r}\``).join('<br>'))} | ${cell(c.condition ?? 'any')} | \`${cell(c.example)}\` | ${cell(c.statements.map(statementName).join(', '))} |`),
      '',
    ];
  };
  const icon = d.verdict === 'new-access' ? ':warning:' : d.verdict === 'unknown' ? ':grey_question:' : ':white_check_mark:';
  return `${[
    `## Policy change: ${icon} ${d.verdict}`,
    '',
    VERDICT_TEXT[d.verdict],
    '',
    ...table('Added access', d.added),
    ...table('Removed access', d.removed),
    ...(d.notes.length > 0 ? ['### Notes', '', ...d.notes.map((n) => `- **${n.kind}**: ${cell(n.message)}`), ''] : []),
  ].join('\n').trimEnd()}\n`;
}

/** A policy file of the `after` side: its name as given and its text, to point at its statements' lines. */
export interface AfterFile {
  readonly file: string;
  readonly text: string;
}

function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

/** The statement's node: `Statement[i]`, or `Statement` itself when the policy has one statement object. */
function statementNode(root: Node | undefined, index: number): Node | undefined {
  if (root === undefined) return undefined;
  return findNodeAtLocation(root, ['Statement', index]) ?? findNodeAtLocation(root, ['Statement']) ?? root;
}

/** SARIF 2.1.0: one result per statement of an `after` file that adds access, at its lines, listing what it adds. */
export function diffSarif(d: PolicyDiff, files: readonly AfterFile[], tool: { readonly version: string }): object {
  const byStatement = new Map<string, { ref: StatementRef; changes: DiffChange[] }>();
  for (const c of d.added) {
    for (const ref of c.statements) {
      const key = `${ref.policy}\0${ref.index}`;
      const entry = byStatement.get(key) ?? { ref, changes: [] };
      entry.changes.push(c);
      byStatement.set(key, entry);
    }
  }
  const trees = new Map(files.map((f) => [f.file, { text: f.text, root: parseTree(f.text) }]));
  const results = [...byStatement.values()].map(({ ref, changes }) => {
    const file = trees.get(ref.policy);
    const node = file === undefined ? undefined : statementNode(file.root, ref.index);
    const start = file !== undefined && node !== undefined ? position(file.text, node.offset) : { line: 1, column: 1 };
    const end = file !== undefined && node !== undefined ? position(file.text, node.offset + node.length) : start;
    const actions = [...new Set(changes.map((c) => c.action))];
    return {
      ruleId: 'new-access',
      ruleIndex: 0,
      level: 'warning',
      message: { text: `${statementName(ref)} adds access to ${actions.length} action(s): ${actions.slice(0, 10).join(', ')}${actions.length > 10 ? ', …' : ''} (e.g. ${changeLine(changes[0] as DiffChange)})` },
      locations: [{ physicalLocation: { artifactLocation: { uri: ref.policy }, region: { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column } } }],
    };
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'pinpoint-guard diff', version: tool.version, informationUri: 'https://www.npmjs.com/package/pinpoint-guard', rules: [{ id: 'new-access', shortDescription: { text: 'The policy change allows requests that were denied before' } }] } },
      results,
    }],
  };
}
