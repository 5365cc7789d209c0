/**
 * Options several commands share: the policy set, the resource ids (one flag per ARN placeholder, in a table), the
 * environment, the request context and the output format.
 */
import { Option, type Command } from 'commander';
import { ValidationError } from '../errors/validation.js';
import type { PolicySet, RequestContext } from '../policy/index.js';
import { CliError } from './errors.js';
import type { Io } from './io.js';
import { readPolicy } from './policy-file.js';

/** Flag → ARN placeholder (= input member) it fills. */
export const ID_FLAGS: readonly (readonly [flag: string, member: string, what: string])[] = [
  ['--app <id>', 'ApplicationId', 'project (application) id'],
  ['--segment <id>', 'SegmentId', 'segment id'],
  ['--campaign <id>', 'CampaignId', 'campaign id'],
  ['--journey <id>', 'JourneyId', 'journey id'],
  ['--endpoint <id>', 'EndpointId', 'endpoint id'],
  ['--user <id>', 'UserId', 'user id'],
  ['--job <id>', 'JobId', 'import or export job id'],
  ['--activity <id>', 'JourneyActivityId', 'journey activity id'],
  ['--run <id>', 'RunId', 'journey run id'],
  ['--kpi <name>', 'KpiName', 'KPI name'],
  ['--template <name>', 'TemplateName', 'message template name'],
  ['--template-type <type>', 'TemplateType', 'template type (EMAIL, SMS, PUSH, VOICE, INAPP)'],
  ['--template-version <version>', 'Version', 'template version'],
  ['--recommender <id>', 'RecommenderId', 'recommender id'],
  ['--attribute-type <type>', 'AttributeType', 'attribute type'],
  ['--resource-arn <arn>', 'ResourceArn', 'ARN of the resource to tag (TagResource and friends)'],
];

const flagOf = new Map(ID_FLAGS.map(([flag, member]) => [member, flag.split(' ')[0] as string]));
/** `--segment` for `SegmentId`, for messages that tell the user what to pass. */
export const flagFor = (member: string): string => flagOf.get(member) ?? member;

/** A rejected id as the flag that gave it: `--segment: expected an id other than "." or ".." ..., got the string ".."`. */
export function idFlagError(e: ValidationError): CliError {
  const head = `${e.operation}: input.${e.member}: `;
  return new CliError([`${flagFor(e.member)}: ${e.message.startsWith(head) ? e.message.slice(head.length) : e.message}`]);
}

/**
 * Help headings: `--help` lists options under these instead of one long list (commander's `helpGroup`), so the
 * sixteen id flags do not bury the policy and output options.
 */
export const HELP_GROUPS = {
  policies: 'Policies:',
  ids: 'Resource ids (each fills one ARN placeholder):',
  request: 'Request:',
  output: 'Output:',
} as const;

/** Runs `add` and files every option it added under `heading` in the help. */
function grouped(cmd: Command, heading: string, add: (cmd: Command) => Command): Command {
  const before = cmd.options.length;
  add(cmd);
  for (const option of cmd.options.slice(before)) option.helpGroup(heading);
  return cmd;
}

export function addIdOptions(cmd: Command, required: readonly string[] = []): Command {
  return grouped(cmd, HELP_GROUPS.ids, () => addIds(cmd, required));
}

function addIds(cmd: Command, required: readonly string[]): Command {
  for (const [flag, member, what] of ID_FLAGS) {
    const option = new Option(flag, `${what} (fills \${${member}})`);
    if (required.includes(member)) option.makeOptionMandatory();
    cmd.addOption(option);
  }
  return cmd;
}

/** The ids given on the command line, keyed by placeholder name. */
export function idsFrom(opts: Record<string, unknown>): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const [flag, member] of ID_FLAGS) {
    const name = new Option(flag).attributeName();
    const value = opts[name];
    if (typeof value === 'string') ids[member] = value;
  }
  return ids;
}

export function addPolicySetOptions(cmd: Command): Command {
  return grouped(cmd, HELP_GROUPS.policies, () => cmd
    // Required unless --principal loads the policies from IAM (checked by decisionInputs, in commander's words).
    .option('--policy <file...>', 'identity policy JSON file(s); an allow in any of them suffices (required without --principal)')
    .option('--boundary <file>', 'permissions boundary policy')
    .option('--scp <file...>', 'service control policies, one level each (each must allow)')
    .option('--session <file>', 'session policy'));
}

