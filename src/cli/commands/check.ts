/** `pinpoint-guard check`: the decision for one call, and why. Exit 0 allow, 1 deny, 3 conditional (2 bad input). */
import type { Command } from 'commander';
import { ValidationError } from '../../errors/validation.js';
import { parseArn } from '../../resource/arn.js';
import { isRegion } from '../../resource/region.js';
import { findAction, findOperation, operationOf, placeholdersOf } from '../../tooling/catalog.js';
import { checkPermission, type CheckResult } from '../../tooling/index.js';
import { statementName } from '../../policy/index.js';
import { didYouMean } from '../../tooling/legacy.js';
import { principalFactsOf } from '../../tooling/principal-facts.js';
import { conditionClauses, styleOf } from '../../tooling/render/decision.js';
import { fitWidth, painter } from '../../tooling/render/text.js';
import { lintErrorsOf, policyFiles, warnLintErrors } from '../banner.js';
import { CliError, EXIT } from '../errors.js';
import { outputWidth, terminalText, type Io, type Outcome } from '../io.js';
import { addPrincipalOptions, addVerifyAwsOption, decisionInputs, disagreementLines, verifyPairs } from '../principal-option.js';
import {
  addContextOption, addEnvironmentOptions, addIdOptions, addPolicySetOptions, contextFrom, environmentFrom, flagFor, idsFrom, json, policySetFrom,
} from '../options.js';

const EXAMPLES = `
Examples:
  $ pinpoint-guard check --policy read-only.json --operation GetSegment --app project1 --segment seg1 --account 123456789012
  $ pinpoint-guard check --policy admin.json --boundary boundary.json --action mobiletargeting:DeleteApp \\
      --resource arn:aws:mobiletargeting:us-east-1:123456789012:apps/project1
  $ pinpoint-guard check --policy tagged.json --action GetApp --app project1 --account 123456789012 --context aws:PrincipalTag/team=growth --json
  $ pinpoint-guard check --policy office-hours.json --operation GetApps --account 123456789012 --context aws:CurrentTime=2026-12-24T20:00:00Z
Exit 0 allow, 1 deny, 3 conditional: the decision depends on keys the client cannot see (aws:SourceIp, a resource's
tags, ...); pass them with --context to decide. Keys the client sets itself at run time (aws:CurrentTime, aws:EpochTime,
aws:SecureTransport, aws:RequestedRegion, request tags) are accepted as what-if values.`;

/** Exit code of each decision, in one table. */
const EXIT_OF: Readonly<Record<CheckResult['decision'], number>> = {
  Allow: EXIT.ok, ExplicitDeny: EXIT.negative, ImplicitDeny: EXIT.negative, Conditional: EXIT.conditional,
};

/** The ids the named operation (or action's ARN template) takes; others are ignored, as the client would reject them. */
function inputFor(operation: string | undefined, action: string | undefined, ids: Record<string, string>): Record<string, string> {
  const op = operation !== undefined ? findOperation(operation) : undefined;
  const spec = action !== undefined ? findAction(action) : undefined;
  const wanted = op?.labels ?? (spec ? (operationOf(spec)?.labels ?? placeholdersOf(spec.resource)) : Object.keys(ids));
  return Object.fromEntries(wanted.flatMap((m) => (ids[m] === undefined ? [] : [[m, ids[m] as string]])));
}

/**
 * The decision, its reason in plain words, and what the reason does not already say: further deciding statements,
 * further near misses (the reason names the nearest), missing context keys, notes. Nothing is printed twice.
 */
function render(r: CheckResult, io: Io, isPrincipalKey: (lowerKey: string) => boolean = () => false): string {
  const paint = painter(io.color);
  const style = styleOf(r.decision);
  const more = <T>(list: readonly T[]) => list.slice(1);
  // A key the principal states is absent by IAM's answer, not for want of --context.
  const unset = r.missingContextKeys.filter((k) => isPrincipalKey(k.toLowerCase()));
  const missing = r.missingContextKeys.filter((k) => !isPrincipalKey(k.toLowerCase()));
  const lines = [
    `${paint(style.color, `${style.mark} ${style.label.toUpperCase()}`)}  ${r.action} on ${r.resource}`,
    // A conditional reason spells out its requirements; they are printed one per line instead, not twice.
    ...(r.decision === 'Conditional' ? [
      `  depends on: ${r.dependsOn.join(', ')} (the client cannot see ${r.dependsOn.length === 1 ? 'it' : 'them'}; pass --context key=value to decide)`,
      ...conditionClauses(r.requirements).map((c) => `  ${c}`),
    ] : [`  ${r.reason}`]),
    ...(r.matchedStatements.length > 1 ? [`  deciding statements: ${r.matchedStatements.map(statementName).join(', ')}`] : []),
    ...more(r.nearMisses).map((m) => `  other near miss: ${statementName(m)} failed on its ${m.failed}: ${m.detail}`),
    ...(missing.length > 0 ? [`  missing context keys: ${missing.join(', ')} (pass --context key=value)`] : []),
    ...(unset.length > 0 ? [`  not set for the principal: ${unset.join(', ')} (as IAM holds it; --context cannot change that)`] : []),
    ...r.whatIf.map((k) => `  what-if: ${k} as given with --context (the client sets it itself at run time)`),
    ...r.notes.map((n) => `  note: ${n}`),
  ];
  const { text, cut } = fitWidth(lines.join('\n'), outputWidth(io));
  return terminalText(io, `${text}\n${cut ? 'lines cut at … to fit the terminal: --json shows the whole decision\n' : ''}`);
}

