import { describe, expect, it } from 'vitest';
import { contextFingerprint, contextView } from '../../src/policy/context.js';
import { evaluate } from '../../src/policy/index.js';

describe(contextView.name, () => {
  it('merges keys that differ only in case into one multivalued entry, in either order', () => {
    expect(contextView({ 'aws:RequestTag/ENV': 'prod', 'aws:RequestTag/env': 'dev' }).get('aws:requesttag/env')).toEqual(['prod', 'dev']);
    expect(contextView({ 'aws:RequestTag/env': 'dev', 'aws:RequestTag/ENV': 'prod' }).get('aws:requesttag/env')).toEqual(['dev', 'prod']);
    expect(contextView({ 'aws:TagKeys': ['a', 'b'], 'AWS:TAGKEYS': ['b', 'c'] }).get('aws:tagkeys')).toEqual(['a', 'b', 'c']);
  });

  it('keeps one value when the case variants agree, and ignores empty variants', () => {
    expect(contextView({ 'aws:username': 'bob', 'AWS:USERNAME': 'bob' }).get('aws:username')).toEqual(['bob']);
    expect(contextView({ 'aws:TagKeys': [], 'AWS:TagKeys': ['a'] }).get('aws:tagkeys')).toEqual(['a']);
    expect(contextView({ 'aws:TagKeys': ['a'], 'AWS:TagKeys': [] }).get('aws:tagkeys')).toEqual(['a']);
    expect(contextView({ 'aws:TagKeys': [], 'AWS:TagKeys': [] }).get('aws:tagkeys')).toBeUndefined();
  });

  it('fingerprints the merged values, so a cached decision for one variant is not reused for the merge', () => {
    const merged = contextFingerprint(contextView({ 'k:A': 'x', 'k:a': 'y' }), ['k:a']);
    expect(merged).not.toBe(contextFingerprint(contextView({ 'k:a': 'y' }), ['k:a']));
    expect(merged).toBe(contextFingerprint(contextView({ 'k:a': ['x', 'y'] }), ['k:a']));
  });

  it('does not substitute a policy variable from case variants with different values', () => {
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: 'arn:aws:mobiletargeting:*:*:apps/${aws:username}' }] };
    const request = { policies: [policy], action: 'mobiletargeting:GetApp', resource: 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/bob' };
    expect(evaluate({ ...request, context: { 'aws:username': 'bob', 'AWS:USERNAME': 'alice' } }).decision).toBe('ImplicitDeny');
    expect(evaluate({ ...request, context: { 'AWS:USERNAME': 'alice', 'aws:username': 'bob' } }).decision).toBe('ImplicitDeny');
    expect(evaluate({ ...request, context: { 'aws:username': 'bob', 'AWS:USERNAME': 'bob' } }).decision).toBe('Allow');
  });

  it('reads an own __proto__ key like any other', () => {
    const context = JSON.parse('{"__proto__": "x", "constructor": "y"}') as Record<string, string>;
    expect(contextView(context).get('__proto__')).toEqual(['x']);
    expect(contextView(context).get('constructor')).toEqual(['y']);
    expect(contextView({}).get('constructor')).toBeUndefined();
    expect(contextView({}).get('__proto__')).toBeUndefined();
  });
});
