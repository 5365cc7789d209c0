/**
 * Resources kept as a version history, oldest first (segments, campaigns): the last version is the resource; an update
 * appends the next version; `Get*Version` reads one by its `Version` label.
 */
import type { HandlerContext } from '../context.js';
import { notFound } from '../errors.js';

interface Version { readonly Version?: number }

/** A stored resource and its history. */
export interface VersionHistory<V extends Version> { readonly versions: V[] }

/** The current version. */
export const latest = <V extends Version>(stored: VersionHistory<V>): V => stored.versions[stored.versions.length - 1]!;

/**
 * Appends `{ ...current, ...changes, LastModifiedDate, Version: current + 1 }` and returns it. `changes` are written
 * over the current version as they are: leave out what an update does not change (tags, say).
 */
export function addVersion<V extends Version & { LastModifiedDate?: string }>(ctx: HandlerContext, stored: VersionHistory<V>, changes: Partial<V>): V {
  const current = latest(stored);
  const next: V = { ...current, ...changes, LastModifiedDate: ctx.now(), Version: (current.Version ?? 0) + 1 };
  stored.versions.push(next);
  return next;
}

/** The version named by the `Version` label, or a `NotFoundException` naming `kind` (`'Segment version'`). */
export function versionOf<V extends Version>(ctx: HandlerContext, stored: VersionHistory<V>, kind: string): V {
  const version = ctx.params.Version ?? '';
  const found = stored.versions.find((v) => String(v.Version) === version);
  if (!found) throw notFound(kind, version);
  return found;
}
