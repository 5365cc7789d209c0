import { describe, expect, it } from 'vitest';
import { isParsedPolicy, parsePolicy, PolicyParseError } from '../../src/policy/index.js';

const SEG = 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/abc/segments/s1';
const ok = { Effect: 'Allow', Action: 'mobiletargeting:GetSegment', Resource: SEG };

function problems(doc: unknown, limits?: Parameters<typeof parsePolicy>[1]): { path: string; message: string }[] {
  try {
    parsePolicy(doc, limits);
  } catch (e) {
    expect(e).toBeInstanceOf(PolicyParseError);
    return [...(e as PolicyParseError).problems];
  }
  throw new Error('expected a PolicyParseError');
}

describe(parsePolicy.name, () => {
  it('parses text and objects alike, with strings or arrays', () => {
    const text = parsePolicy(JSON.stringify({ Version: '2012-10-17', Id: 'p1', Statement: ok }), { label: 'read.json' });
    expect(text).toMatchObject({
      id: 'p1',
      version: '2012-10-17',
      source: 'read.json',
      statements: [{ index: 0, effect: 'Allow', action: ['mobiletargeting:GetSegment'], resource: [SEG], conditions: [] }],
    });
    const obj = parsePolicy({ Statement: [ok, { ...ok, NotAction: ['a:b'], Action: undefined }].map((s) => JSON.parse(JSON.stringify(s))) });
    expect(obj.version).toBe('2008-10-17');
    expect(obj.statements[1]).toMatchObject({ index: 1, notAction: ['a:b'] });
    expect(Object.isFrozen(obj.statements[0])).toBe(true);
  });

  it('normalizes condition values and operators', () => {
    const p = parsePolicy({
      Version: '2012-10-17',
      Statement: { ...ok, Condition: { 'ForAnyValue:StringLikeIfExists': { 'aws:TagKeys': ['a*', 'b'] }, NumericLessThan: { n: 5 }, Bool: { b: true } } },
    });
    expect(p.statements[0]?.conditions).toEqual([
      { operator: 'ForAnyValue:StringLikeIfExists', baseOperator: 'StringLike', setOperator: 'ForAnyValue', ifExists: true, key: 'aws:TagKeys', values: ['a*', 'b'] },
      { operator: 'NumericLessThan', baseOperator: 'NumericLessThan', ifExists: false, key: 'n', values: ['5'] },
      { operator: 'Bool', baseOperator: 'Bool', ifExists: false, key: 'b', values: ['true'] },
    ]);
  });

  it.each([
    ['Principal', { Statement: [{ ...ok, Principal: '*' }] }, 'Statement[0].Principal', 'Principal is not allowed in an identity policy'],
    ['NotPrincipal', { Statement: { ...ok, NotPrincipal: { AWS: '*' } } }, 'Statement.NotPrincipal', 'NotPrincipal is not allowed'],
    ['unknown top-level element', { Statement: [ok], Foo: 1 }, 'Foo', 'unknown element "Foo"'],
    ['misspelt element', { Statement: [{ ...ok, effect: 'Allow' }] }, 'Statement[0].effect', 'did you mean "Effect"?'],
    ['bad version', { Version: '2012-10-18', Statement: [ok] }, 'Version', 'expected "2012-10-17" or "2008-10-17", got "2012-10-18"'],
    ['bad effect', { Statement: [{ ...ok, Effect: 'allow' }] }, 'Statement[0].Effect', 'expected "Allow" or "Deny", got "allow"'],
    ['missing effect', { Statement: [{ Action: ok.Action, Resource: SEG }] }, 'Statement[0].Effect', 'missing; expected "Allow" or "Deny"'],
    ['both Action and NotAction', { Statement: [{ ...ok, NotAction: 'a:b' }] }, 'Statement[0]', 'has both Action and NotAction; expected exactly one'],
    ['no Resource', { Statement: [{ Effect: 'Allow', Action: 'a:b' }] }, 'Statement[0].Resource', 'missing; expected exactly one of Resource or NotResource'],
    ['bad action', { Statement: [{ ...ok, Action: ['a:b', 'GetSegment'] }] }, 'Statement[0].Action[1]', 'expected "*" or "service:Action"'],
    ['bad resource', { Statement: [{ ...ok, Resource: 'apps/abc' }] }, 'Statement[0].Resource', 'expected "*" or an ARN'],
    ['short ARN without a trailing *', { Statement: [{ ...ok, Resource: 'arn:aws:mobiletargeting:us-east-1' }] }, 'Statement[0].Resource', 'expected "*" or an ARN'],
    ['two set operators', { Statement: [{ ...ok, Condition: { 'ForAllValues:ForAnyValue:StringEquals': { 'aws:TagKeys': 'a' } } }] }, 'Statement[0].Condition.ForAllValues:ForAnyValue:StringEquals', 'at most one set operator'],
    ['two set operators, the other way', { Statement: [{ ...ok, Condition: { 'ForAnyValue:ForAllValues:StringLike': { 'aws:TagKeys': 'a' } } }] }, 'Statement[0].Condition.ForAnyValue:ForAllValues:StringLike', 'at most one set operator'],
    ['a repeated set operator', { Statement: [{ ...ok, Condition: { 'ForAnyValue:ForAnyValue:StringLike': { 'aws:TagKeys': 'a' } } }] }, 'Statement[0].Condition.ForAnyValue:ForAnyValue:StringLike', 'at most one set operator'],
    ['lower-case condition', { Statement: [{ ...ok, condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } } }] }, 'Statement[0].condition', 'did you mean "Condition"?'],
    ['lower-case statements', { Version: '2012-10-17', statements: [ok] }, 'statements', 'unknown element "statements"'],
    ['empty action array', { Statement: [{ ...ok, Action: [] }] }, 'Statement[0].Action', 'got an empty array'],
    ['non-string action', { Statement: [{ ...ok, Action: [1] }] }, 'Statement[0].Action[0]', 'expected an action string, got number 1'],
    ['unknown operator', { Statement: [{ ...ok, Condition: { StringEqual: { a: 'b' } } }] }, 'Statement[0].Condition.StringEqual', 'unknown condition operator "StringEqual"'],
    ['NullIfExists', { Statement: [{ ...ok, Condition: { NullIfExists: { a: 'true' } } }] }, 'Statement[0].Condition.NullIfExists', 'Null takes neither IfExists nor a set operator'],
    ['bad number', { Statement: [{ ...ok, Condition: { NumericLessThan: { n: 'ten' } } }] }, 'Statement[0].Condition.NumericLessThan.n', 'expected a number, got "ten"'],
    ['bad date', { Statement: [{ ...ok, Condition: { DateLessThan: { d: ['2020-01-01', 'yesterday'] } } }] }, 'Statement[0].Condition.DateLessThan.d[1]', 'expected an ISO 8601 date'],
    ['bad CIDR', { Statement: [{ ...ok, Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/33' } } }] }, 'Statement[0].Condition.IpAddress.aws:SourceIp', 'expected an IPv4 or IPv6 address or CIDR block'],
    ['bad bool', { Statement: [{ ...ok, Condition: { Bool: { b: 'yes' } } }] }, 'Statement[0].Condition.Bool.b', 'expected "true" or "false", got "yes"'],
    ['bad base64', { Statement: [{ ...ok, Condition: { BinaryEquals: { b: 'not base64!' } } }] }, 'Statement[0].Condition.BinaryEquals.b', 'expected base64 text'],
    ['bad Null', { Statement: [{ ...ok, Condition: { Null: { k: 'maybe' } } }] }, 'Statement[0].Condition.Null.k', 'expected "true" or "false"'],
    ['bad ARN value', { Statement: [{ ...ok, Condition: { ArnLike: { k: 'apps/abc' } } }] }, 'Statement[0].Condition.ArnLike.k', 'expected an ARN'],
    ['empty operator block', { Statement: [{ ...ok, Condition: { StringEquals: {} } }] }, 'Statement[0].Condition.StringEquals', 'expected an object of condition keys to values'],
    ['object condition value', { Statement: [{ ...ok, Condition: { StringEquals: { k: { a: 1 } } } }] }, 'Statement[0].Condition.StringEquals.k', 'expected a string, number or boolean, got an object'],
    ['duplicate Sid', { Statement: [{ ...ok, Sid: 'A' }, { ...ok, Sid: 'A' }] }, 'Statement[1].Sid', 'duplicate Sid "A" (also used by Statement[0])'],
    ['empty statement list', { Statement: [] }, 'Statement', 'expected at least one statement'],
    ['missing statement', { Version: '2012-10-17' }, 'Statement', 'missing'],
    ['not an object', [1, 2], '(document)', 'expected a policy object, got an array'],
    ['bad JSON text', '{"Statement": [', '(document)', 'expected JSON text'],
  ])('%s', (_name, doc, path, message) => {
    expect(problems(doc)).toContainEqual({ path, message: expect.stringContaining(message) });
  });

  it('does not read its element tables through the prototype chain', () => {
    for (const key of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const statement = JSON.parse(`{"Effect":"Allow","Action":"*","Resource":"*","${key}":1}`) as object;
      expect(problems({ Version: '2012-10-17', Statement: [statement] })).toEqual([
        { path: `Statement[0].${key}`, message: expect.stringMatching(/^unknown element ".+"; expected one of Sid, Effect/) },
      ]);
    }
  });

  it('reports every problem at once, one per line in the message', () => {
    const doc = { Version: 'x', Statement: [{ ...ok, Effect: 'allow' }, { ...ok, Principal: '*', Condition: { StringEquals: { k: [] } } }] };
    let message = '';
    try {
      parsePolicy(doc, { label: 'bad.json' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message.split('\n')).toEqual([
      'Invalid policy bad.json:',
      'Version: expected "2012-10-17" or "2008-10-17", got "x"',
      'Statement[0].Effect: expected "Allow" or "Deny", got "allow"',
      'Statement[1].Principal: Principal is not allowed in an identity policy: it applies to the principal it is attached to (Principal belongs in resource-based policies)',
      'Statement[1].Condition.StringEquals.k: expected a string, number or boolean or a non-empty array of them, got an empty array',
    ]);
  });

  it('accepts variables where they are substituted, and as literal text where they are not (reference_policies_variables)', () => {
    expect(() =>
      parsePolicy({ Version: '2012-10-17', Statement: { ...ok, Resource: 'arn:aws:mobiletargeting:${aws:RequestedRegion}:123456789012:apps/${aws:username}', Condition: { ArnLike: { n: '${aws:PrincipalTag/arn}' } } } }),
    ).not.toThrow();
    // Not substituted in a Numeric condition: the text is compared as written and matches nothing, the policy stands.
    expect(parsePolicy({ Statement: { ...ok, Condition: { NumericLessThan: { n: '${aws:PrincipalTag/max}' } } } }).statements[0]?.conditions[0]?.values).toEqual([
      '${aws:PrincipalTag/max}',
    ]);
    // Text that is no variable is still checked.
    expect(problems({ Statement: { ...ok, Condition: { NumericLessThan: { n: '${*}' } } } })[0]?.path).toBe('Statement.Condition.NumericLessThan.n');
  });

  it('accepts a short Resource ARN whose last field ends in * (reference_policies_elements_resource)', () => {
    const short = ['arn:aws:mobiletargeting:us-east-1:*', 'arn:aws:mobiletargeting:*', 'arn:aws:logs:*:log-group:/x'];
    expect(parsePolicy({ Statement: { ...ok, Resource: short } }).statements[0]?.resource).toEqual(short);
    expect(problems({ Statement: { ...ok, Resource: ['arn:aws:mobiletargeting:us-east-1', 'arn*:aws:x', 'aws:*'] } }).map((p) => p.path)).toEqual([
      'Statement.Resource[0]',
      'Statement.Resource[1]',
      'Statement.Resource[2]',
    ]);
  });

  describe('duplicate keys in text', () => {
    it.each([
      ['as written', '"Effect":"Deny","Effect":"Allow"', 'Effect'],
      ['one spelt with an escape', '"Effect":"Allow","Eff\\u0065ct":"Deny"', 'Effect'],
      ['both spelt with escapes', '"\\u0045ffect":"Allow","Eff\\u0065ct":"Deny"', 'Effect'],
    ])('rejects a key %s twice, whichever spelling JSON.parse would keep', (_name, effects, key) => {
      const text = `{"Version":"2012-10-17","Statement":[{${effects},"Action":"*","Resource":"*"}]}`;
      expect(JSON.parse(text)).toBeTruthy();
      expect(problems(text)).toEqual([{ path: `Statement[0].${key}`, message: expect.stringContaining(`duplicate key "${key}"`) }]);
    });
    it('finds an escaped duplicate in a condition block too', () => {
      const text = '{"Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:RequestedRegion":"eu-west-1","aws:Requested\\u0052egion":"us-east-1"}}}}';
      expect(problems(text)).toEqual([{ path: 'Statement.Condition.StringEquals.aws:RequestedRegion', message: expect.stringContaining('duplicate key') }]);
    });
  });

  describe('only what parsePolicy returned counts as parsed (a brand, not a shape)', () => {
    const lookalike = {
      version: '2012-10-17',
      statements: [{ index: 0, effect: 'Allow', action: ['*'], resource: ['*'], condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } }, conditions: [] }],
    };
    it('reads an object shaped like a ParsedPolicy as a document, and rejects its elements by path', () => {
      expect(problems(lookalike)).toEqual(
        expect.arrayContaining([
          { path: 'version', message: expect.stringContaining('did you mean "Version"?') },
          { path: 'statements', message: expect.stringContaining('unknown element "statements"') },
        ]),
      );
      expect(isParsedPolicy(lookalike)).toBe(false);
    });
    it('counts a parsed policy, and a frozen copy of one is not', () => {
      const parsed = parsePolicy({ Statement: ok });
      expect(isParsedPolicy(parsed)).toBe(true);
      expect(parsePolicy(parsed)).toBe(parsed);
      expect(isParsedPolicy(Object.freeze({ ...parsed }))).toBe(false);
      expect(isParsedPolicy(structuredClone(parsed))).toBe(false);
      expect(() => parsePolicy(structuredClone(parsed))).toThrow(PolicyParseError);
    });
  });

  describe('limits', () => {
    it('rejects oversized text before parsing it', () => {
      expect(problems('x'.repeat(101), { limits: { maxDocumentLength: 100 } })[0]?.message).toContain('limit maxDocumentLength');
    });
    it('rejects too many statements', () => {
      expect(problems({ Statement: [ok, ok, ok] }, { limits: { maxStatements: 2 } })[0]?.message).toContain('limit maxStatements');
    });
    it('rejects deep nesting in text without exhausting the stack', () => {
      const deep = `{"Statement":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
      expect(problems(deep)[0]?.message).toContain('limit maxDepth');
    });
    it('rejects cyclic objects', () => {
      const cyclic: Record<string, unknown> = { Statement: [ok] };
      cyclic.Self = cyclic;
      expect(problems(cyclic)[0]?.message).toContain('limit maxDepth');
    });
    it('turns throwing getters into PolicyParseError', () => {
      const evil = Object.defineProperty({}, 'Statement', { enumerable: true, get: () => { throw new Error('boom'); } });
      expect(problems(evil)[0]).toEqual({ path: '(document)', message: 'could not be read: boom' });
    });
    it('rejects non-JSON values', () => {
      expect(problems({ Statement: [{ ...ok, Action: () => 1 }] })[0]).toEqual({ path: 'Statement[0].Action', message: 'expected a JSON value, got function' });
      expect(problems({ Statement: [{ ...ok, Resource: new Date(0) }] })[0]?.message).toBe('expected a plain JSON object');
    });
    it('stops after maxProblems', () => {
      const many = { Statement: Array.from({ length: 50 }, () => ({ ...ok, Effect: 'x' })) };
      const list = problems(many, { limits: { maxProblems: 10 } });
      expect(list).toHaveLength(11);
      expect(list[10]?.message).toBe('stopped after 10 problems');
    });
  });
});
