/** `pinpoint-guard matrix`: every catalog action × decision for one project, as a table, JSON, Markdown or an HTML page. */
import type { Command } from 'commander';
import { ValidationError } from '../../errors/validation.js';
import { permissionMatrix } from '../../tooling/index.js';
import { renderMatrixHtml, type MatrixPageInfo } from '../../tooling/render/matrix-html.js';
import { packageVersion } from '../version.js';
import { wrapWidth } from '../../tooling/render/text.js';
import { decisionCounts, renderMatrixMarkdown, renderMatrixTable } from '../../tooling/render/matrix.js';
import { lintErrorsOf, policyFiles, warnLintErrors } from '../banner.js';
import type { PermissionMatrix } from '../../tooling/matrix.js';
import { outputWidth, terminalText, writeText, type Io, type Outcome } from '../io.js';
import { CliError } from '../errors.js';
import { addPrincipalOptions, addVerifyAwsOption, decisionInputs, disagreementLines, verifyPairs } from '../principal-option.js';
import {
  addContextOption, addEnvironmentOptions, addFormatOptions, addIdOptions, addPolicySetOptions, contextFrom, environmentFrom, formatFrom, idFlagError, idsFrom, json,
  policySetFrom,
} from '../options.js';

const EXAMPLES = `
Examples:
  $ pinpoint-guard matrix --policy read-only.json --region us-east-1 --account 123456789012 --app project1
  $ pinpoint-guard matrix --policy admin.json deny-deletes.json --region us-east-1 --account 123456789012 --app project1 \\
      --segment seg1 --format html --out matrix.html
An id not given is checked as the id "*": only a wildcard in a policy matches it, an exact ARN does not; such rows are
marked *. Give the id flags to check real resources.`;

/** Renderers by format; colour only for the terminal table on a TTY. */
interface Target {
  readonly color: boolean;
  readonly width: number | undefined;
  readonly page: MatrixPageInfo;
}
const RENDER: Readonly<Record<string, (m: PermissionMatrix, to: Target) => string>> = {
  text: (m, to) => wrapWidth(renderMatrixTable(m, { color: to.color, ...(to.width === undefined ? {} : { width: to.width }) }), to.width),
  json: (m) => json(m),
  markdown: (m) => renderMatrixMarkdown(m),
  html: (m, to) => renderMatrixHtml(m, to.page),
};

export function registerMatrix(program: Command, io: Io, outcome: Outcome): void {
  const cmd = program.command('matrix').description('decide every catalog action on one project\'s resources');
  addPolicySetOptions(cmd);
  // The Region defaults as in check; the account is required without --principal, whose account is the default.
  addEnvironmentOptions(cmd);
  addIdOptions(cmd, ['ApplicationId']);
  addContextOption(cmd);
  addFormatOptions(cmd, Object.keys(RENDER), 'text');
  addPrincipalOptions(cmd);
  addVerifyAwsOption(cmd);
  cmd.option('--out <file>', 'write to this file instead of stdout').addHelpText('after', EXAMPLES).action(async (opts: Record<string, unknown>) => {
    const inputs = await decisionInputs(opts, io, () => policySetFrom(opts), contextFrom(opts));
    const { set, context } = inputs;
    if (opts.account === undefined) opts.account = inputs.principal?.accountId;
    if (opts.account === undefined) throw new CliError(["required option '--account <id>' not specified"]);
    const files = policyFiles(opts);
    const findings = lintErrorsOf(files, new Date());
    warnLintErrors(io, findings, files);
    let m: PermissionMatrix;
    try {
      m = permissionMatrix({ ...set, ...environmentFrom(opts, io), resources: idsFrom(opts), ...(context ? { context } : {}), ...(inputs.principal ? { principal: inputs.principal } : {}) });
    } catch (e) {
      if (e instanceof ValidationError) throw idFlagError(e);
      throw e;
    }
    const out = opts.out as string | undefined;
    const page = { policyFiles: files, ...(context ? { context } : {}), toolVersion: packageVersion(), generatedAt: new Date(), findings };
    const text = (RENDER[formatFrom(opts)] as (typeof RENDER)[string])(m, { color: io.color && out === undefined, width: out === undefined ? outputWidth(io) : undefined, page });
    if (out === undefined) io.out(text);
    else {
      writeText(out, text);
      io.err(`wrote ${out} (${decisionCounts(m)})\n`);
    }
    if (opts.verifyAws === true) {
      const pairs = m.groups.flatMap((g) => g.cells.map((c) => ({ action: c.action, resource: c.resource })));
      // The matrix's own output stays as it is (a file, JSON, HTML): the comparison goes to stderr.
      for (const line of disagreementLines(await verifyPairs(opts, io, inputs, pairs))) io.err(terminalText(io, `${line}\n`));
    }
    outcome.code = 0;
  });
}
