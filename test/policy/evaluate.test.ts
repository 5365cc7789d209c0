import { describe, expect, it } from 'vitest';
import { compilePolicies, evaluate, parsePolicy, PolicyParseError, type RequestContext } from '../../src/policy/index.js';

const SEG = 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/abc/segments/s1';
const allow = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'mobiletargeting:GetSegment', Resource: SEG }] };
const bad = { Statement: [{ Effect: 'Allow', Principal: '*', Action: 'mobiletargeting:GetSegment', Resource: SEG }] };

describe(evaluate.name, () => {
  it('fails closed on an invalid policy, naming the problem', () => {
    const d = evaluate({ policies: [allow, bad], action: 'mobiletargeting:GetSegment', resource: SEG });
    expect(d.decision).toBe('ImplicitDeny');
    expect(d.reason).toContain('identity[1].Statement[0].Principal: Principal is not allowed');
  });

  it('fails closed on an internal error', () => {
    const hostile = new Proxy({}, { ownKeys: () => { throw new Error('boom'); } }) as RequestContext;
    const withCondition = { Version: '2012-10-17', Statement: [{ ...allow.Statement[0], Condition: { StringEqualsIfExists: { 'aws:username': 'x' } } }] };
    const d = evaluate({ policies: [withCondition], action: 'mobiletargeting:GetSegment', resource: SEG, context: hostile });
    expect(d).toMatchObject({ decision: 'ImplicitDeny', matchedStatements: [] });
    expect(d.reason).toContain('internal error during evaluation (boom)');
    expect(evaluate(undefined as never).decision).toBe('ImplicitDeny');
  });

  it('accepts JSON text and labels policies in explanations', () => {
    const d = evaluate({ policies: [JSON.stringify(allow)], action: 'MOBILETARGETING:getsegment', resource: SEG });
    expect(d.matchedStatements).toEqual([{ policy: 'identity[0]', index: 0, effect: 'Allow' }]);
  });

  it('reports each missing key once, whatever its case', () => {
    const p = { Version: '2012-10-17', Statement: [
      { Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/team': 'a' } } },
      { Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringEquals: { 'AWS:PRINCIPALTAG/TEAM': 'b' } } },
    ] };
    expect(evaluate({ policies: [p], action: 'a:b', resource: SEG }).missingContextKeys).toEqual(['aws:PrincipalTag/team']);
  });
});

describe(compilePolicies.name, () => {
  it('throws every problem of every raw document, prefixed with its place', () => {
    let error: unknown;
    try {
      compilePolicies({ policies: [allow, bad], sessionPolicy: { Statement: [] } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PolicyParseError);
    expect((error as PolicyParseError).problems.map((p) => p.path)).toEqual(['identity[1].Statement[0].Principal', 'session.Statement']);
  });

  it('caches decisions by the context keys the policies read, and only those', () => {
    const p = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/team': 'ops' } } }] };
    const c = compilePolicies({ policies: [p] });
    const first = c.evaluate('a:b', SEG, { 'aws:PrincipalTag/team': 'ops', 'aws:CurrentTime': '1' });
    // A resource is admitted on its second request: the first decision is not kept.
    const a = c.evaluate('a:b', SEG, { 'aws:PrincipalTag/team': 'ops', 'aws:CurrentTime': '1' });
    expect(a).not.toBe(first);
    expect(a).toEqual(first);
    expect(c.evaluate('A:B', SEG, { 'aws:principaltag/team': 'ops', 'aws:CurrentTime': '2' })).toBe(a);
    expect(c.evaluate('a:b', SEG, { 'aws:PrincipalTag/team': 'dev' }).decision).toBe('ImplicitDeny');
    expect(c.evaluate('a:b', SEG, { 'aws:PrincipalTag/team': ['ops'] })).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
  });

  it('keeps no decision for resources that never repeat, and caches each one that does', () => {
    const p = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'mobiletargeting:Get*', Resource: '*' }] };
    const c = compilePolicies({ policies: [p] });
    const arn = (i: number) => `${SEG}-${i}`;
    const once = Array.from({ length: 5_000 }, (_, i) => c.evaluate('mobiletargeting:GetSegment', arn(i)));
    expect(once.every((d) => d.decision === 'Allow' && d.reason.endsWith(`on ${SEG}-${once.indexOf(d)}`))).toBe(true);
    // Seen once, so not kept: asking again decides afresh, then keeps it.
    const again = c.evaluate('mobiletargeting:GetSegment', arn(4_999));
    expect(again).not.toBe(once[4_999]);
    expect(c.evaluate('mobiletargeting:GetSegment', arn(4_999))).toBe(again);
  });
});

