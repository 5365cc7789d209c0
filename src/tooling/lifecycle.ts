/** The lifecycle of every catalog action (issue 8), as rows for a table. */
import type { AccessLevel, LifecycleStatus } from '../client/spec.js';
import { catalogActions } from './catalog.js';

/** One action's lifecycle, as the `lifecycle` command prints it. */
export interface LifecycleRow {
  readonly action: string;
  readonly group: string;
  readonly accessLevel: AccessLevel;
  readonly operation?: string;
  readonly status: LifecycleStatus;
  readonly reason: string;
  /** Where the status comes from: AWS's end-of-support notice and its date. */
  readonly source: string;
  readonly successor?: string;
}

/** Every catalog action's lifecycle, sorted by group then action; only those with `status` when given. */
export function lifecycleTable(options?: { readonly status?: LifecycleStatus }): LifecycleRow[] {
  return catalogActions
    .filter((a) => options?.status === undefined || a.lifecycle.status === options.status)
    .map((a) => ({
      action: a.action,
      group: a.group,
      accessLevel: a.accessLevel,
      ...(a.operation === undefined ? {} : { operation: a.operation }),
      status: a.lifecycle.status,
      reason: a.lifecycle.reason,
      source: a.lifecycle.source,
      ...(a.lifecycle.successor === undefined ? {} : { successor: a.lifecycle.successor }),
    }))
    .sort((a, b) => a.group.localeCompare(b.group) || a.action.localeCompare(b.action));
}
