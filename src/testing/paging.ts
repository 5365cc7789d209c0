/** Paging as Pinpoint pages lists: `page-size` and `token` in, `{ Item, NextToken }` out, the token opaque. */
import { badRequest } from './errors.js';

/** Page size when the request names none. */
export const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 1000;

const encodeToken = (offset: number): string => Buffer.from(`offset:${offset}`).toString('base64url');

function decodeToken(token: string): number {
  const m = /^offset:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (!m) throw badRequest(`Invalid token: ${JSON.stringify(token)} was not returned by this service`);
  return Number(m[1]);
}

/** Slices `items` by the `page-size` and `token` query parameters; `NextToken` is present only when more items remain. */
export function pageOf<T>(items: readonly T[], query: Readonly<Record<string, string>>, defaultSize = DEFAULT_PAGE_SIZE): { Item: T[]; NextToken?: string } {
  const rawSize = query['page-size'];
  const size = rawSize === undefined ? defaultSize : Number(rawSize);
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) throw badRequest(`Invalid page-size: expected an integer from 1 to ${MAX_PAGE_SIZE}, got ${JSON.stringify(rawSize)}`);
  const token = query.token ?? query['next-token'];
  const start = token === undefined || token === '' ? 0 : decodeToken(token);
  const end = start + size;
  const page: { Item: T[]; NextToken?: string } = { Item: items.slice(start, end) };
  if (end < items.length) page.NextToken = encodeToken(end);
  return page;
}
