/** The one path and query encoder (RFC 3986, as AWS SigV4 expects): every value becomes exactly one segment. */

/** Percent-encodes everything but RFC 3986 unreserved characters, so `/`, `?`, `#`, `%` and spaces cannot escape a segment. */
export function encodeSegment(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Fills `{Member}` placeholders of a path template with encoded values. */
export function fillPath(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => encodeSegment(values[name] ?? ''));
}

/** Builds a query string from (wire name, value) pairs, in the order given. */
export function queryString(pairs: readonly (readonly [string, string])[]): string {
  return pairs.map(([k, v]) => `${encodeSegment(k)}=${encodeSegment(v)}`).join('&');
}
