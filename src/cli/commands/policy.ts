/**
 * `pinpoint-guard policy`: the least-privilege policy for a recording (what a client in `record` mode returned) or for
 * a list of operations on given ids, with its self-check. Exit 1 when the check finds a recorded call it does not allow.
 */
import { Option, type Command } from 'commander';
import { bindCall } from '../../client/bind.js';
import { ValidationError } from '../../errors/validation.js';
import { guardResource } from '../../guard/decide.js';
import { findOperation, placeholdersOf } from '../../tooling/catalog.js';
import { didYouMeanOperation } from '../../tooling/legacy.js';
import { callProblems, generatePolicy, type GeneratedPolicy, type Granularity, type PolicyCall } from '../../tooling/index.js';
import { CliError, EXIT } from '../errors.js';
import { readJson, writeText, type Io, type Outcome } from '../io.js';
import { readPolicy } from '../policy-file.js';
import { addEnvironmentOptions, addIdOptions, environmentFrom, flagFor, idsFrom, json } from '../options.js';

const EXAMPLES = `
Examples:
  $ pinpoint-guard policy --from-recording recorded.json
  $ pinpoint-guard policy --operations getSegment,createCampaign --app project1 --segment seg1 --region us-east-1 --account 123456789012
  $ pinpoint-guard policy --operations getSegment --app project1 --account 123456789012   # every segment of project1
  $ pinpoint-guard policy --from-recording recorded.json --granularity app --out policy.json
  $ pinpoint-guard policy --from-source tsconfig.json --account 123456789012 --out policy.json
  $ pinpoint-guard policy --from-source backend/ --check current-policy.json --account 123456789012
A recording is a JSON array of { action, resource } (client.recorded() in record mode), or { "calls": [...] }.
--from-source reads a TypeScript project with its type checker (it needs the optional peer dependency ts-morph) and
finds every call of a PinpointClient method or paginator; the policy goes to stdout, the explanation (each Sid's call
sites, the ids that became wildcards, the calls left unresolved) to stderr. Exit 1 when a call is unresolved, or, with
--check, when the policy would deny a call.`;

/** The calls of a recording file, each entry checked as a call a Pinpoint client could make; one line per problem. */
function callsFromRecording(file: string): PolicyCall[] {
  const doc = readJson(file);
  const list = Array.isArray(doc) ? doc : (doc as { calls?: unknown; recorded?: unknown } | null)?.calls ?? (doc as { recorded?: unknown } | null)?.recorded;
  if (!Array.isArray(list)) throw new CliError([`${file}: (document): expected an array of { action, resource } or { "calls": [...] }`]);
  const prefix = Array.isArray(doc) ? '' : 'calls';
  const problems = list.flatMap((c: unknown, i) => callProblems(c).map((p) => `${file}: ${prefix}[${i}].${p.field}: ${p.message}`));
  if (problems.length > 0) throw new CliError(problems);
  if (list.length === 0) {
    throw new CliError([`${file}: the recording holds no calls, so there is nothing to grant; record with a client in mode 'record' and save client.recorded()`]);
  }
  return (list as PolicyCall[]).map((c) => ({ action: c.action, resource: c.resource }));
}

/** Ids a missing flag cannot stand for: the project (every policy is per project) and a whole ARN (TagResource). */
const ALWAYS_REQUIRED: ReadonlySet<string> = new Set(['ApplicationId', 'ResourceArn']);

/**
 * The calls that running `operations` on the given ids would make, ARNs built as the client builds them. An id that is
 * not given (other than the project's) becomes a wildcard: `--app a1` with getSegment grants `apps/a1/segments/*`, and
 * the self-check says so. Given ids are validated by `bindCall` and stay exact.
 */
function callsFromOperations(names: string, ids: Record<string, string>, env: { region: string; accountId: string }): PolicyCall[] {
  const listed = names.split(',').map((n) => n.trim()).filter((n) => n !== '');
  if (listed.length === 0) throw new CliError(['--operations: no operation given; expected catalog operations such as getSegment,createCampaign']);
  return listed.map((name) => {
    const op = findOperation(name);
    if (op === undefined) {
      throw new CliError([`--operations: unknown operation "${name}"${didYouMeanOperation(name) || '; expected catalog operations such as getSegment,createCampaign'}`]);
    }
    const open = op.labels.filter((m) => ids[m] === undefined && !ALWAYS_REQUIRED.has(m));
    const input = Object.fromEntries(op.labels.flatMap((m) => (ids[m] !== undefined ? [[m, ids[m]]] : open.includes(m) ? [[m, '*']] : [])));
    const inArn = new Set(placeholdersOf(op.resource));
    const anyIds = open.filter((m) => inArn.has(m));
    try {
      return { ...guardResource({ call: bindCall(op, input) }, env), ...(anyIds.length > 0 ? { anyIds } : {}) };
    } catch (e) {
      if (e instanceof ValidationError && e.member !== '(input)') throw new CliError([`${e.message} (pass ${flagFor(e.member)})`]);
      throw e;
    }
  });
}

