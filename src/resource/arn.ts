/** The one ARN builder: catalog ARN templates filled with a call's validated parameters. */

export type Partition = 'aws' | 'aws-cn' | 'aws-us-gov';

/** The partition follows the region: `cn-*` → aws-cn, `us-gov-*` → aws-us-gov, else aws. */
export function partitionFor(region: string): Partition {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

export interface ArnEnvironment { readonly region: string; readonly accountId: string }

export class ArnBuildError extends Error {
  constructor(message: string) { super(message); this.name = 'ArnBuildError'; }
}

const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const ACCOUNT = /^\d{12}$/;

/**
 * Fills `${Partition}`, `${Region}`, `${Account}` from the environment and every other placeholder from `params`.
 * Throws `ArnBuildError` when a value is missing or malformed — the guard turns that into a deny.
 */
export function buildArn(template: string, params: Readonly<Record<string, string>>, env: ArnEnvironment): string {
  if (!REGION.test(env.region)) throw new ArnBuildError(`region "${env.region}" is not a valid AWS Region name`);
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

export interface ParsedArn { readonly partition: string; readonly service: string; readonly region: string; readonly account: string; readonly resource: string }

/** Splits an ARN into its six parts, or returns undefined when it is not one. */
export function parseArn(arn: string): ParsedArn | undefined {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  const [, partition, service, region, account] = parts as [string, string, string, string, string];
  return { partition, service, region, account, resource: parts.slice(5).join(':') };
}
