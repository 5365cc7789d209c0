/**
 * Hostile ids (property tests): whatever string a caller passes as a path id, either the call is rejected with a
 * ValidationError naming the member, or the ARN the guard checked and the URL that would be sent name the same thing:
 * the URL has exactly the template's segments, and decoding each label segment gives exactly the id in the ARN.
 * Dry-run mode shows both without sending anything (no msw handler is installed: a request would be an error).
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { operations } from '../../generated/operations.js';
import type { OperationSpec } from '../../src/client/spec.js';
import type { DryRunResult } from '../../src/client/types.js';
import { ValidationError } from '../../src/errors/validation.js';
import { ACCOUNT, PINPOINT, REGION, callByName, makeClient, useWire } from './support.js';

const wire = useWire();
const client = makeClient({ mode: 'dry-run' });
const specs = Object.values(operations) as readonly OperationSpec[];
const byName = (name: string): OperationSpec => specs.find((s) => s.name === name)!;

const piece = fc.constantFrom('/', '..', '.', '?', '#', '%', ' ', '%2F', '%2e', '%2E%2E', '%25', '&', '=', '+', ':', '*', '\\', ';', '@',
  'a', 'Z9', 'é', '😀', '\u0000', '\u007f', '\ud800', '\udc00', '~', '\u2028', '\ufeff');
/** Arbitrary unicode (lone surrogates included), and strings built from the characters that break URLs and ARNs. */
const hostileId = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 16 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.array(piece, { minLength: 1, maxLength: 6 }).map((a) => a.join('')),
  fc.constantFrom('', '.', '..', '/', '?', '#', '%', ' '),
);
const arnPrefix = `arn:aws:mobiletargeting:${REGION}:${ACCOUNT}:`;
const hostileArn = fc.oneof(hostileId, hostileId.map((s) => `${arnPrefix}apps/${s}`), hostileId.map((s) => `${arnPrefix}${s}`), hostileId.map((s) => `arn:aws:mobiletargeting:${s}`));

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The ids an ARN names, read back through the operation's ARN template (each id is one ARN path component). */
function idsInArn(spec: OperationSpec, arn: string): Record<string, string> | undefined {
  const names: string[] = [];
  const pattern = spec.resource.split(/(\$\{\w+\})/).map((part) => {
    const m = /^\$\{(\w+)\}$/.exec(part);
    if (!m) return escapeRe(part);
    if (m[1] === 'Partition') return 'aws';
    if (m[1] === 'Region') return escapeRe(REGION);
    if (m[1] === 'Account') return ACCOUNT;
    names.push(m[1]!);
    return m[1] === 'ResourceArn' ? '(.*)' : '([^/]*)';
  }).join('');
  const match = new RegExp(`^${pattern}$`, 's').exec(arn);
  return match ? Object.fromEntries(names.map((n, i) => [n, match[i + 1]!])) : undefined;
}

