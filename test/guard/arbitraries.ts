/** fast-check arbitraries of the guard's parity tests: inputs, policies and caller context over the whole catalog. */
import fc from 'fast-check';
import type { OperationSpec } from '../../src/client/spec.js';
import type { RequestContext } from '../../src/policy/index.js';
import { ACCOUNT, REGION } from '../client/support.js';

export const OTHER_ACCOUNT = '999999999999';
export const OTHER_REGION = 'eu-west-1';

export const ids = fc.constantFrom('a1', 'a2', 'seg-1', 'EMAIL', 'SMS', 't1');
export const resourcePath = fc.oneof(ids.map((i) => `apps/${i}`), fc.tuple(ids, ids).map(([a, s]) => `apps/${a}/segments/${s}`), ids.map((t) => `templates/${t}/EMAIL`));
/** Whole ARNs (TagResource's ResourceArn): this client's, another account's, another Region's, wildcards. */
export const wholeArn = fc.tuple(fc.constantFrom(REGION, REGION, OTHER_REGION, '*'), fc.constantFrom(ACCOUNT, ACCOUNT, OTHER_ACCOUNT), resourcePath, fc.boolean())
  .map(([region, account, path, star]) => `arn:aws:mobiletargeting:${region}:${account}:${star ? `${path}*` : path}`);
export const tags = fc.dictionary(fc.constantFrom('env', 'team', 'owner'), fc.constantFrom('prod', 'dev', 'growth'), { maxKeys: 2 });

/** An input for `spec`: every label, and request tags where the operation carries them. */
export function inputFor(spec: OperationSpec): fc.Arbitrary<Record<string, unknown>> {
  const labels = fc.record(Object.fromEntries(spec.labels.map((l) => [l, l === 'ResourceArn' ? wholeArn : ids])) as Record<string, fc.Arbitrary<string>>);
  const where = spec.tags;
  if (where === undefined) return labels;
  if (where.in === 'body') return fc.tuple(labels, tags).map(([l, t]) => ({ ...l, [spec.body!]: { [where.key]: t } }));
  const member = spec.query.find((q) => q.wire === where.wire)!.member;
  return fc.tuple(labels, fc.uniqueArray(fc.constantFrom('env', 'team', 'owner'), { minLength: 1, maxLength: 2 })).map(([l, keys]) => ({ ...l, [member]: keys }));
}

export const actionPattern = (spec: OperationSpec) => fc.constantFrom('mobiletargeting:*', 'mobiletargeting:Get*', spec.action, 'mobiletargeting:TagResource', 'mobiletargeting:*Template*');
export const resourcePattern = fc.constantFrom(
  '*', `arn:aws:mobiletargeting:${REGION}:${ACCOUNT}:*`, `arn:aws:mobiletargeting:*:${ACCOUNT}:apps/a1*`, `arn:aws:mobiletargeting:${REGION}:${ACCOUNT}:apps/*/segments/*`,
  `arn:aws:mobiletargeting:*:${OTHER_ACCOUNT}:*`, `arn:aws:mobiletargeting:${OTHER_REGION}:*:*`, `arn:aws:mobiletargeting:${REGION}:${ACCOUNT}:templates/*/EMAIL`,
);
/** Conditions on each kind of key: guard-set, request tags, caller-supplied, session-derived, unknowable. */
export const condition = fc.constantFrom<Record<string, Record<string, unknown>> | undefined>(
  undefined,
  { StringEquals: { 'aws:RequestedRegion': REGION } },
  { StringEquals: { 'aws:RequestedRegion': OTHER_REGION } },
  { Bool: { 'aws:SecureTransport': 'false' } },
  { DateGreaterThan: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' } },
  { StringEquals: { 'aws:RequestTag/env': 'prod' } },
  { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['env', 'team'] } },
  { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['owner'] } },
  { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
  { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
  { StringEquals: { 'aws:PrincipalTag/team': 'growth' } },
  { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
  { NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } },
  { StringEquals: { 'aws:ResourceTag/env': 'prod' } },
  { Null: { 'aws:ResourceTag/env': 'true' } },
  { ArnLike: { 'aws:SourceArn': `arn:aws:mobiletargeting:*:${ACCOUNT}:*` } },
);
export const statement = (spec: OperationSpec) => fc.record({
  effect: fc.constantFrom('Allow', 'Allow', 'Deny'),
  notAction: fc.boolean(), action: fc.uniqueArray(actionPattern(spec), { minLength: 1, maxLength: 2 }),
  notResource: fc.boolean(), resource: fc.uniqueArray(resourcePattern, { minLength: 1, maxLength: 2 }),
  condition,
}).map((s) => ({
  Effect: s.effect,
  [s.notAction && s.effect === 'Deny' ? 'NotAction' : 'Action']: s.action,
  [s.notResource ? 'NotResource' : 'Resource']: s.resource,
  ...(s.condition ? { Condition: s.condition } : {}),
}));
export const callerContext = fc.constantFrom<RequestContext | undefined>(undefined, { 'aws:SourceIp': '203.0.113.7' }, { 'aws:SourceIp': '198.51.100.1', 'aws:PrincipalTag/team': 'growth' });