describe('policy documents mutated after use', () => {
  const ARN = 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/abc';
  const denyAll = { Effect: 'Deny', Action: '*', Resource: '*' };

  it('evaluate sees a statement pushed after the first evaluation', () => {
    const p = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] as object[] };
    expect(evaluate({ policies: [p], action: 'mobiletargeting:GetApp', resource: ARN }).decision).toBe('Allow');
    p.Statement.push(denyAll);
    expect(evaluate({ policies: [p], action: 'mobiletargeting:GetApp', resource: ARN }).decision).toBe('ExplicitDeny');
  });

  it('evaluate sees a nested value changed in place', () => {
    const statement = { Effect: 'Allow', Action: '*', Resource: '*' };
    const p = { Version: '2012-10-17', Statement: [statement] };
    expect(evaluate({ policies: [p], action: 'mobiletargeting:GetApp', resource: ARN }).decision).toBe('Allow');
    statement.Effect = 'Deny';
    expect(evaluate({ policies: [p], action: 'mobiletargeting:GetApp', resource: ARN }).decision).toBe('ExplicitDeny');
    statement.Effect = 'Allow ';
    expect(evaluate({ policies: [p], action: 'mobiletargeting:GetApp', resource: ARN }).reason).toContain('could not be parsed');
  });

  it('a frozen outer document with a mutable statement inside is still checked each time', () => {
    const statement = { Effect: 'Allow', Action: '*', Resource: '*' };
    const p = Object.freeze({ Version: '2012-10-17', Statement: Object.freeze([statement]) });
    expect(evaluate({ policies: [p], action: 'mobiletargeting:GetApp', resource: ARN }).decision).toBe('Allow');
    statement.Effect = 'Deny';
    expect(evaluate({ policies: [p], action: 'mobiletargeting:GetApp', resource: ARN }).decision).toBe('ExplicitDeny');
  });

  it('a getter on a frozen document is read each time, not trusted', () => {
    let effect = 'Allow';
    const statement = Object.freeze(Object.defineProperties({}, {
      Effect: { get: () => effect, enumerable: true },
      Action: { value: '*', enumerable: true },
      Resource: { value: '*', enumerable: true },
    }));
    const p = Object.freeze({ Version: '2012-10-17', Statement: Object.freeze([statement]) });
    expect(evaluate({ policies: [p], action: 'mobiletargeting:GetApp', resource: ARN }).decision).toBe('Allow');
    effect = 'Deny';
    expect(evaluate({ policies: [p], action: 'mobiletargeting:GetApp', resource: ARN }).decision).toBe('ExplicitDeny');
  });

  it('a new compiled set sees the mutation; an existing one keeps its compile-time snapshot', () => {
    const p = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] as object[] };
    const before = compilePolicies({ policies: [p] }, { decisionCacheSize: 0 });
    p.Statement.push(denyAll);
    expect(compilePolicies({ policies: [p] }).evaluate('mobiletargeting:GetApp', ARN).decision).toBe('ExplicitDeny');
    expect(before.evaluate('mobiletargeting:GetApp', ARN).decision).toBe('Allow');
    p.Statement.pop();
    expect(compilePolicies({ policies: [p] }).evaluate('mobiletargeting:GetApp', ARN).decision).toBe('Allow');
  });
});

describe('policies that look parsed but come from elsewhere (e.g. structured-cloned, or another shape)', () => {
  it('are read as IAM documents and rejected, never evaluated without their conditions', () => {
    // The shape of a ParsedPolicy with a `condition` it would not read: taken for parsed, it would allow everywhere.
    const lookalike = {
      version: '2012-10-17',
      statements: [{ effect: 'Allow', action: ['*'], resource: ['*'], condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } } }],
    };
    const d = evaluate({ policies: [lookalike], action: 'a:b', resource: SEG, context: { 'aws:RequestedRegion': 'us-east-1' } });
    expect(d.decision).toBe('ImplicitDeny');
    expect(d.reason).toContain('statements: unknown element "statements"');
    expect(() => compilePolicies({ policies: [lookalike] })).toThrow(PolicyParseError);
    const cloned = structuredClone(parsePolicy({ Statement: { Effect: 'Allow', Action: '*', Resource: '*' } }));
    expect(evaluate({ policies: [cloned], action: 'a:b', resource: SEG }).decision).toBe('ImplicitDeny');
  });

  it('a document keeps a condition on a key named __proto__', () => {
    const doc = '{"Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"__proto__":"x"}}}}';
    const context = JSON.parse('{"__proto__": "x"}') as RequestContext;
    expect(evaluate({ policies: [doc], action: 'a:b', resource: SEG, context }).decision).toBe('Allow');
    const d = evaluate({ policies: [doc], action: 'a:b', resource: SEG, context: { other: 'x' } });
    expect(d.decision).toBe('ImplicitDeny');
    expect(d.missingContextKeys).toEqual(['__proto__']);
  });
});
