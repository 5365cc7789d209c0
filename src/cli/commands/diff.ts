/**
 * `pinpoint-guard diff`: what a policy change grants. Exit 0 the change grants nothing new, 1 it grants new access
 * (listed), 2 bad input, 3 cannot tell (the notes name the statement and why).
 */
import type { Command } from 'commander';
import type { RequestContext } from '../../policy/index.js';
import { diffPolicies, type DiffSide, type PolicyDiff } from '../../tooling/diff/index.js';
import { CliError, EXIT } from '../errors.js';
import { readText, type Io, type Outcome } from '../io.js';
import { addFormatOptions, formatFrom, json, policySetFrom } from '../options.js';
import { principalFrom } from '../principal-option.js';
import { packageVersion } from '../version.js';

const EXAMPLES = `
Examples:
  $ pinpoint-guard diff --before policy.json --after policy.proposed.json
  $ pinpoint-guard diff --before a.json b.json --after merged.json --format markdown > comment.md
  $ pinpoint-guard diff --before-principal auto --after proposed.json --json
  $ pinpoint-guard diff --before old.json --after new.json --format sarif > diff.sarif   # upload to CI code scanning
Every mobiletargeting action of the catalog is compared over every request ARN its resource type can have and every
request context, exactly: "cannot tell" (exit 3) only for what diff cannot enumerate (a policy variable in a Resource or
condition value, a key compared as two types), named in the notes.
Exit codes: 0 no new access, 1 new access (listed), 2 bad input, 3 cannot tell.`;

/** Exit code of each verdict, in one table. */
const EXIT_OF: Readonly<Record<PolicyDiff['verdict'], number>> = {
  'no-new-access': EXIT.ok, 'new-access': EXIT.negative, unknown: EXIT.conditional,
};

/** One side from its files (`--before`, `--before-boundary`, `--before-scp`), with every file's problems as lines. */
function sideFromFiles(opts: Record<string, unknown>, side: 'before' | 'after', lines: string[]): DiffSide | undefined {
  try {
    return policySetFrom({ policy: opts[side], boundary: opts[`${side}Boundary`], scp: opts[`${side}Scp`] });
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    lines.push(...e.lines);
    return undefined;
  }
}

/** The `before` side: files, or the principal IAM holds today (`--before-principal`) with any --before-scp levels. */
async function beforeSide(opts: Record<string, unknown>, io: Io, lines: string[]): Promise<{ side: DiffSide; context?: RequestContext } | undefined> {
  const principalArn = opts.beforePrincipal as string | undefined;
  if (principalArn === undefined) {
    const side = sideFromFiles(opts, 'before', lines);
    return side === undefined ? undefined : { side };
  }
  if (opts.before !== undefined || opts.beforeBoundary !== undefined) {
    throw new CliError(['--before: not with --before-principal, whose identity policies and boundary come from IAM']);
  }
  const scps = sideFromFiles({ beforeScp: opts.beforeScp }, 'before', lines);
  const principal = await principalFrom({ principal: principalArn, region: opts.region, sessionTags: opts.sessionTags }, io);
  if (principal === undefined) return undefined;
  // The proposal is for the same principal: its own keys (tags, ARN, account) are facts on both sides.
  const { mergePrincipalContext } = await import('../../principal/identity.js');
  return {
    side: {
      policies: principal.policySet.policies,
      ...(principal.policySet.permissionsBoundary ? { permissionsBoundary: principal.policySet.permissionsBoundary } : {}),
      ...(scps?.serviceControlPolicies ? { serviceControlPolicies: scps.serviceControlPolicies } : {}),
    },
    context: mergePrincipalContext({}, principal),
  };
}

export function registerDiff(program: Command, io: Io, outcome: Outcome): void {
  const cmd = program
    .command('diff')
    .description('what a policy change grants: the requests the after policies allow and the before ones do not; exit 0 nothing new, 1 new access, 3 cannot tell')
    .option('--before <file...>', 'identity policy JSON file(s) of today (required without --before-principal)')
    .option('--after <file...>', 'identity policy JSON file(s) of the change')
    .option('--before-boundary <file>', 'permissions boundary of the before side')
    .option('--after-boundary <file>', 'permissions boundary of the after side')
    .option('--before-scp <file...>', 'service control policies of the before side, one level each')
    .option('--after-scp <file...>', 'service control policies of the after side, one level each')
    .option('--before-principal <arn|auto>', 'the before side is what the principal holds in IAM today (auto: whoever the credentials belong to), as whoami loads it; its own keys (tags) hold on both sides')
    .option('--session-tags <key=value,...|none>', "with --before-principal, the tags the role session was created with (none: it has none); without it a role's aws:PrincipalTag/* keys are unknown on both sides, since session tags override the role's")
    .option('--region <region>', 'the Region for IAM and STS calls (default AWS_REGION, else us-east-1)');
  addFormatOptions(cmd, ['text', 'json', 'markdown', 'sarif'], 'text');
  cmd.addHelpText('after', EXAMPLES).action(async (opts: Record<string, unknown>) => {
    if (opts.after === undefined) throw new CliError(["required option '--after <file...>' not specified"]);
    if (opts.before === undefined && opts.beforePrincipal === undefined) {
      throw new CliError(["required option '--before <file...>' not specified (or compare with what IAM holds today: --before-principal <arn|auto>)"]);
    }
    const lines: string[] = [];
    const before = await beforeSide(opts, io, lines);
    const after = sideFromFiles(opts, 'after', lines);
    if (lines.length > 0 || before === undefined || after === undefined) throw new CliError(lines);
    const d = diffPolicies({ before: before.side, after, ...(before.context ? { context: before.context } : {}) });
    const format = formatFrom(opts);
    if (format === 'json') io.out(json(d));
    else if (format === 'markdown') io.out((await import('../../tooling/render/diff.js')).diffMarkdown(d));
    else if (format === 'sarif') {
      const { diffSarif } = await import('../../tooling/render/diff.js');
      const files = (opts.after as string[]).map((file) => ({ file, text: readText(file) }));
      io.out(json(diffSarif(d, files, { version: packageVersion() })));
    } else io.out((await import('../../tooling/render/diff.js')).diffText(d, io.color));
    outcome.code = EXIT_OF[d.verdict];
  });
}
