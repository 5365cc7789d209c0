/**
 * Tags on every taggable resource — projects, campaigns, segments, journeys and message templates — through
 * TagResource, UntagResource and ListTagsForResource. The ARN names the resource; the tags are the same ones the
 * resource's own Get answers with (`tags`), so both views always agree. An ARN of another Region or account, or of
 * no resource the mock holds, is a `NotFoundException`; one that is not an ARN, a `BadRequestException`.
 */
import type { TagsModel } from '../../../generated/shapes.js';
import type { HandlerContext, HandlerTable } from '../context.js';
import type { MemoryStore } from '../store.js';
import { templateKey } from '../store.js';
import { parseArn } from '../../resource/arn.js';
import { badRequest, notFound } from '../errors.js';
import { templateType } from './templates.js';

/** Where a resource keeps its tags: read them, or replace them. */
interface TagHolder {
  get(): Readonly<Record<string, string>>;
  set(tags: Record<string, string>): void;
}

/** Tags kept on every version of a resource (segments, campaigns): the tags are the resource's, not a version's. */
function onVersions(versions: { tags?: Record<string, string> }[]): TagHolder {
  return {
    get: () => versions[versions.length - 1]?.tags ?? {},
    set: (tags) => { for (const v of versions) v.tags = { ...tags }; },
  };
}

/** The taggable resources, by the resource part of their ARN. */
const TAGGABLE: readonly { readonly pattern: RegExp; resolve(store: MemoryStore, ids: readonly string[]): TagHolder | undefined }[] = [
  {
    pattern: /^apps\/([^/]+)$/,
    resolve: (store, [app]) => {
      const stored = store.apps.get(app!);
      return stored && { get: () => stored.app.tags ?? {}, set: (tags) => { stored.app = { ...stored.app, tags }; } };
    },
  },
  {
    pattern: /^apps\/([^/]+)\/campaigns\/([^/]+)$/,
    resolve: (store, [app, id]) => {
      const campaign = store.apps.get(app!)?.campaigns.get(id!);
      return campaign && onVersions(campaign.versions);
    },
  },
  {
    pattern: /^apps\/([^/]+)\/segments\/([^/]+)$/,
    resolve: (store, [app, id]) => {
      const segment = store.apps.get(app!)?.segments.get(id!);
      return segment && onVersions(segment.versions);
    },
  },
  {
    pattern: /^apps\/([^/]+)\/journeys\/([^/]+)$/,
    resolve: (store, [app, id]) => {
      const stored = store.apps.get(app!)?.journeys.get(id!);
      return stored && { get: () => stored.journey.tags ?? {}, set: (tags) => { stored.journey = { ...stored.journey, tags }; } };
    },
  },
  {
    pattern: /^templates\/([^/]+)\/([^/]+)$/,
    resolve: (store, [name, type]) => {
      const template = store.templates.get(templateKey(templateType(type!), name!));
      return template && { get: () => template.tags, set: (tags) => { template.tags = tags; } };
    },
  },
];

function holderOf(ctx: HandlerContext): TagHolder {
  const arn = ctx.params.ResourceArn ?? '';
  const parsed = parseArn(arn);
  if (!parsed || parsed.service !== 'mobiletargeting') throw badRequest(`Invalid ResourceArn ${JSON.stringify(arn)}: expected an Amazon Pinpoint ARN (arn:aws:mobiletargeting:<region>:<account>:<resource>)`);
  // Built back from the resource part, the ARN must be the same: same partition, Region and account as the request's.
  if (ctx.arn(parsed.resource) === arn) {
    for (const t of TAGGABLE) {
      const ids = t.pattern.exec(parsed.resource)?.slice(1);
      const holder = ids && t.resolve(ctx.store, ids);
      if (holder) return holder;
    }
  }
  throw notFound('Resource', arn);
}

/** Tag rules AWS applies to every service: at most 50 tags, keys of 1–128 and values of 0–256 characters, no `aws:` keys. */
function checkTags(tags: Readonly<Record<string, unknown>>): void {
  const entries = Object.entries(tags);
  if (entries.length > 50) throw badRequest(`Too many tags: a resource can have at most 50, got ${entries.length}`);
  for (const [key, value] of entries) {
    if (key.length < 1 || key.length > 128) throw badRequest(`Invalid tag key ${JSON.stringify(key)}: 1 to 128 characters`);
    if (/^aws:/i.test(key)) throw badRequest(`Invalid tag key ${JSON.stringify(key)}: the aws: prefix is reserved for AWS use`);
    if (typeof value !== 'string' || value.length > 256) throw badRequest(`Invalid value of tag ${JSON.stringify(key)}: a string of at most 256 characters`);
  }
}

export const tagHandlers: HandlerTable = {
  ListTagsForResource: (ctx): TagsModel => ({ tags: { ...holderOf(ctx).get() } }),
  TagResource: (ctx) => {
    const holder = holderOf(ctx);
    const { tags } = ctx.body as unknown as TagsModel;
    if (tags === null || typeof tags !== 'object' || Array.isArray(tags)) throw badRequest('TagsModel: tags must be a map of tag keys to values');
    checkTags(tags);
    const merged = { ...holder.get(), ...tags };
    checkTags(merged);
    holder.set(merged);
    return undefined;
  },
  UntagResource: (ctx) => {
    const holder = holderOf(ctx);
    const keys = ctx.queryList('tagKeys');
    if (keys.length === 0) throw badRequest('UntagResource: the required query parameter tagKeys is missing');
    holder.set(Object.fromEntries(Object.entries(holder.get()).filter(([k]) => !keys.includes(k))));
    return undefined;
  },
};