/** Checks one call; returns a description of the outcome for fast-check's statistics. */
async function check(spec: OperationSpec, input: Record<string, string>): Promise<'rejected' | 'sent'> {
  let result: DryRunResult;
  try {
    result = (await callByName(client, spec.name, input)) as DryRunResult;
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).operation).toBe(spec.name);
    expect(spec.labels).toContain((e as ValidationError).member);
    expect((e as Error).message).toContain(`input.${(e as ValidationError).member}`);
    return 'rejected';
  }
  expect(result.dryRun).toBe(true);
  const url = result.request.url;
  expect(url.startsWith(`${PINPOINT}/`)).toBe(true);
  expect(url).not.toMatch(/[?#]/);
  const rawPath = url.slice(PINPOINT.length);
  // What an HTTP client would actually request: the URL parser must not rewrite the path (no dot segments, no escapes undone).
  expect(new URL(url).pathname).toBe(rawPath);
  const template = spec.path.split('/');
  const segments = rawPath.split('/');
  expect(segments).toHaveLength(template.length);
  const fromUrl: Record<string, string> = {};
  template.forEach((t, i) => {
    const label = /^\{(\w+)\}$/.exec(t)?.[1];
    if (label) fromUrl[label] = decodeURIComponent(segments[i]!);
    else expect(segments[i]).toBe(t);
  });
  // The URL carries exactly the ids given...
  expect(fromUrl).toEqual(input);
  // ...and the ARN the guard checked names exactly the same ids.
  const inArn = idsInArn(spec, result.resource);
  expect(inArn, `${result.resource} does not fit ${spec.resource}`).toBeDefined();
  for (const [name, id] of Object.entries(inArn!)) expect(id).toBe(fromUrl[name]);
  return 'sent';
}

const inputFor = (spec: OperationSpec) =>
  fc.record(Object.fromEntries(spec.labels.map((l) => [l, l === 'ResourceArn' ? hostileArn : hostileId])) as Record<string, fc.Arbitrary<string>>);

describe('hostile ids', () => {
  // Any request that reached the network would be recorded here; dry-run must send none.
  beforeEach(() => wire.pinpoint());
  afterEach(() => expect(wire.requests).toHaveLength(0));

  it.each(['GetSegment', 'GetEndpoint', 'DeleteUserEndpoints', 'GetUserEndpoints', 'GetSegmentVersion', 'GetJourneyRunExecutionActivityMetrics', 'GetCampaignDateRangeKpi', 'DeleteEmailTemplate', 'UpdateTemplateActiveVersion'])(
    '%s: rejected with ValidationError, or the URL and the guard\'s ARN name the same ids',
    async (name) => {
      const spec = byName(name);
      await fc.assert(fc.asyncProperty(inputFor(spec), async (input) => { await check(spec, input); }), { numRuns: 300 });
    },
  );

  it.each(['TagResource', 'ListTagsForResource', 'UntagResource'])('%s: the ResourceArn label is one segment that decodes to the ARN the guard checked', async (name) => {
    const spec = byName(name);
    await fc.assert(fc.asyncProperty(inputFor(spec), async (input) => {
      if ((await check(spec, input)) === 'sent') {
        expect((await callByName(client, name, input) as DryRunResult).resource).toBe(input.ResourceArn);
      }
    }), { numRuns: 300 });
  });

  it('every operation with path labels keeps the property', async () => {
    const labelled = specs.filter((s) => s.labels.length > 0);
    expect(labelled.length).toBeGreaterThan(100);
    for (const spec of labelled) {
      await fc.assert(fc.asyncProperty(inputFor(spec), async (input) => { await check(spec, input); }), { numRuns: 25 });
    }
  });

  it('query values: rejected with ValidationError naming the member, or read back exactly from the URL', async () => {
    await fc.assert(fc.asyncProperty(hostileId, fc.array(hostileId, { minLength: 1, maxLength: 3 }), async (token, tagKeys) => {
      const calls: [string, Record<string, unknown>, string, string[]][] = [
        ['GetSegments', { ApplicationId: 'app', Token: token }, 'token', [token]],
        ['UntagResource', { ResourceArn: `${arnPrefix}apps/a`, TagKeys: tagKeys }, 'tagKeys', tagKeys],
      ];
      for (const [name, input, wireName, want] of calls) {
        let result: DryRunResult;
        try {
          result = (await callByName(client, name, input)) as DryRunResult;
        } catch (e) {
          expect(e).toBeInstanceOf(ValidationError);
          expect(['Token', 'TagKeys']).toContain((e as ValidationError).member);
          continue;
        }
        const url = new URL(result.request.url);
        expect([...url.searchParams.keys()].every((k) => k === wireName)).toBe(true);
        expect(url.searchParams.getAll(wireName)).toEqual(want);
        expect(url.hash).toBe('');
      }
    }), { numRuns: 300 });
  });

  it.each([
    ['', 'a non-empty string'],
    ['.', '"." or ".."'],
    ['..', '"." or ".."'],
    ['a/b', 'without "/"'],
    ['a\nb', 'control characters'],
    ['a\ud800b', 'unpaired surrogate'],
  ])('rejects %j with a message naming the member and what was expected', async (id, expected) => {
    const e = await (callByName(client, 'GetSegment', { ApplicationId: 'app', SegmentId: id }) as Promise<unknown>).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ValidationError);
    expect(e).toMatchObject({ operation: 'GetSegment', member: 'SegmentId' });
    expect((e as Error).message).toContain(expected);
  });

  it('accepts ids with characters that need escaping, and round-trips them', async () => {
    for (const id of ['a b', '%2F', 'ü😀', '?x#y', '..a', 'a..', '*', '%']) {
      expect(await check(byName('GetSegment'), { ApplicationId: id, SegmentId: `${id}-s` })).toBe('sent');
    }
  });

});

describe(idsInArn.name, () => {
  it('reads ids back through the template, and refuses an ARN in which an id spans two components', () => {
    const spec = byName('GetSegment');
    expect(idsInArn(spec, `${arnPrefix}apps/a/segments/b`)).toEqual({ ApplicationId: 'a', SegmentId: 'b' });
    expect(idsInArn(spec, `${arnPrefix}apps/a/x/segments/b`)).toBeUndefined();
  });
});
