/**
 * The policy set as the decision walks it: tiers of which each must allow, each holding slots (a
 * compiled policy under the name explanations use), and the small helpers every explanation
 * shares — statement references and the missing-key collector.
 */
import type { MissingKeys } from './conditions/index.js';
import type { CompiledPolicy, CompiledStatement } from './compile.js';
import { statementName } from './statement-name.js';
import type { StatementRef } from './types.js';

export interface Slot {
  readonly name: string;
  readonly compiled: CompiledPolicy;
  /** Frozen references to each statement, made once so a decision allocates none. */
  readonly refs: readonly StatementRef[];
}

/** Places a compiled policy in a set under `name`. */
export function makeSlot(name: string, compiled: CompiledPolicy): Slot {
  const refs = compiled.statements.map((s) => {
    const { index, sid } = s.statement;
    return Object.freeze(sid === undefined ? { policy: name, index, effect: s.effect } : { policy: name, index, sid, effect: s.effect });
  });
  return { name, compiled, refs };
}

/** A group of policies of which at least one must allow (identity, boundary, an SCP level, session). */
export interface Tier {
  /** How a reason names the tier, e.g. "the permissions boundary". */
  readonly title: string;
  readonly identity: boolean;
  readonly slots: readonly Slot[];
}


/** Missing keys, deduplicated case-insensitively and reported as the policy first spelt them. */
export class Missing implements MissingKeys {
  private spelled: Map<string, string> | undefined;
  add(key: string): void {
    const lower = key.toLowerCase();
    if (!(this.spelled ??= new Map()).has(lower)) this.spelled.set(lower, key);
  }
  get keys(): ReadonlySet<string> | undefined {
    return this.spelled === undefined ? undefined : new Set(this.spelled.values());
  }
  /** Whether no key was added. */
  get none(): boolean {
    return this.spelled === undefined || this.spelled.size === 0;
  }
  /** Empties the collector for reuse, and returns it. */
  clear(): this {
    this.spelled?.clear();
    return this;
  }
}

export interface Hit {
  readonly slot: Slot;
  readonly statement: CompiledStatement;
}

export function ref(slot: Slot, s: CompiledStatement): StatementRef {
  return slot.refs[s.statement.index] as StatementRef;
}

/** Each ref's name, made once: a ref is frozen and lives as long as its slot, and every Allow's reason names one. */
const names = new WeakMap<StatementRef, string>();

function nameOf(r: StatementRef): string {
  let name = names.get(r);
  if (name === undefined) names.set(r, (name = statementName(r)));
  return name;
}

export function listRefs(refs: readonly StatementRef[]): string {
  const first = refs[0] as StatementRef;
  return refs.length === 1 ? nameOf(first) : `${nameOf(first)} and ${refs.length - 1} more`;
}

