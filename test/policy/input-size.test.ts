/**
 * No recursion depth or argument count is reachable from a policy's content: a 240 kB Resource of 80,000 wildcards
 * (with or without a variable) parses, evaluates and lints like any other, and a condition value nested 100,000 arrays
 * deep is a parse problem naming where, not a stack overflow. (Times are measured in bench/hostile-policy.ts.)
 */
import { describe, expect, it } from 'vitest';
import { evaluate, parsePolicy, PolicyParseError } from '../../src/policy/index.js';
import { lintPolicy } from '../../src/tooling/lint/index.js';

const ARN = 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/';
const wide = (prefix: string) => `arn:aws:mobiletargeting:*:*:apps/${prefix}${'*a?'.repeat(80_000)}`;
const policyWith = (resource: string) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'mobiletargeting:GetApp', Resource: resource }] });

describe('policies of hostile size', () => {
  it.each([['plain', wide('')], ['with a variable', wide('${aws:username}')]])('a Resource of 80,000 wildcards (%s) parses, decides and lints', (_, resource) => {
    const text = JSON.stringify(policyWith(resource));
    expect(text.length).toBeGreaterThan(240_000);
    expect(parsePolicy(text).statements).toHaveLength(1);
    const matching = `${ARN}${resource.includes('${') ? 'ana' : ''}${'xab'.repeat(80_000)}`;
    expect(evaluate({ policies: [text], action: 'mobiletargeting:GetApp', resource: matching, context: { 'aws:username': 'ana' } }).decision).toBe('Allow');
    expect(evaluate({ policies: [text], action: 'mobiletargeting:GetApp', resource: `${ARN}short`, context: { 'aws:username': 'ana' } }).decision).toBe('ImplicitDeny');
    expect(lintPolicy(text).every((f) => !/call stack|could not be read/.test(f.message))).toBe(true);
  });

  it('a condition value nested 100,000 arrays deep is a parse problem, not a stack overflow', () => {
    const deep = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"mobiletargeting:GetApp","Resource":"*","Condition":{"StringEquals":{"aws:username":${'['.repeat(100_000)}${']'.repeat(100_000)}}}}]}`;
    let thrown: unknown;
    try { parsePolicy(deep); } catch (e) { thrown = e; }
    expect(thrown).toBeInstanceOf(PolicyParseError);
    expect((thrown as Error).message).not.toMatch(/call stack/);
    expect(() => lintPolicy(deep)).not.toThrow();
  });
});
