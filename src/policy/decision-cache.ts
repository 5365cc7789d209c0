/**
 * The decision cache of a compiled policy set.
 *
 * A decision is a pure function of the action, the resource, and the values (or unknown-ness) of
 * the context keys that the statements for that action read, so it is filed under exactly those:
 * per action, per resource, a short list of variants, each under a fingerprint of those keys'
 * values. Unrelated context keys (or `aws:CurrentTime` when no statement for the action reads it)
 * do not defeat it. An implicit deny's explanation may read a few more statements (the near-miss
 * search), so such a deny is filed under the fingerprint of those keys too.
 *
 * A resource is admitted on its second sighting. Keeping a decision for a resource seen once is
 * what made such decisions slow: the entry outlives the young generation's collections, so every
 * never-repeated resource was copied and promoted by the garbage collector (measured: a miss went
 * from ~1 µs to ~4 µs as the old generation filled). The first sighting leaves only a hash in a
 * typed array, which the collector never scans. A hash collision merely admits a resource early;
 * lookups always compare the whole resource string.
 *
 * The variants of a resource are a small array rather than a Map: almost every resource sees one
 * or two.
 *
 * The same tail hash keeps a never-seen resource off the Map altogether: each action keeps a bit
 * per hash slot of the resources it has filed, and a resource whose slot is clear is not there.
 * Measured: looking a fresh resource up in the Map (hashing all ~80 characters of its ARN) and
 * then testing it again in `admit` was a third of a cache-missing decision.
 */
import { contextFingerprint, type ContextView } from './context.js';
import type { Decision } from './types.js';

/** One cached decision and the fingerprint it was filed under. */
interface Variant {
  /** Fingerprint over `keys`, or over `explanationKeys` when `explained`. */
  readonly values: string;
  readonly explained: boolean;
  readonly decision: Decision;
}

/** What the cache knows of one action; its spellings that differ only in case share it. */
export interface ActionKeys {
  /** Sorted lower-cased keys the statements for the action read. */
  readonly keys: readonly string[];
  /** The same plus those an implicit deny's explanation may read. */
  readonly explanationKeys: readonly string[];
}

interface ActionEntry extends ActionKeys {
  readonly byResource: Map<string, Decision | Variant[]>;
  /** Hashes of resources seen once, direct-mapped (see `admit`). */
  readonly seen: Int32Array;
  /** A bit per hash slot, set where some resource in `byResource` has its hash's slot: clear means none there has. */
  readonly filed: Uint32Array;
}

/** Slots of the first-sighting table of an action (a power of two). */
const SEEN_SLOTS = 1_024;
/** Characters hashed from the end of a resource: where ARNs of one action differ (the ids). */
const HASHED_TAIL = 16;

/** Slots of the filed-resource filter of an action: 16 per resource kept, so few fresh resources reach the Map; 2 KiB. */
const FILED_SLOTS = 16_384;
const isFiled = (filed: Uint32Array, hash: number): boolean => (filed[(hash & (FILED_SLOTS - 1)) >>> 5]! & (1 << (hash & 31))) !== 0;

/**
 * A cheap, non-zero hash of a resource's length and tail: what `lookup` and `admit` of one request
 * share (collisions only admit early, or send a lookup on to the Map).
 */
export function tailHash(resource: string): number {
  let h = resource.length ^ 0x811c9dc5;
  for (let i = Math.max(0, resource.length - HASHED_TAIL); i < resource.length; i++) h = Math.imul(h ^ resource.charCodeAt(i), 0x01000193);
  return h === 0 ? 1 : h;
}

/**
 * Resources kept per action before that action's entries start over. Measured, not guessed: a
 * Map of some 10,000 decisions made each new decision cost ~20 µs (the garbage collector
 * re-scanning a large table that points at young objects), one of ~1,000 costs nothing extra.
 */
const RESOURCES_PER_ACTION = 1_024;
/** Variants kept per resource: more means the context keeps changing, and the list starts over. */
const VARIANTS_PER_RESOURCE = 8;

/** A bounded cache of decisions: `lookup`; on a miss, decide, then `store` what `admit` lets in. */
export class DecisionCache {
  private readonly actions = new Map<string, ActionEntry>();
  private stored = 0;

