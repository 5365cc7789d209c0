/** `pinpoint-guard whoami`: the caller as IAM knows it — the principal, each policy's source, the principal keys AWS sets. */
import type { Command } from 'commander';
import { terminalText, type Io, type Outcome } from '../io.js';
import type { LoadedPrincipal } from '../../principal/types.js';
import { EXIT } from '../errors.js';
import { addPrincipalOptions, principalFrom } from '../principal-option.js';

const EXAMPLES = `
Examples:
  $ pinpoint-guard whoami
  $ pinpoint-guard whoami --principal arn:aws:iam::123456789012:role/backend --json
Credentials come from the AWS SDK's default chain (AWS_ACCESS_KEY_ID, AWS_PROFILE, ...); AWS_ENDPOINT_URL_IAM and
AWS_ENDPOINT_URL_STS point it at other endpoints. Needs @aws-sdk/client-iam and @aws-sdk/client-sts.`;

function render(p: LoadedPrincipal): string {
  const lines = [
    `${p.principalArn} (${p.principalType}, account ${p.accountId})`,
    `policies (${p.sources.length}):`,
    ...p.sources.map((s) => `  ${s.kind.padEnd(20)} ${s.label}`),
    'principal keys:',
    ...Object.entries(p.context).map(([k, v]) => `  ${k} = ${String(v)}`),
    ...(p.notLoaded.length > 0 ? ['not loaded (IAM cannot tell):', ...p.notLoaded.map((n) => `  ${n}`)] : []),
  ];
  return `${lines.join('\n')}\n`;
}

export function registerWhoami(program: Command, io: Io, outcome: Outcome): void {
  const cmd = program
    .command('whoami')
    .description("load the caller's principal from IAM: its ARN, each policy's source and the principal keys AWS sets")
    .option('--json', 'print the loaded principal as JSON');
  addPrincipalOptions(cmd, 'auto');
  cmd.addHelpText('after', EXAMPLES).action(async (opts: Record<string, unknown>) => {
    const principal = (await principalFrom(opts, io))!;
    io.out(opts.json === true ? `${JSON.stringify(principal, null, 2)}\n` : terminalText(io, render(principal)));
    outcome.code = EXIT.ok;
  });
}
