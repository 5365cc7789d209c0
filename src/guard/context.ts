/** The request context keys the guard knows for each call, merged over what the caller supplies. */
import type { RequestContext } from '../policy/index.js';

export interface CallFacts {
  readonly now: Date;
  readonly region: string;
  readonly secureTransport: boolean;
  /** The request's tags; an empty set when the request has none. `undefined` only when no request is known (simulation). */
  readonly tags: { readonly requestTags: Readonly<Record<string, string>>; readonly tagKeys: readonly string[] } | undefined;
  /**
   * Tooling only (check, matrix): the caller's values for the guard's own keys win, as what-if values. The client
   * never sets it: at run time nobody but the guard vouches for the time, transport, Region or request tags.
   */
  readonly whatIf?: boolean;
}

/** Keys the guard always sets, lower-cased (IAM condition keys are case-insensitive). */
const FACT_KEYS = new Set(['aws:currenttime', 'aws:epochtime', 'aws:requestedregion', 'aws:securetransport']);
const isTagKey = (lower: string): boolean => lower === 'aws:tagkeys' || lower.startsWith('aws:requesttag/');

let lastSecond = NaN;
let lastKeys = { current: '', epoch: '' };
/** The time keys change once a second; formatting them before every request would be most of the context's cost. */
function timeKeys(now: Date): { current: string; epoch: string } {
  const second = Math.floor(now.getTime() / 1000);
  if (second !== lastSecond) {
    lastSecond = second;
    lastKeys = { current: new Date(second * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'), epoch: String(second) };
  }
  return lastKeys;
}

/** Sets a fact unless a what-if value for the key was given (`given` only in what-if mode). */
function setFact(ctx: Record<string, string | readonly string[] | undefined>, given: ReadonlyMap<string, string> | undefined, key: string, value: string | readonly string[]): void {
  if (given === undefined || !given.has(key.toLowerCase())) ctx[key] = value;
}

/** The context of the last call that supplied no keys and sent no tags, and the facts it was made from. */
let bare: { readonly second: number; readonly region: string; readonly secure: boolean; readonly context: RequestContext } | undefined;

/**
 * A call that supplies no keys and sends no tags (the common case) has a context that only the second, the Region and
 * the transport change: it is built once and shared, frozen, until one of them does. Building it per call was a fifth
 * of a guard decision for a resource never seen before.
 */
function bareContext(facts: CallFacts): RequestContext | undefined {
  const tags = facts.tags;
  if (facts.whatIf || tags === undefined || tags.tagKeys.length > 0) return undefined;
  for (const _ in tags.requestTags) return undefined;
  const second = Math.floor(facts.now.getTime() / 1000);
  const last = bare;
  if (last !== undefined && last.second === second && last.region === facts.region && last.secure === facts.secureTransport) return last.context;
  const time = timeKeys(facts.now);
  const context: RequestContext = Object.freeze(Object.assign(Object.create(null) as Record<string, string | readonly string[]>, {
    'aws:CurrentTime': time.current,
    'aws:EpochTime': time.epoch,
    'aws:RequestedRegion': facts.region,
    'aws:SecureTransport': String(facts.secureTransport),
    'aws:TagKeys': Object.freeze([]) as readonly string[],
  }));
  bare = { second, region: facts.region, secure: facts.secureTransport, context };
  return context;
}

/**
 * Caller keys first, then per-call ones; the guard's facts win, since a caller cannot vouch for the time, transport
 * or Region, nor (when `facts.tags` is given, i.e. the request is known) for the request's tags. Caller keys naming a
 * fact are dropped in any letter case: the engine reads keys case-insensitively, so a differently cased copy could
 * otherwise shadow the fact.
 */
export function requestContext(configured: RequestContext | undefined, perCall: RequestContext | undefined, facts: CallFacts): RequestContext {
  if (configured === undefined && perCall === undefined) {
    const shared = bareContext(facts);
    if (shared !== undefined) return shared;
  }
  // No prototype: a caller key named __proto__ stays a key. Per-call keys replace configured ones in any letter case.
  const ctx = Object.create(null) as Record<string, string | readonly string[] | undefined>;
  const byLower = new Map<string, string>();
  for (const source of [configured, perCall]) {
    for (const [k, v] of Object.entries(source ?? {})) {
      const lower = k.toLowerCase();
      if (!facts.whatIf && (FACT_KEYS.has(lower) || (facts.tags && isTagKey(lower)))) continue;
      const prior = byLower.get(lower);
      if (prior !== undefined) delete ctx[prior];
      byLower.set(lower, k);
      ctx[k] = v;
    }
  }
  // A what-if value stands in for the fact of the same key (any letter case); the other facts are set as at run time.
  const given = facts.whatIf ? byLower : undefined;
  const time = timeKeys(facts.now);
  setFact(ctx, given, 'aws:CurrentTime', time.current);
  setFact(ctx, given, 'aws:EpochTime', time.epoch);
  setFact(ctx, given, 'aws:RequestedRegion', facts.region);
  setFact(ctx, given, 'aws:SecureTransport', String(facts.secureTransport));
  if (facts.tags) {
    for (const [k, v] of Object.entries(facts.tags.requestTags)) setFact(ctx, given, `aws:RequestTag/${k}`, v);
    setFact(ctx, given, 'aws:TagKeys', facts.tags.tagKeys);
  }
  return ctx;
}