  constructor(
    private readonly capacity: number,
    /** Which keys the statements for an action read (computed once per action). */
    private readonly keysOf: (action: string) => ActionKeys,
    /** Whether a decision writes its explanation later, from keys beyond the action's own. */
    private readonly explainsLater: (d: Decision) => boolean,
  ) {}

  /** The cached decision for this request, if any; `hash` is `tailHash(resource)`. */
  lookup(action: string, resource: string, hash: number, view: ContextView): Decision | undefined {
    // Spellings of an action that differ only in case share its entry (actions are case-insensitive).
    const entry = this.actions.get(action) ?? this.addAction(action);
    if (!isFiled(entry.filed, hash)) return undefined;
    const found = entry.byResource.get(resource);
    if (found === undefined) return undefined;
    if (!Array.isArray(found)) return found;
    const { keys, explanationKeys } = entry;
    const values = keys.length === 0 ? '' : contextFingerprint(view, keys);
    let denies = false;
    for (const v of found) {
      if (!v.explained && v.values === values) return v.decision;
      denies ||= v.explained;
    }
    if (!denies) return undefined;
    const explanation = contextFingerprint(view, explanationKeys);
    for (const v of found) if (v.explained && v.values === explanation) return v.decision;
    return undefined;
  }

  /**
   * Whether a decision just made for this request (one `lookup` did not find) should be filed: a
   * resource already filed under other context values is; a new one only on its second sighting.
   */
  admit(action: string, resource: string, hash: number): boolean {
    const entry = this.actions.get(action) ?? this.addAction(action);
    if (isFiled(entry.filed, hash) && entry.byResource.has(resource)) return true;
    const slot = hash & (SEEN_SLOTS - 1);
    if (entry.seen[slot] === hash) return true;
    entry.seen[slot] = hash;
    return false;
  }

  /** Files a decision just made for this request (after `admit`). */
  store(action: string, resource: string, hash: number, view: ContextView, decision: Decision): void {
    if (this.stored >= this.capacity) this.startOver();
    const entry = this.actions.get(action) ?? this.addAction(action);
    const { byResource, keys, explanationKeys } = entry;
    const explained = explanationKeys.length > keys.length && this.explainsLater(decision);
    if (keys.length === 0 && !explained) {
      this.count(entry, resource, hash);
      byResource.set(resource, decision);
      return;
    }
    const variant: Variant = { values: contextFingerprint(view, explained ? explanationKeys : keys), explained, decision };
    const found = byResource.get(resource);
    if (Array.isArray(found) && found.length < VARIANTS_PER_RESOURCE) {
      found.push(variant);
      this.stored++;
      return;
    }
    this.count(entry, resource, hash);
    byResource.set(resource, [variant]);
  }

  /** Counts a new resource entry, first making room under the per-action bound, and marks its slot filed. */
  private count(entry: ActionEntry, resource: string, hash: number): void {
    const { byResource } = entry;
    const replaced = byResource.get(resource);
    if (replaced !== undefined) this.stored -= Array.isArray(replaced) ? replaced.length : 1;
    else if (byResource.size >= RESOURCES_PER_ACTION) {
      for (const e of byResource.values()) this.stored -= Array.isArray(e) ? e.length : 1;
      byResource.clear();
      entry.filed.fill(0);
    }
    entry.filed[(hash & (FILED_SLOTS - 1)) >>> 5]! |= 1 << (hash & 31);
    this.stored++;
  }

  private addAction(action: string): ActionEntry {
    const lower = action.toLowerCase();
    let entry = this.actions.get(lower);
    if (entry === undefined) {
      entry = { ...this.keysOf(action), byResource: new Map(), seen: new Int32Array(SEEN_SLOTS), filed: new Uint32Array(FILED_SLOTS / 32) };
      this.actions.set(lower, entry);
    }
    this.actions.set(action, entry);
    return entry;
  }

  /** Bounded memory: when full, drop everything (cheaper per call than tracking the oldest entry). */
  private startOver(): void {
    this.actions.clear();
    this.stored = 0;
  }
}
