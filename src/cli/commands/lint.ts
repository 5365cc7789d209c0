/**
 * `pinpoint-guard lint`: findings with severity, JSON path and fix for each policy file; exit 1 on any error-level
 * finding, 2 when a file is not a valid policy at all (as every other command treats an invalid policy).
 */
import type { Command } from 'commander';
import { lintPolicy, type LintFinding } from '../../tooling/index.js';
import { columns, painter } from '../../tooling/render/text.js';
import { CliError, EXIT } from '../errors.js';
import { addPrincipalOptions, principalFrom } from '../principal-option.js';
import { readJson, type Io, type Outcome } from '../io.js';
import { addFormatOptions, formatFrom, json } from '../options.js';

const EXAMPLES = `
Examples:
  $ pinpoint-guard lint --policy policy.json
  $ pinpoint-guard lint --policy a.json b.json --json
Exit codes: 0 no error-level findings, 1 some, 2 a file is missing, not JSON, or not a valid policy
(the report still lists every finding; each grammar problem is also one error line on stderr).`;

const SEVERITY_COLOR = { error: 'red', warning: 'yellow', info: 'dim' } as const;

function renderText(results: readonly { file: string; findings: readonly LintFinding[] }[], io: Io): string {
  const paint = painter(io.color);
  const blocks = results.map(({ file, findings }) => {
    if (findings.length === 0) return `${file}: no findings`;
    const rows = findings.flatMap((f) => [
      [`${file}:${f.path}`, paint(SEVERITY_COLOR[f.severity], f.severity), f.rule, f.message],
      ['', '', '', paint('dim', `fix: ${f.fix}`)],
    ]);
    return columns(rows);
  });
  const all = results.flatMap((r) => r.findings);
  const count = (s: LintFinding['severity']) => all.filter((f) => f.severity === s).length;
  return `${blocks.join('\n\n')}\n\n${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info\n`;
}

/** The policy files, or with --principal every document loaded from IAM, each named by its source. */
async function lintedDocuments(opts: Record<string, unknown>, io: Io): Promise<{ file: string; doc: object }[]> {
  if (opts.principal !== undefined && opts.policy !== undefined) throw new CliError(['--policy: not with --principal, whose policies come from IAM']);
  if (opts.principal === undefined && opts.policy === undefined) throw new CliError(["required option '--policy <file...>' not specified (or lint the policies IAM holds with --principal <arn|auto>)"]);
  const principal = await principalFrom(opts, io);
  if (!principal) return (opts.policy as string[]).map((file) => ({ file, doc: readJson(file) as object }));
  const { policyDocument } = await import('../../principal/document.js');
  const loaded = [...principal.policySet.policies, ...(principal.policySet.permissionsBoundary ? [principal.policySet.permissionsBoundary] : [])];
  return loaded.map((p) => ({ file: p.source ?? principal.principalArn, doc: policyDocument(p) }));
}

export function registerLint(program: Command, io: Io, outcome: Outcome): void {
  const cmd = program
    .command('lint')
    .description('find unknown actions, resources that can never match, risky NotAction/NotResource, redundant statements, end-of-support actions')
    .option('--policy <file...>', 'policy JSON file(s) to lint; exit 1 on an error-level finding, 2 on an invalid policy (required without --principal)');
  addFormatOptions(cmd, ['text', 'json'], 'text');
  addPrincipalOptions(cmd);
  cmd.addHelpText('after', EXAMPLES).action(async (opts: Record<string, unknown>) => {
    // Files that cannot be read or are not JSON are usage errors; grammar problems are findings (with fixes) and make
    // the policy invalid, which is a usage error too: one line each on stderr, exit 2.
    const documents = await lintedDocuments(opts, io);
    const results = documents.map(({ file, doc }) => ({ file, findings: lintPolicy(doc) }));
    io.out(formatFrom(opts) === 'json' ? json(results) : renderText(results, io));
    const invalid = results.flatMap((r) => r.findings.filter((f) => f.rule === 'grammar').map((f) => `${r.file}: ${f.path}: ${f.message}`));
    for (const line of invalid) io.err(`error: ${line}\n`);
    outcome.code = invalid.length > 0 ? EXIT.usage : results.some((r) => r.findings.some((f) => f.severity === 'error')) ? EXIT.negative : EXIT.ok;
  });
}
