/** The request a bound call becomes at an endpoint, without credentials or signature: what dry-run shows and what is signed. */
import type { BoundCall } from './bind.js';
import { queryString } from './encode.js';
import type { PreparedRequest } from './types.js';

/** The method, URL (the endpoint's base, the encoded path and query), content type and body of a bound call. */
export function prepareRequest(endpoint: URL, bound: BoundCall): PreparedRequest {
  const qs = queryString(bound.query);
  const base = endpoint.href.replace(/\/$/, '');
  return {
    method: bound.spec.method,
    url: `${base}${bound.path}${qs ? `?${qs}` : ''}`,
    headers: bound.body !== undefined ? { 'content-type': 'application/json' } : {},
    body: bound.body,
  };
}
