/**
 * Lint findings as SARIF 2.1.0, the format CI code scanning (GitHub, GitLab, Azure DevOps) reads to annotate the policy
 * file's lines. Each finding's JSON path is located in the file's text with jsonc-parser (the parser VS Code uses,
 * which keeps every node's offset); a path that does not resolve falls back to its nearest resolvable parent.
 */
import { findNodeAtLocation, parseTree, type Node, type Segment } from 'jsonc-parser';
import type { LintFinding, Severity } from '../lint/index.js';
import { RULE_SUMMARIES } from '../lint/rules.js';

/** One linted file: its name as given (a path relative to the repository root is what code scanning wants). */
export interface LintedFile {
  readonly file: string;
  readonly text: string;
  readonly findings: readonly LintFinding[];
}

const LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = { error: 'error', warning: 'warning', info: 'note' };
const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** `Statement[1].Action[0]` → `['Statement', 1, 'Action', 0]`; `(document)` → `[]`. */
export function pathSegments(path: string): Segment[] {
  if (path === '(document)') return [];
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : (m[1] as string)));
}

/** The node the path names, else its nearest parent that exists (a grammar problem may name a missing key). */
function locate(root: Node | undefined, path: string): Node | undefined {
  if (root === undefined) return undefined;
  const segments = pathSegments(path);
  for (let n = segments.length; n >= 0; n--) {
    const node = n === 0 ? root : findNodeAtLocation(root, segments.slice(0, n));
    if (node !== undefined) return node.parent?.type === 'property' ? node.parent : node;
  }
  return root;
}

/** 1-based line and column of an offset. */
function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

function region(text: string, node: Node | undefined): Record<string, number> {
  if (node === undefined) return { startLine: 1, startColumn: 1 };
  const start = position(text, node.offset);
  const end = position(text, node.offset + node.length);
  return { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column };
}

/** The SARIF log of a lint run over `files`, as a JSON value. */
export function lintSarif(files: readonly LintedFile[], tool: { readonly version: string }): object {
  const ruleIds = [...new Set(files.flatMap((f) => f.findings.map((x) => x.rule)))].sort();
  const results = files.flatMap(({ file, text, findings }) => {
    const root = parseTree(text);
    return findings.map((f) => ({
      ruleId: f.rule,
      ruleIndex: ruleIds.indexOf(f.rule),
      level: LEVEL[f.severity],
      message: { text: `${f.message}. Fix: ${f.fix}` },
      locations: [{
        physicalLocation: { artifactLocation: { uri: file.split('\\').join('/') }, region: region(text, locate(root, f.path)) },
        logicalLocations: [{ fullyQualifiedName: f.path, kind: 'member' }],
      }],
    }));
  });
  return {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'pinpoint-guard',
          version: tool.version,
          informationUri: 'https://www.npmjs.com/package/pinpoint-guard',
          rules: ruleIds.map((id) => ({ id, shortDescription: { text: RULE_SUMMARIES[id] ?? id } })),
        },
      },
      results,
    }],
  };
}