export function registerCheck(program: Command, io: Io, outcome: Outcome): void {
  const cmd = program
    .command('check')
    .description('decide one call against the policies, without sending it; exit 0 allow, 1 deny, 3 conditional')
    .option('--operation <name>', 'operation (GetSegment or getSegment); its ARN is built from the id flags as the client builds it')
    .option('--action <name>', 'IAM action (GetSegment or mobiletargeting:GetSegment)')
    .option('--resource <arn>', 'the resource ARN, used as given (with --action); its Region is the default --region')
    .option('--json', 'print the decision as JSON');
  addPolicySetOptions(cmd);
  addIdOptions(cmd);
  addEnvironmentOptions(cmd);
  addContextOption(cmd);
  addPrincipalOptions(cmd);
  addVerifyAwsOption(cmd);
  cmd.addHelpText('after', EXAMPLES).action(async (opts: Record<string, unknown>) => {
    const operation = opts.operation as string | undefined;
    const action = opts.action as string | undefined;
    const resource = opts.resource as string | undefined;
    if (operation === undefined && action === undefined) throw new CliError(['check: expected --operation NAME or --action NAME']);
    const ids = idsFrom(opts);
    if (resource !== undefined && Object.keys(ids).length > 0) throw new CliError(['check: give either --resource ARN or id flags (--app ...), not both']);
    if (resource === undefined && Object.keys(ids).length === 0 && operation === undefined && findAction(action ?? '') === undefined) {
      throw new CliError([`check: expected --resource ARN for ${action}, which the catalog does not know${didYouMean(action ?? '')}`]);
    }
    const arn = resource === undefined ? undefined : parseArn(resource);
    if (resource !== undefined && arn === undefined) {
      throw new CliError([`--resource: expected an ARN (arn:<partition>:<service>:<region>:<account>:<resource>), got ${JSON.stringify(resource)}`]);
    }
    const inputs = await decisionInputs(opts, io, () => policySetFrom(opts), contextFrom(opts));
    const { set, context } = inputs;
    const files = policyFiles(opts);
    warnLintErrors(io, lintErrorsOf(files, new Date()), files);
    // The account a principal loaded from IAM belongs to is the default one ARNs name.
    if (inputs.principal && opts.account === undefined) opts.account = inputs.principal.accountId;
    // With --resource no ARN is built, so the account is not needed; the Region feeds aws:RequestedRegion, and without
    // --region it is the ARN's own (a client for that resource runs there).
    const env = arn === undefined
      ? environmentFrom(opts, io)
      : { region: (opts.region as string | undefined) ?? (isRegion(arn.region) ? arn.region : undefined) ?? io.env.AWS_REGION ?? 'us-east-1', accountId: (opts.account as string | undefined) ?? '' };
    let result: CheckResult;
    try {
      result = checkPermission({
        ...set, ...env,
        ...(operation !== undefined ? { operation } : {}),
        ...(action !== undefined ? { action } : {}),
        ...(resource !== undefined ? { resource } : { input: inputFor(operation, action, ids) }),
        ...(context ? { context } : {}),
        // The principal's keys are facts, absence included, as the client's guard takes them.
        ...(inputs.principal ? { principal: inputs.principal } : {}),
      });
    } catch (e) {
      // Name the flag, not only the input member: the user typed flags.
      if (e instanceof ValidationError && e.member !== '(input)') throw new CliError([`${e.message} (pass ${flagFor(e.member)})`]);
      throw e;
    }
    const verified = opts.verifyAws === true ? await verifyPairs(opts, io, inputs, [{ action: result.action, resource: result.resource }]) : undefined;
    io.out(opts.json === true
      ? json(verified ? { ...result, aws: verified.pairs[0] } : result)
      : render(result, io, principalFactsOf(inputs.principal)?.isFact) + (verified ? `${disagreementLines(verified).map((l) => `  ${l}`).join('\n')}\n` : ''));
    outcome.code = EXIT_OF[result.decision];
  });
}