/** `policy --from-source`: the policy the project's calls need, or with `--check`, the calls a given policy would deny. */
async function fromSource(project: string, opts: Record<string, unknown>, io: Io, outcome: Outcome): Promise<void> {
  const env = environmentFrom(opts, io);
  const source = await import('../../tooling/source/index.js');
  const check = opts.check as string | undefined;
  if (check !== undefined) {
    const r = await source.checkSourcePolicy({ project, ...env, policy: readPolicy(check), policyLabel: check });
    io.out(opts.json === true ? json(r) : source.sourceCheckReport(r));
    outcome.code = r.allowsEveryCall && r.unresolved.length === 0 ? EXIT.ok : EXIT.negative;
    return;
  }
  const r = await source.policyFromSource({ project, ...env, granularity: opts.granularity as Granularity });
  const out = opts.out as string | undefined;
  if (out !== undefined) writeText(out, json(r.policy));
  if (opts.json === true) io.out(json(r));
  else {
    if (out === undefined) io.out(json(r.policy));
    io.err(source.sourcePolicyReport(r));
  }
  outcome.code = r.check.allowsEveryCall && r.unresolved.length === 0 && r.calls.length > 0 ? EXIT.ok : EXIT.negative;
}

/** The self-check in one line; `what` names the calls as the user gave them (recorded, or from --operations). */
function summary(g: GeneratedPolicy, calls: number, what: 'recorded call' | 'call of --operations'): string {
  const c = g.check;
  const allows = c.allowsEveryCall ? `allows every ${what} (${calls})` : `DOES NOT allow ${c.deniedCalls.length} ${what}(s)`;
  const extra = c.extraGrants.length === 0
    ? 'grants nothing else across the catalog on those resources'
    : `also grants ${c.extraGrants.length} unrecorded (action, resource) pair(s) on those resources, e.g. ${c.extraGrants[0]?.action} on ${c.extraGrants[0]?.resource}`;
  return `check: ${allows}; ${extra}\n${c.notes.map((n) => `note: ${n}\n`).join('')}`;
}

export function registerPolicy(program: Command, io: Io, outcome: Outcome): void {
  const cmd = program
    .command('policy')
    .description('generate the least-privilege policy for recorded calls, and check it')
    .option('--from-recording <file>', 'recorded calls: JSON array of { action, resource }')
    .option('--operations <names>', 'comma-separated operations (getSegment,createCampaign) to run on the id flags; an id not given, other than --app, is a wildcard')
    .option('--from-source <project>', 'a TypeScript project (tsconfig.json or folder): the policy its PinpointClient calls need, read by type')
    .option('--check <policy.json>', 'with --from-source: the calls this policy would deny (exit 1) and the grants no call uses');
  addIdOptions(cmd);
  addEnvironmentOptions(cmd);
  cmd
    .addOption(new Option('--granularity <granularity>', 'exact ARNs, or apps/<id> and apps/<id>/* per project').choices(['exact', 'app']).default('exact'))
    .option('--out <file>', 'write the policy JSON to this file')
    .option('--json', 'print { policy, check } as JSON')
    .addHelpText('after', EXAMPLES)
    .action(async (opts: Record<string, unknown>) => {
      const recording = opts.fromRecording as string | undefined;
      const operations = opts.operations as string | undefined;
      const project = opts.fromSource as string | undefined;
      if ([recording, operations, project].filter((x) => x !== undefined).length !== 1) {
        throw new CliError(['policy: expected exactly one of --from-recording FILE, --operations NAMES or --from-source PROJECT']);
      }
      if (opts.check !== undefined && project === undefined) throw new CliError(['--check: needs --from-source PROJECT (the calls to check the policy against)']);
      if (project !== undefined) return fromSource(project, opts, io, outcome);
      const calls = recording !== undefined ? callsFromRecording(recording) : callsFromOperations(operations as string, idsFrom(opts), environmentFrom(opts, io));
      const generated = generatePolicy({ calls, granularity: opts.granularity as Granularity });
      const out = opts.out as string | undefined;
      if (out !== undefined) writeText(out, json(generated.policy));
      if (opts.json === true) io.out(json(generated));
      else {
        if (out === undefined) io.out(json(generated.policy));
        io.err(summary(generated, calls.length, recording !== undefined ? 'recorded call' : 'call of --operations'));
      }
      outcome.code = generated.check.allowsEveryCall ? EXIT.ok : EXIT.negative;
    });
}
