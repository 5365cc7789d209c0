/** The one ARN builder: catalog ARN templates filled with a call's validated parameters. */
import { isRegion, partitionFor } from './region.js';

export { partitionFor, type Partition } from './region.js';

/** The Region and account an ARN's `${Region}` and `${Account}` stand for (the partition follows the Region). */
export interface ArnEnvironment { readonly region: string; readonly accountId: string }

/** An ARN could not be built: a value is missing or malformed. The guard denies. */
export class ArnBuildError extends Error {
  /** Set when the input member that supplied the value is at fault (it becomes a ValidationError at the client). */
  readonly input: { readonly member: string; readonly expected: string; readonly got: string } | undefined;
  constructor(message: string, input?: ArnBuildError['input']) {
    super(message);
    this.name = 'ArnBuildError';
    this.input = input;
  }
}

const ACCOUNT = /^\d{12}$/;

/**
 * Fills `${Partition}`, `${Region}`, `${Account}` from the environment and every other placeholder from `params`.
 * Throws `ArnBuildError` when a value is missing or malformed — the guard turns that into a deny.
 */
export function buildArn(template: string, params: Readonly<Record<string, string>>, env: ArnEnvironment): string {
  checkEnvironment(env);
  const t = templateOf(template);
  const last = t.last;
  if (last !== undefined && sameValues(t.parts, params, env, last.values)) return last.arn;
  let out = '';
  const values: string[] = [];
  for (const part of t.parts) {
    if (typeof part === 'string') { out += part; continue; }
    const name = part.placeholder;
    const value = filling(name, params, env);
    if (value === undefined) throw new ArnBuildError(`no value for \${${name}} in ${template}`);
    out += name === 'Partition' ? partitionFor(value) : value;
    values.push(value);
  }
  t.last = { values, arn: out };
  return out;
}

/** What fills a placeholder, the partition standing for its Region (the partition follows the Region). */
function filling(name: string, params: Readonly<Record<string, string>>, env: ArnEnvironment): string | undefined {
  return name === 'Region' || name === 'Partition' ? env.region : name === 'Account' ? env.accountId : params[name];
}

/** The Region and account last found well-formed: the guard builds an ARN before every request, for one client's. */
let checkedRegion: string | undefined;
let checkedAccount: string | undefined;

function checkEnvironment(env: ArnEnvironment): void {
  if (env.region !== checkedRegion) {
    if (!isRegion(env.region)) throw new ArnBuildError(`region "${env.region}" is not a valid AWS Region name`);
    checkedRegion = env.region;
  }
  if (env.accountId !== checkedAccount) {
    if (!ACCOUNT.test(env.accountId)) throw new ArnBuildError('the account id must be 12 digits');
    checkedAccount = env.accountId;
  }
}

type TemplatePart = string | { readonly placeholder: string };

/**
 * A template split once into literal text and placeholders, and the ARN it last gave with the values that filled it.
 * Calls on the same resource get the very same string back: the decision cache then finds it by a hash the string
 * already carries, where a newly concatenated ARN would be flattened and hashed on every call.
 */
interface Template {
  readonly parts: readonly TemplatePart[];
  last: { readonly values: readonly string[]; readonly arn: string } | undefined;
}
const parsedTemplates = new Map<string, Template>();

/** Whether the placeholders of `parts` are filled as they were when the ARN was last built (`values`, in order). */
function sameValues(parts: readonly TemplatePart[], params: Readonly<Record<string, string>>, env: ArnEnvironment, values: readonly string[]): boolean {
  let i = 0;
  for (const part of parts) {
    if (typeof part !== 'string' && filling(part.placeholder, params, env) !== values[i++]) return false;
  }
  return true;
}

/** Splits a template once; the guard builds an ARN before every request. */
function templateOf(template: string): Template {
  let t = parsedTemplates.get(template);
  if (!t) {
    const list: TemplatePart[] = [];
    let last = 0;
    for (const m of template.matchAll(/\$\{(\w+)\}/g)) {
      if (m.index > last) list.push(template.slice(last, m.index));
      list.push({ placeholder: m[1]! });
      last = m.index + m[0].length;
    }
    if (last < template.length) list.push(template.slice(last));
    t = { parts: list, last: undefined };
    if (parsedTemplates.size < 10_000) parsedTemplates.set(template, t);
  }
  return t;
}

/**
 * For the client: a template that is a whole ARN taken from the input (TagResource's `${ResourceArn}`) must name a
 * concrete resource of this client's partition, Region and account: the request goes to this Region's endpoint, and a wildcard in a request
 * ARN would be judged as a literal.
 */
export function checkOwnArn(name: string, value: string, env: ArnEnvironment): void {
  const fail = (expected: string, got: string): never => { throw new ArnBuildError(`\${${name}}: expected ${expected}, got ${got}`, { member: name, expected, got }); };
  const arn = parseArn(value);
  if (!arn || arn.service !== 'mobiletargeting') fail('an Amazon Pinpoint ARN', JSON.stringify(value));
  const want = { partition: partitionFor(env.region), region: env.region, account: env.accountId };
  for (const field of ['partition', 'region', 'account'] as const) {
    if (arn![field] !== want[field]) fail(`an ARN in this client's ${field} "${want[field]}"`, `${field} "${arn![field]}"`);
  }
  if (!/^(apps|templates|recommenders)\/[^*?]+$/.test(arn!.resource)) fail('one app, campaign, segment, journey, template or recommender, without wildcards', JSON.stringify(arn!.resource));
}

/** The six fields of an ARN (the resource keeps any further colons). */
export interface ParsedArn { readonly partition: string; readonly service: string; readonly region: string; readonly account: string; readonly resource: string }

/** Splits an ARN into its six parts, or returns undefined when it is not one. */
export function parseArn(arn: string): ParsedArn | undefined {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  const [, partition, service, region, account] = parts as [string, string, string, string, string];
  return { partition, service, region, account, resource: parts.slice(5).join(':') };
}
