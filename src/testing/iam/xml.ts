/**
 * Renders answers as the AWS Query protocol does: `<{Action}Response xmlns=…><{Action}Result>…</…><ResponseMetadata>`,
 * lists as `<member>` elements, maps as `<entry><key/><value/></entry>`, and errors as `<ErrorResponse>`.
 */

/** A map rendered as `<entry>` elements (IAM's `EvalDecisionDetails`), unlike a structure's named children. */
export class XmlMap {
  constructor(readonly entries: Readonly<Record<string, string>>) {}
}

/** A value of the response tree: a structure (object), a list (array of members), a map, or a scalar. */
export type XmlValue = string | number | boolean | undefined | XmlMap | readonly XmlValue[] | { readonly [name: string]: XmlValue };

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Escapes text for an element body (quotes need no escape there, and IAM sends them as they are). */
export function escapeXml(text: string): string {
  return text.replace(/[&<>]/g, (c) => ESCAPES[c] ?? c);
}

/** The children of one element: absent values are left out, as AWS omits unset members. */
export function renderXml(value: XmlValue): string {
  if (value === undefined) return '';
  if (value instanceof XmlMap) {
    return Object.entries(value.entries).map(([k, v]) => `<entry><key>${escapeXml(k)}</key><value>${escapeXml(v)}</value></entry>`).join('');
  }
  if (Array.isArray(value)) return (value as readonly XmlValue[]).map((m) => `<member>${renderXml(m)}</member>`).join('');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, XmlValue>)
      .filter(([, v]) => v !== undefined)
      .map(([name, v]) => `<${name}>${renderXml(v)}</${name}>`)
      .join('');
  }
  return escapeXml(String(value));
}

/** A successful Query-protocol answer of `action` in `namespace`. */
export function resultXml(namespace: string, action: string, result: XmlValue, requestId: string): string {
  const body = result === undefined ? '' : `<${action}Result>${renderXml(result)}</${action}Result>`;
  return `<${action}Response xmlns="${namespace}">${body}<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`;
}

/** IAM's and STS's error body: `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>`. */
export function errorXml(namespace: string, error: { readonly type: 'Sender' | 'Receiver'; readonly code: string; readonly message: string }, requestId: string): string {
  return `<ErrorResponse xmlns="${namespace}"><Error><Type>${error.type}</Type><Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
}
