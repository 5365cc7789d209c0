/**
 * Whether a policy `Resource` pattern can ever match an ARN of an action's resource type, using the engine's own
 * `matchArn` rather than a second matcher: the action's ARN template is instantiated with witness ids taken from the
 * pattern itself (its segment at the same position, counted from the start and from the end, wildcards made concrete),
 * and the pattern is matched against those witnesses. A witness that matches proves the pattern can match; when none
 * does, the pattern's segments cannot line up with the template's in either direction — in practice, never.
 */
import { matchArn } from '../../policy/index.js';
import { boundedMemo } from '../../policy/wildcard.js';

const concrete = (s: string): string => s.replace(/[*?]/g, 'x') || 'x';
const PLACEHOLDER = /^\$\{(\w+)\}$/;

/** Splits at the first five colons: `[arn, partition, service, region, account, resource]`, or undefined. */
function fields(arn: string): string[] | undefined {
  const parts = arn.split(':');
  if (parts.length < 6) return undefined;
  return [...parts.slice(0, 5), parts.slice(5).join(':')];
}

function fill(template: string, from: (position: number) => string | undefined): string {
  return PLACEHOLDER.test(template) ? (from(0) ?? 'x') : template;
}

/** Candidate ARNs of the template's type, each id borrowed from the pattern. */
export function witnesses(pattern: string, template: string): string[] {
  if (PLACEHOLDER.test(template)) return [pattern.replace(/[*?]/g, 'x')]; // `${ResourceArn}`: any Pinpoint ARN
  const p = fields(pattern);
  const t = fields(template);
  if (p === undefined || t === undefined) return [];
  const head = t.slice(0, 5).map((f, i) => fill(f, () => concrete(p[i] as string))).join(':');
  const want = (t[5] as string).split('/');
  const got = (p[5] as string).split('/');
  const aligned = (offset: number) =>
    want.map((segment, k) => fill(segment, () => {
      const borrowed = got[k + offset];
      return borrowed === undefined ? undefined : concrete(borrowed);
    })).join('/');
  return [...new Set([aligned(0), aligned(got.length - want.length)])].map((resource) => `${head}:${resource}`);
}

/** Whether `pattern` (a Resource entry) can match some ARN built from `template`. Variables are given the benefit of the doubt. */
export function canMatchTemplate(pattern: string, template: string): boolean {
  if (pattern === '*' || pattern.includes('${')) return true;
  // A statement's patterns meet the same few templates once per catalog action: each pair is worked out once.
  return fitsMemo(`${template}\n${pattern}`);
}

const fitsMemo = boundedMemo((key) => {
  const cut = key.indexOf('\n');
  const template = key.slice(0, cut);
  const pattern = key.slice(cut + 1);
  return witnesses(pattern, template).some((w) => matchArn(pattern, w));
});

/**
 * The template as a Resource pattern that grants no more than `pattern` meant: its partition, Region and account as
 * the pattern wrote them (of whichever service); its project when it starts `apps/<id>`, and then `*` for the ids
 * inside that project (`.../apps/a1/campaigns/*` with GetSegment → `.../apps/a1/segments/*`); `*` elsewhere only where
 * the pattern's resource already had one. Anything the pattern does not say is left as a `<Name>` for the reader to
 * fill, never widened to `*` (`arn:aws:sns:us-east-1:123456789012:t` with GetApp →
 * `arn:aws:mobiletargeting:us-east-1:123456789012:apps/<ApplicationId>`).
 */
export function suggestedPattern(pattern: string, template: string): string {
  const p = fields(pattern);
  const said = (i: number) => (p !== undefined && p[0] === 'arn' && p[i] !== '' ? p[i] : undefined);
  const resource = p?.[5] ?? '';
  const pinpoint = said(2) === 'mobiletargeting';
  const app = pinpoint ? /^apps\/([^/]+)/.exec(resource)?.[1] : undefined;
  const appScoped = template.includes(':apps/${ApplicationId}');
  const project = appScoped ? app : undefined;
  const anyId = (pinpoint && resource.includes('*')) || project !== undefined ? '*' : undefined;
  const known: Record<string, string | undefined> = { Partition: said(1), Region: said(3), Account: said(4), ApplicationId: project ?? anyId };
  return template.replace(/\$\{(\w+)\}/g, (_, name: string) => (name in known ? known[name] : anyId) ?? `<${name}>`);
}
