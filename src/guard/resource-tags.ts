/**
 * `resourceTags: 'fetch'`: when a policy tests aws:ResourceTag/* for the action being called, the resource's tags
 * are read with ListTagsForResource (itself a guarded call through the same client), cached per ARN for a TTL and
 * dropped when TagResource/UntagResource succeed through that client. The fetched tags are facts: the caller's
 * context cannot supply aws:ResourceTag/* next to them.
 */
import { matchWildcard, parsePolicy, type ParsedPolicy, type PolicyInput } from '../policy/index.js';

const RESOURCE_TAG = 'aws:resourcetag/';
const DEFAULT_TTL_SECONDS = 60;

/** Whether a statement applies to `action` (Action matches, or NotAction does not). */
function appliesTo(st: ParsedPolicy['statements'][number], action: string): boolean {
  const matches = (patterns: readonly string[]): boolean => patterns.some((p) => matchWildcard(p, action, { ignoreCase: true }));
  return st.action ? matches(st.action) : !matches(st.notAction ?? []);
}

/** Whether any statement for `action` tests aws:ResourceTag/* (a condition key, or a variable in Resource). */
export function testsResourceTags(policies: readonly ParsedPolicy[], action: string): boolean {
  return policies.some((p) => p.statements.some((st) => appliesTo(st, action) && (
    st.conditions.some((c) => c.key.toLowerCase().startsWith(RESOURCE_TAG))
    || [...(st.resource ?? []), ...(st.notResource ?? [])].some((r) => r.toLowerCase().includes('${aws:resourcetag/'))
  )));
}

/** Every policy of a configured set that could decide, parsed (a policy that does not parse is the guard's to refuse). */
export function parsedAll(inputs: readonly (PolicyInput | undefined)[]): ParsedPolicy[] {
  const out: ParsedPolicy[] = [];
  for (const input of inputs) {
    if (input === undefined) continue;
    try {
      out.push(parsePolicy(input));
    } catch {
      // An invalid policy denies every call on its own (the guard's 'invalid' state); no tags are needed for that.
    }
  }
  return out;
}

/** Tags per resource ARN, each kept for the TTL. */
export class ResourceTagCache {
  readonly #entries = new Map<string, { readonly tags: Readonly<Record<string, string>>; readonly expires: number }>();
  readonly #ttlMs: number;
  readonly #now: () => number;
  /** Which actions the current policies test resource tags for, per policy list (a refreshed principal brings a new list). */
  readonly #needs = new WeakMap<readonly ParsedPolicy[], Map<string, boolean>>();

  constructor(ttlSeconds: number | undefined, now: () => number = Date.now) {
    const ttl = ttlSeconds ?? DEFAULT_TTL_SECONDS;
    if (!(Number.isFinite(ttl) && ttl >= 0)) throw new TypeError(`config.resourceTagsTtlSeconds: expected a number of seconds ≥ 0, got ${ttlSeconds}`);
    this.#ttlMs = ttl * 1000;
    this.#now = now;
  }

  /** Whether `action` needs the resource's tags under `policies` (answer cached per policy list). */
  needed(policies: readonly ParsedPolicy[], action: string): boolean {
    let byAction = this.#needs.get(policies);
    if (!byAction) this.#needs.set(policies, (byAction = new Map()));
    let answer = byAction.get(action);
    if (answer === undefined) byAction.set(action, (answer = testsResourceTags(policies, action)));
    return answer;
  }

  get(arn: string): Readonly<Record<string, string>> | undefined {
    const entry = this.#entries.get(arn);
    if (entry && entry.expires > this.#now()) return entry.tags;
    this.#entries.delete(arn);
    return undefined;
  }

  set(arn: string, tags: Readonly<Record<string, string>>): void {
    this.#entries.set(arn, { tags: Object.freeze({ ...tags }), expires: this.#now() + this.#ttlMs });
  }

  invalidate(arn: string): void {
    this.#entries.delete(arn);
  }
}

const describeValue = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'string' ? `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}` : typeof v);

/**
 * The tags in a ListTagsForResource answer (`{ TagsModel: { tags: { key: value } } }`). Anything else — no `tags`,
 * `tags` null, a list, a string, a value that is not a string — is not "no tags" but an answer the guard cannot
 * read: it throws, and the guard denies with that reason.
 */
export function tagsOfAnswer(out: unknown): Readonly<Record<string, string>> {
  const model = (out as { TagsModel?: unknown } | null | undefined)?.TagsModel;
  if (model === null || typeof model !== 'object' || Array.isArray(model)) throw new Error(`the ListTagsForResource answer has no tags object (TagsModel is ${describeValue(model)})`);
  const tags = (model as { tags?: unknown }).tags;
  if (tags === null || typeof tags !== 'object' || Array.isArray(tags)) throw new Error(`the ListTagsForResource answer's "tags" is ${tags === undefined ? 'missing' : describeValue(tags)}, expected a map of tag keys to string values`);
  const out2 = Object.create(null) as Record<string, string>;
  for (const [k, v] of Object.entries(tags)) {
    if (typeof v !== 'string') throw new Error(`the ListTagsForResource answer's tag ${JSON.stringify(k)} is ${describeValue(v)}, expected a string`);
    out2[k] = v;
  }
  return out2;
}
