/**
 * The brute force `diffPolicies` is tested against: every listed action × ARNs built from each action's catalog template
 * × a list of request contexts, each decided by the engine's `evaluate` for both sides.
 */
import { actions } from '../../../generated/actions.js';
import { evaluate, matchArn, type RequestContext } from '../../../src/policy/index.js';
import type { DiffChange, DiffSide } from '../../../src/tooling/diff/index.js';

/** A few actions of different shapes: projects, nested resources, a whole-ARN tag target, templates, none. */
export const ACTIONS = ['GetApp', 'GetApps', 'GetSegment', 'DeleteSegment', 'CreateCampaign', 'TagResource', 'GetEmailTemplate', 'PhoneNumberValidate'] as const;

export const CONTEXTS: readonly RequestContext[] = [
  {},
  { 'aws:SourceIp': '10.0.0.1' },
  { 'aws:SourceIp': '10.1.2.3', 'aws:PrincipalTag/team': 'dev' },
  { 'aws:SourceIp': '192.168.0.1', 'aws:PrincipalTag/team': 'ops' },
  { 'aws:PrincipalTag/team': 'dx', 'aws:CurrentTime': '2027-03-01T00:00:00Z' },
  { 'aws:PrincipalTag/team': 'DEV', 'aws:CurrentTime': '2025-03-01T00:00:00Z', 'aws:MultiFactorAuthAge': '100' },
  { 'aws:MultiFactorAuthAge': '5000', 'aws:SecureTransport': 'true' },
  { 'aws:SecureTransport': 'false', 'aws:TagKeys': ['a'] },
  { 'aws:TagKeys': ['a', 'c'], 'aws:SourceIp': '10.0.0.1', 'aws:SecureTransport': 'true' },
  { 'aws:TagKeys': ['c'], 'aws:PrincipalTag/team': 'dev', 'aws:CurrentTime': '2027-03-01T00:00:00Z', 'aws:MultiFactorAuthAge': '100' },
];

const ENVS = [
  { partition: 'aws', region: 'us-east-1', account: '123456789012' },
  { partition: 'aws', region: 'eu-west-1', account: '000000000000' },
];

/** ARNs of an action's template with every combination of the given ids (TagResource: a project's ARN). */
export function arnsOf(action: (typeof ACTIONS)[number], ids: readonly string[]): string[] {
  const template = actions[action].resource;
  const out: string[] = [];
  for (const env of ENVS) {
    let partial = [template.replace('${Partition}', env.partition).replace('${Region}', env.region).replace('${Account}', env.account)];
    partial = partial.map((t) => t.replace('${ResourceArn}', `arn:${env.partition}:mobiletargeting:${env.region}:${env.account}:apps/\${ApplicationId}`));
    for (;;) {
      const m = /\$\{(\w+)\}/.exec(partial[0] as string);
      if (m === null) break;
      partial = partial.flatMap((t) => ids.map((id) => t.replace(m[0], id)));
    }
    out.push(...partial);
  }
  return out;
}

/** A request the engine allows on `after` and not on `before`. */
export interface Request {
  readonly action: string;
  readonly resource: string;
  readonly context: RequestContext;
}

function allows(side: DiffSide, r: Request): boolean {
  return evaluate({ ...side, action: r.action, resource: r.resource, context: r.context }).decision === 'Allow';
}

/** Every request of the brute force that `after` allows and `before` does not. */
export function addedRequests(before: DiffSide, after: DiffSide, ids: readonly string[], extraContexts: readonly RequestContext[] = []): Request[] {
  const out: Request[] = [];
  for (const name of ACTIONS) {
    const action = `mobiletargeting:${name}`;
    for (const resource of arnsOf(name, ids)) {
      for (const context of [...CONTEXTS, ...extraContexts]) {
        const r = { action, resource, context };
        if (allows(after, r) && !allows(before, r)) out.push(r);
      }
    }
  }
  return out;
}

/** Whether a reported change names the request's action and a Resource pattern that covers its ARN. */
export function covers(c: DiffChange, r: Request): boolean {
  if (c.action.toLowerCase() !== r.action.toLowerCase()) return false;
  return c.resources.some((p) => (p.startsWith('NotResource ') ? !p.slice(12).split(', ').some((q) => matchArn(q, r.resource)) : matchArn(p, r.resource)));
}

/** Whether a reported change is real: the engine allows its example on `after` and not on `before`. */
export function isReal(before: DiffSide, after: DiffSide, c: DiffChange): boolean {
  const r = { action: c.action, resource: c.example, context: c.exampleContext ?? {} };
  return allows(after, r) && !allows(before, r);
}
