/** `--principal <arn|auto>`: load the policies, boundary and principal keys from IAM (loaded only when given). */
import type { Command } from 'commander';
import type { Io } from './io.js';
import type { LoadedPrincipal } from '../principal/types.js';
import type { VerifyResult } from '../principal/verify.js';
import type { PolicySet, RequestContext } from '../policy/index.js';
import { CliError } from './errors.js';

export function addPrincipalOptions(cmd: Command, defaultValue?: string): Command {
  const option = cmd.createOption('--principal <arn|auto>', 'load the policies, permissions boundary and principal keys from IAM (auto: whoever the credentials belong to, per STS)');
  if (defaultValue !== undefined) option.default(defaultValue);
  cmd.addOption(option);
  cmd.option('--session-tags <key=value,...|none>', "with --principal, the tags the role session was created with (none: it has none); without it a role's aws:PrincipalTag/* keys are unknown, since session tags override the role's");
  if (!cmd.options.some((o) => o.long === '--region')) cmd.option('--region <region>', 'the Region (default AWS_REGION, else us-east-1)');
  return cmd;
}

/** `--session-tags`: `none` is a session without tags; otherwise `key=value` pairs separated by commas. */
function sessionTagsFrom(text: string | undefined): Readonly<Record<string, string>> | undefined {
  if (text === undefined) return undefined;
  if (text.trim() === 'none') return {};
  const tags: Record<string, string> = {};
  for (const pair of text.split(',')) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new CliError([`--session-tags: expected key=value pairs separated by commas, or none; got ${JSON.stringify(pair)}`]);
    tags[pair.slice(0, at).trim()] = pair.slice(at + 1);
  }
  return tags;
}

/** The principal `--principal` names, loaded from IAM; `undefined` without the flag. @throws CliError on bad input. */
export async function principalFrom(opts: Record<string, unknown>, io: Io): Promise<LoadedPrincipal | undefined> {
  const given = opts.principal as string | undefined;
  if (given === undefined) return undefined;
  const { loadPrincipal } = await import('../principal/load.js');
  const region = (opts.region as string | undefined) ?? io.env.AWS_REGION ?? 'us-east-1';
  try {
    const sessionTags = sessionTagsFrom(opts.sessionTags as string | undefined);
    return await loadPrincipal({ region, ...(given === 'auto' ? {} : { principalArn: given }), ...(sessionTags ? { sessionTags } : {}) });
  } catch (e) {
    if (e instanceof TypeError) throw new CliError([`--principal: ${e.message.replace(/^loadPrincipal: options\.(principalArn|region): /, '')}`]);
    throw e;
  }
}

/** `--verify-aws`: decide with AWS's own policy simulator too. */
export function addVerifyAwsOption(cmd: Command): Command {
  return cmd.option('--verify-aws', "also ask AWS's policy simulator (iam:SimulatePrincipalPolicy with --principal, else SimulateCustomPolicy) and report where it disagrees");
}

/** The policy set and context a command decides with: from --principal (IAM) or from the policy files. */
export async function decisionInputs(opts: Record<string, unknown>, io: Io, fromFiles: () => PolicySet, context: RequestContext | undefined): Promise<{ readonly set: PolicySet; readonly context: RequestContext | undefined; readonly principal: LoadedPrincipal | undefined }> {
  if (opts.principal !== undefined && opts.policy !== undefined) throw new CliError(['--policy: not with --principal, whose identity policies and boundary come from IAM (add --session or --scp to narrow them)']);
  if (opts.principal === undefined && opts.policy === undefined) throw new CliError(["required option '--policy <file...>' not specified (or load them from IAM with --principal <arn|auto>)"]);
  const principal = await principalFrom(opts, io);
  if (!principal) return { set: fromFiles(), context, principal };
  const files = fromFiles();
  return {
    set: {
      policies: principal.policySet.policies,
      ...(principal.policySet.permissionsBoundary ? { permissionsBoundary: principal.policySet.permissionsBoundary } : {}),
      ...(files.serviceControlPolicies ? { serviceControlPolicies: files.serviceControlPolicies } : {}),
      ...(files.sessionPolicy !== undefined ? { sessionPolicy: files.sessionPolicy } : {}),
    },
    // The caller's context as given: check, matrix and verifyWithAws take the principal's keys as facts themselves.
    context,
    principal,
  };
}

/** AWS's decisions for the pairs, with the disagreements (--verify-aws). */
export async function verifyPairs(
  opts: Record<string, unknown>, io: Io, inputs: { readonly set: PolicySet; readonly context: RequestContext | undefined; readonly principal: LoadedPrincipal | undefined },
  pairs: readonly { readonly action: string; readonly resource: string }[],
): Promise<VerifyResult> {
  const { verifyWithAws } = await import('../principal/verify.js');
  const region = (opts.region as string | undefined) ?? io.env.AWS_REGION ?? 'us-east-1';
  return verifyWithAws({ region, pairs, ...(inputs.context ? { context: inputs.context } : {}), ...(inputs.principal ? { principal: inputs.principal } : { policySet: inputs.set }) });
}

/** One line per disagreement, for text output. */
export function disagreementLines(result: VerifyResult): string[] {
  if (result.disagreements.length === 0) return [`AWS's simulator (${result.api}) agrees on all ${result.pairs.length} pair(s).`];
  return [
    `AWS's simulator (${result.api}) disagrees on ${result.disagreements.length} of ${result.pairs.length} pair(s):`,
    ...result.disagreements.map((d) => `  ${d.action} on ${d.resource}: guard ${d.guard}, AWS ${d.aws}`),
  ];
}
