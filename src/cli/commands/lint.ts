/**
 * `pinpoint-guard lint`: findings with severity, JSON path and fix for each policy file, as text, JSON or SARIF (for
 * CI code scanning); exit 1 on any error-level finding (or, with `--fail-on warning`, warning), 2 when a file is not a valid policy at all (as every other
 * command treats an invalid policy).
 */
import { Option, type Command } from 'commander';
import { lintPolicy, type EndOfSupportSeverity, type LintFinding } from '../../tooling/index.js';
import { fitWidth, painter } from '../../tooling/render/text.js';
import { addClockOption, clockFrom } from '../clock.js';
import { CliError, EXIT } from '../errors.js';
import { addPrincipalOptions, principalFrom } from '../principal-option.js';
import { outputWidth, terminalText, type Io, type Outcome } from '../io.js';
import { readPolicyText } from '../policy-file.js';
import { packageVersion } from '../version.js';
import { addFormatOptions, formatFrom, json } from '../options.js';

const EXAMPLES = `
Examples:
  $ pinpoint-guard lint --policy policy.json
  $ pinpoint-guard lint --policy a.json b.json --json
  $ pinpoint-guard lint --policy policies/*.json --format sarif > lint.sarif   # upload to CI code scanning
  $ pinpoint-guard lint --policy policy.json --fail-on warning                  # CI that fails on warnings too
Exit codes: 0 no finding at or above --fail-on (default: error), 1 some, 2 a file is missing, not JSON, or not a
valid policy (the report still lists every finding).
A granted end-of-support action is a warning (--end-of-support error|warning|off; auto, the former default, = warning).`;

/** Severities from the most severe: `--fail-on warning` fails on a warning or an error. */
const FAIL_ORDER: readonly LintFinding['severity'][] = ['error', 'warning', 'info'];
const failsOn = (threshold: LintFinding['severity'], f: LintFinding) => FAIL_ORDER.indexOf(f.severity) <= FAIL_ORDER.indexOf(threshold);

const SEVERITY_COLOR = { error: 'red', warning: 'yellow', info: 'dim' } as const;

interface Result {
  readonly file: string;
  readonly findings: readonly LintFinding[];
}

function renderText(results: readonly Result[], io: Io): string {
  const paint = painter(io.color);
  const blocks = results.map(({ file, findings }) => {
    if (findings.length === 0) return `${file}: no findings`;
    return findings
      .map((f) => `${file}:${f.path}  ${paint(SEVERITY_COLOR[f.severity], f.severity)}  ${f.rule}\n  ${f.message}\n  ${paint('dim', `fix: ${f.fix}`)}`)
      .join('\n');
  });
  const all = results.flatMap((r) => r.findings);
  const count = (s: LintFinding['severity']) => all.filter((f) => f.severity === s).length;
  const { text, cut } = fitWidth(blocks.join('\n\n'), outputWidth(io));
  const more = cut ? '\nlines cut at … to fit the terminal: --json shows every finding in full' : '';
  return terminalText(io, `${text}\n\n${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info${more}\n`);
}

/** The policy files, or with --principal every document loaded from IAM, each named by its source. */
async function lintedDocuments(opts: Record<string, unknown>, io: Io): Promise<{ file: string; doc: string | object }[]> {
  if (opts.principal !== undefined && opts.policy !== undefined) throw new CliError(['--policy: not with --principal, whose policies come from IAM']);
  if (opts.principal === undefined && opts.policy === undefined) throw new CliError(["required option '--policy <file...>' not specified (or lint the policies IAM holds with --principal <arn|auto>)"]);
  const principal = await principalFrom(opts, io);
  // A file's text, not JSON.parse's reading of it: the linter's parser then sees a key written twice.
  if (!principal) return (opts.policy as string[]).map((file) => ({ file, doc: readPolicyText(file) }));
  const { policyDocument } = await import('../../principal/document.js');
  const loaded = [...principal.policySet.policies, ...(principal.policySet.permissionsBoundary ? [principal.policySet.permissionsBoundary] : [])];
  return loaded.map((p) => ({ file: p.source ?? principal.principalArn, doc: policyDocument(p) }));
}

export function registerLint(program: Command, io: Io, outcome: Outcome): void {
  const cmd = program
    .command('lint')
    .description('find unknown actions, resources that can never match, risky NotAction/NotResource, redundant statements, end-of-support actions')
    .option('--policy <file...>', 'policy JSON file(s) to lint; exit 1 on a finding at --fail-on, 2 on an invalid policy (required without --principal)')
    .addOption(new Option('--end-of-support <severity>', 'how a granted end-of-support action is reported (auto, the former default, means warning)')
      .choices(['warning', 'error', 'off', 'auto']).default('warning'))
    .addOption(new Option('--fail-on <severity>', 'exit 1 on a finding of this severity or a worse one').choices(FAIL_ORDER).default('error'));
  addClockOption(cmd);
  addFormatOptions(cmd, ['text', 'json', 'sarif'], 'text');
  addPrincipalOptions(cmd);
  cmd.addHelpText('after', EXAMPLES).action(async (opts: Record<string, unknown>) => {
    const options = { now: clockFrom(opts), endOfSupport: opts.endOfSupport as EndOfSupportSeverity };
    const failOn = opts.failOn as LintFinding['severity'];
    // Files that cannot be read or are not JSON are usage errors; grammar problems are findings (with fixes) and make
    // the policy invalid, which is a usage error too.
    const documents = await lintedDocuments(opts, io);
    const results: Result[] = documents.map(({ file, doc }) => ({ file, findings: lintPolicy(doc, options) }));
    const format = formatFrom(opts);
    if (format === 'sarif') {
      // A file's own text, so findings land on its lines; a policy loaded from IAM has no file: its JSON stands in.
      const textOf = (doc: string | object) => (typeof doc === 'string' ? doc : JSON.stringify(doc, null, 2));
      const { lintSarif } = await import('../../tooling/render/lint-sarif.js');
      io.out(json(lintSarif(documents.map(({ doc }, i) => ({ ...(results[i] as Result), text: textOf(doc) })), { version: packageVersion() })));
    } else io.out(format === 'json' ? json(results) : renderText(results, io));
    // The report has listed each grammar problem already: stderr says once per file why the exit code is 2.
    const invalid = results.flatMap((r) => {
      const n = r.findings.filter((f) => f.rule === 'grammar').length;
      return n === 0 ? [] : [`${r.file}: not a valid policy (${n} grammar problem${n === 1 ? '' : 's'} in the report), so every call it governs would be denied`];
    });
    for (const line of invalid) io.err(terminalText(io, `error: ${line}\n`));
    outcome.code = invalid.length > 0 ? EXIT.usage : results.some((r) => r.findings.some((f) => failsOn(failOn, f))) ? EXIT.negative : EXIT.ok;
  });
}
