/**
 * The one path and query encoder (RFC 3986, as AWS SigV4 expects): every value becomes exactly one segment; and the one
 * timestamp format of requests.
 */

const UNRESERVED = /^[A-Za-z0-9\-._~]*$/;

/** Percent-encodes everything but RFC 3986 unreserved characters, so `/`, `?`, `#`, `%` and spaces cannot escape a segment. */
export function encodeSegment(value: string): string {
  // Most ids are all unreserved characters, which encode to themselves: one test instead of an encode and a replace.
  if (UNRESERVED.test(value)) return value;
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

const pathParts = new Map<string, readonly string[]>();

/** Fills `{Member}` placeholders of a path template with encoded values. Odd parts of the split template are names. */
export function fillPath(template: string, values: Readonly<Record<string, string>>): string {
  let parts = pathParts.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    if (pathParts.size < 10_000) pathParts.set(template, parts);
  }
  let out = '';
  for (let i = 0; i < parts.length; i++) out += i % 2 === 0 ? parts[i] : encodeSegment(values[parts[i]!] ?? '');
  return out;
}

/** Builds a query string from (wire name, value) pairs, in the order given. */
export function queryString(pairs: readonly (readonly [string, string])[]): string {
  return pairs.map(([k, v]) => `${encodeSegment(k)}=${encodeSegment(v)}`).join('&');
}

/**
 * A timestamp as `@aws-sdk/client-pinpoint` writes it in a query or a JSON body: ISO 8601 in UTC, milliseconds only
 * when they are not zero (`2015-09-01T00:00:00Z`, `2015-09-01T00:00:00.123Z`).
 */
export function timestampText(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z');
}
