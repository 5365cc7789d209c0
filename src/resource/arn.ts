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
  if (!isRegion(env.region)) throw new ArnBuildError(`region "${env.region}" is not a valid AWS Region name`);
  if (!ACCOUNT.test(env.accountId)) throw new ArnBuildError('the account id must be 12 digits');
  let out = '';
  for (const part of templateParts(template)) {
    if (typeof part === 'string') { out += part; continue; }
    const name = part.placeholder;
    if (name === 'Partition') out += partitionFor(env.region);
    else if (name === 'Region') out += env.region;
    else if (name === 'Account') out += env.accountId;
    else {
      const value = params[name];
      if (value === undefined) throw new ArnBuildError(`no value for \${${name}} in ${template}`);
      out += value;
    }
  }
  return out;
}

type TemplatePart = string | { readonly placeholder: string };
const parsedTemplates = new Map<string, readonly TemplatePart[]>();

/** Splits a template once into literal text and placeholders; the guard builds an ARN before every request. */
function templateParts(template: string): readonly TemplatePart[] {
  let parts = parsedTemplates.get(template);
  if (!parts) {
    const list: TemplatePart[] = [];
    let last = 0;
    for (const m of template.matchAll(/\$\{(\w+)\}/g)) {
      if (m.index > last) list.push(template.slice(last, m.index));
      list.push({ placeholder: m[1]! });
      last = m.index + m[0].length;
    }
    if (last < template.length) list.push(template.slice(last));
    parts = list;
    if (parsedTemplates.size < 10_000) parsedTemplates.set(template, parts);
  }
  return parts;
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
