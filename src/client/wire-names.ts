/** Renames members whose JSON key differs from their name (AWS's `jsonName`), in both directions. */
import type { WireName } from './spec.js';
import { pathDepth, visitPath } from './paths.js';

function rename(root: unknown, names: readonly WireName[], toWire: boolean): void {
  // Requests rename the deepest members first and responses the shallowest, so every path is walked through
  // the member names it was written with.
  const ordered = [...names].sort((a, b) => (toWire ? pathDepth(b.path) - pathDepth(a.path) : pathDepth(a.path) - pathDepth(b.path)));
  for (const { path, wire } of ordered) {
    const cut = path.lastIndexOf('.');
    const member = path.slice(cut + 1);
    const parent = cut < 0 ? '' : path.slice(0, cut);
    const [from, to] = toWire ? [member, wire] : [wire, member];
    const apply = (obj: unknown): void => {
      if (obj && typeof obj === 'object' && from in obj) {
        const o = obj as Record<string, unknown>;
        o[to] = o[from];
        delete o[from];
      }
    };
    if (parent === '') apply(root);
    else visitPath(root, parent, (container, key) => apply(container[key]));
  }
}

/** A copy of a request body with wire names applied (the caller's object is left alone). */
export function toWireNames<T>(body: T, names: readonly WireName[] | undefined): T {
  if (!names?.length || body === null || typeof body !== 'object') return body;
  const copy = structuredClone(body);
  rename(copy, names, true);
  return copy;
}

/** Renames a parsed response body's wire keys back to member names, in place. */
export function fromWireNames(body: unknown, names: readonly WireName[] | undefined): unknown {
  if (names?.length) rename(body, names, false);
  return body;
}
