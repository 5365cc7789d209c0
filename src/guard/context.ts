/** The request context keys the guard knows for each call, merged over what the caller supplies. */
import type { RequestContext } from '../policy/index.js';

export interface CallFacts {
  readonly now: Date;
  readonly region: string;
  readonly secureTransport: boolean;
  readonly tags: { readonly requestTags: Readonly<Record<string, string>>; readonly tagKeys: readonly string[] } | undefined;
}

/** Caller keys first, then per-call ones; the guard's facts win, since a caller cannot vouch for the time or transport. */
export function requestContext(configured: RequestContext | undefined, perCall: RequestContext | undefined, facts: CallFacts): RequestContext {
  const ctx: Record<string, string | readonly string[] | undefined> = { ...configured, ...perCall };
  ctx['aws:CurrentTime'] = facts.now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  ctx['aws:EpochTime'] = String(Math.floor(facts.now.getTime() / 1000));
  ctx['aws:RequestedRegion'] = facts.region;
  ctx['aws:SecureTransport'] = String(facts.secureTransport);
  if (facts.tags) {
    for (const [k, v] of Object.entries(facts.tags.requestTags)) ctx[`aws:RequestTag/${k}`] = v;
    ctx['aws:TagKeys'] = facts.tags.tagKeys;
  }
  return ctx;
}
