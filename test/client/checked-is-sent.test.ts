/** The guard decides on exactly what is sent: inputs that answer differently on a second read cannot split the two. */
import { describe, expect, it } from 'vitest';
import { AccessDeniedError } from '../../src/errors/guard.js';
import { ValidationError } from '../../src/errors/validation.js';
import { makeClient, useWire, ACCOUNT } from './support.js';

const wire = useWire();
const APP_ARN = `arn:aws:mobiletargeting:us-east-1:${ACCOUNT}:apps/a1`;
const policy = {
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: 'mobiletargeting:*', Resource: '*' },
    { Sid: 'NoProdTags', Effect: 'Deny', Action: 'mobiletargeting:TagResource', Resource: '*', Condition: { StringEquals: { 'aws:RequestTag/env': 'prod' } } },
    { Sid: 'KeepProtected', Effect: 'Deny', Action: 'mobiletargeting:UntagResource', Resource: '*', Condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': 'protected' } } },
  ],
};

async function outcome(call: Promise<unknown>): Promise<string> {
  try { await call; return 'sent'; } catch (e) { return e instanceof AccessDeniedError ? 'denied' : e instanceof ValidationError ? `invalid: ${e.message}` : String(e); }
}

describe('tags are read from what is sent', () => {
  it('a toJSON that sends other tags than the object shows is judged by what it sends', async () => {
    wire.pinpoint();
    const TagsModel = { tags: { env: 'dev' }, toJSON: () => ({ tags: { env: 'prod' } }) };
    expect(await outcome(makeClient({ policy }).tagResource({ ResourceArn: APP_ARN, TagsModel }))).toBe('denied');
    expect(wire.requests).toHaveLength(0);
  });

  it('a getter that answers prod, then dev, is judged by the one read that is sent', async () => {
    wire.pinpoint();
    let reads = 0;
    const tags = { get env() { reads++; return reads === 1 ? 'prod' : 'dev'; } };
    const result = await outcome(makeClient({ policy }).tagResource({ ResourceArn: APP_ARN, TagsModel: { tags } as never }));
    if (result === 'sent') expect(JSON.parse(wire.requests[0]!.body).tags.env).not.toBe('prod');
    else expect(result).toBe('denied');
  });

  it('UntagResource: the tag keys judged are the tagKeys in the URL', async () => {
    wire.pinpoint();
    let reads = 0;
    const keys = ['x'];
    Object.defineProperty(keys, 0, { get: () => (++reads === 1 ? 'protected' : 'safe'), enumerable: true });
    const result = await outcome(makeClient({ policy }).untagResource({ ResourceArn: APP_ARN, TagKeys: keys }));
    if (result === 'sent') expect(new URL(wire.requests[0]!.url).searchParams.getAll('tagKeys')).not.toContain('protected');
    else expect(result).toBe('denied');
  });

  it('tag keys that differ only in case are rejected before the guard, in either order', async () => {
    wire.pinpoint();
    for (const tags of [{ ENV: 'prod', env: 'dev' }, { env: 'dev', ENV: 'prod' }]) {
      expect(await outcome(makeClient({ policy }).tagResource({ ResourceArn: APP_ARN, TagsModel: { tags } }))).toMatch(/^invalid: TagResource: input\.tags: expected tag keys that differ in more than letter case/);
    }
    expect(wire.requests).toHaveLength(0);
  });

  it('a tag value that is not a string is rejected, naming it', async () => {
    wire.pinpoint();
    expect(await outcome(makeClient({ policy }).createApp({ CreateApplicationRequest: { Name: 'n', tags: { env: 5 as never } } })))
      .toBe('invalid: CreateApp: input.CreateApplicationRequest.tags.env: expected a string tag value, got number');
  });
});
