/**
 * Routing driven by the generated `operations` table: each operation's method and path template become one route;
 * a request path resolves to the most specific template it fits, with its labels decoded.
 */
import { operations } from '../../generated/operations.js';
import type { OperationSpec } from '../client/spec.js';

/** The operation a request resolved to, with the decoded values of its path labels. */
export interface RouteMatch {
  readonly operation: OperationSpec;
  readonly params: Readonly<Record<string, string>>;
}

/** What routing found: a match, a path served only under other methods (405), a malformed path (400) or nothing (404). */
export type RouteResult =
  | { readonly kind: 'match'; readonly match: RouteMatch }
  | { readonly kind: 'method-not-allowed'; readonly allowed: readonly string[] }
  | { readonly kind: 'malformed'; readonly reason: string }
  | { readonly kind: 'none' };

interface Route {
  readonly operation: OperationSpec;
  /** Literal segments as strings, labels as `{ label }`. */
  readonly segments: readonly (string | { readonly label: string })[];
  readonly literals: number;
}

function compile(operation: OperationSpec): Route {
  const segments = operation.path.split('/').filter(Boolean).map((s) => {
    const label = /^\{(\w+)\}$/.exec(s)?.[1];
    return label !== undefined ? { label } : s;
  });
  return { operation, segments, literals: segments.filter((s) => typeof s === 'string').length };
}

/** Every operation's route, most specific (most literal segments) first, so `/channels/adm` wins over a label. */
const ROUTES: readonly Route[] = (Object.values(operations) as readonly OperationSpec[]).map(compile).sort((a, b) => b.literals - a.literals);

function fit(route: Route, parts: readonly string[]): Record<string, string> | undefined {
  if (route.segments.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, segment] of route.segments.entries()) {
    const part = parts[i]!;
    if (typeof segment === 'string') {
      if (segment !== part) return undefined;
    } else {
      if (part === '') return undefined;
      params[segment.label] = part;
    }
  }
  return params;
}

/** Resolves a method and a raw (percent-encoded) path to an operation of the table. */
export function route(method: string, rawPath: string): RouteResult {
  let parts: string[];
  try {
    parts = rawPath.split('/').filter(Boolean).map((p) => decodeURIComponent(p));
  } catch {
    return { kind: 'malformed', reason: `the path ${JSON.stringify(rawPath)} is not validly percent-encoded` };
  }
  const allowed: string[] = [];
  for (const r of ROUTES) {
    const params = fit(r, parts);
    if (!params) continue;
    if (r.operation.method === method.toUpperCase()) return { kind: 'match', match: { operation: r.operation, params } };
    allowed.push(r.operation.method);
  }
  return allowed.length > 0 ? { kind: 'method-not-allowed', allowed } : { kind: 'none' };
}