/** Reads every policy file, reporting the problems of all of them at once. */
export function policySetFrom(opts: Record<string, unknown>): PolicySet {
  const lines: string[] = [];
  const read = (file: string) => {
    try {
      return readPolicy(file);
    } catch (e) {
      if (e instanceof CliError) lines.push(...e.lines);
      else throw e;
      return undefined;
    }
  };
  const policies = ((opts.policy as string[] | undefined) ?? []).map(read);
  const boundary = typeof opts.boundary === 'string' ? read(opts.boundary) : undefined;
  const scps = ((opts.scp as string[] | undefined) ?? []).map(read);
  const session = typeof opts.session === 'string' ? read(opts.session) : undefined;
  if (lines.length > 0) throw new CliError(lines);
  return {
    policies: policies as NonNullable<(typeof policies)[number]>[],
    ...(boundary ? { permissionsBoundary: boundary } : {}),
    ...(scps.length > 0 ? { serviceControlPolicies: scps.map((p) => [p as NonNullable<typeof p>]) } : {}),
    ...(session ? { sessionPolicy: session } : {}),
  };
}

export function addEnvironmentOptions(cmd: Command): Command {
  return grouped(cmd, HELP_GROUPS.request, () => cmd
    .option('--region <region>', 'AWS Region named in ARNs (default: $AWS_REGION, else us-east-1)')
    .option('--account <id>', '12-digit account id named in ARNs (default: $AWS_ACCOUNT_ID)'));
}

/** An environment variable's value, or undefined when unset or empty (the AWS SDK reads an empty one as unset too). */
export const envValue = (io: Io, name: string): string | undefined => (io.env[name] === '' ? undefined : io.env[name]);

/** The Region and account; the account has no safe default, so its absence is an error when an ARN must be built. */
export function environmentFrom(opts: Record<string, unknown>, io: Io): { region: string; accountId: string } {
  const region = (opts.region as string | undefined) ?? envValue(io, 'AWS_REGION') ?? envValue(io, 'AWS_DEFAULT_REGION') ?? 'us-east-1';
  const accountId = (opts.account as string | undefined) ?? envValue(io, 'AWS_ACCOUNT_ID');
  if (accountId === undefined) throw new CliError(['--account: expected the 12-digit account id the ARNs name (or set AWS_ACCOUNT_ID)']);
  return { region, accountId };
}

export function addContextOption(cmd: Command): Command {
  return grouped(cmd, HELP_GROUPS.request, () => cmd.option(
    '--context <key=value...>',
    'request context keys for conditions; repeat a key for a multivalued one. Keys the client cannot see (aws:SourceIp, aws:ResourceTag/..., principal keys) are unknown unless given; keys it sets itself at run time (aws:CurrentTime, aws:EpochTime, aws:SecureTransport, aws:RequestedRegion, request tags) are what-if values, named as such in the output',
  ));
}

/** `--context aws:username=alice --context aws:TagKeys=a --context aws:TagKeys=b` → a request context. */
export function contextFrom(opts: Record<string, unknown>): RequestContext | undefined {
  const pairs = opts.context as string[] | undefined;
  if (pairs === undefined) return undefined;
  const ctx: Record<string, string | string[]> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new CliError([`--context: expected key=value, got ${JSON.stringify(pair)}`]);
    const key = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    const prior = ctx[key];
    ctx[key] = prior === undefined ? value : [...(Array.isArray(prior) ? prior : [prior]), value];
  }
  return ctx;
}

/**
 * Former names of formats, still accepted so that scripts keep working: `matrix` and `lifecycle` called their
 * terminal output `table` before every command named it `text`, as `lint` does.
 */
const FORMAT_ALIASES: Readonly<Record<string, string>> = { table: 'text' };

/** `--format` with its choices (and the former names of those), plus `--json` as its shorthand. */
export function addFormatOptions(cmd: Command, formats: readonly string[], fallback: string): Command {
  const aliases = Object.entries(FORMAT_ALIASES).filter(([, to]) => formats.includes(to));
  const said = aliases.map(([from, to]) => `; ${from} = ${to}, its former name`).join('');
  return grouped(cmd, HELP_GROUPS.output, () => cmd
    .addOption(new Option('--format <format>', `output format${said}`).choices([...formats, ...aliases.map(([from]) => from)]).default(fallback))
    .option('--json', 'shorthand for --format json'));
}

export const formatFrom = (opts: Record<string, unknown>): string => {
  const format = opts.json === true ? 'json' : (opts.format as string);
  return FORMAT_ALIASES[format] ?? format;
};

export const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
