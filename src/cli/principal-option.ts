/** `--principal <arn|auto>`: load the policies, boundary and principal keys from IAM (loaded only when given). */
import type { Command } from 'commander';
import type { Io } from './io.js';
import type { LoadedPrincipal } from '../principal/types.js';
import { CliError } from './errors.js';

export function addPrincipalOptions(cmd: Command, defaultValue?: string): Command {
  const option = cmd.createOption('--principal <arn|auto>', 'load the policies, permissions boundary and principal keys from IAM (auto: whoever the credentials belong to, per STS)');
  if (defaultValue !== undefined) option.default(defaultValue);
  cmd.addOption(option);
  if (!cmd.options.some((o) => o.long === '--region')) cmd.option('--region <region>', 'the Region (default AWS_REGION, else us-east-1)');
  return cmd;
}

/** The principal `--principal` names, loaded from IAM; `undefined` without the flag. @throws CliError on bad input. */
export async function principalFrom(opts: Record<string, unknown>, io: Io): Promise<LoadedPrincipal | undefined> {
  const given = opts.principal as string | undefined;
  if (given === undefined) return undefined;
  const { loadPrincipal } = await import('../principal/load.js');
  const region = (opts.region as string | undefined) ?? io.env.AWS_REGION ?? 'us-east-1';
  try {
    return await loadPrincipal({ region, ...(given === 'auto' ? {} : { principalArn: given }) });
  } catch (e) {
    if (e instanceof TypeError) throw new CliError([`--principal: ${e.message.replace(/^loadPrincipal: options\.(principalArn|region): /, '')}`]);
    throw e;
  }
}
