/**
 * `diffPolicies`: what a policy change grants and takes away, for every mobiletargeting action of the catalog.
 *
 * The requests of one action are cut into finitely many regions, exactly: the request ARNs by the resource patterns of
 * both sides (regular languages over the action's ARN shapes, see language.ts and shapes.ts), and each condition key
 * by the conditions that read it (values.ts). Within a region every statement of either side answers alike, so one
 * representative request decides the whole region — and the engine decides it, with the same `evaluate` every guard
 * uses. The condition keys are walked one at a time, only where a side's decision still depends on them: each side is
 * evaluated with the unassigned keys unknown, and a branch stops as soon as both sides' answers are certain.
 *
 * What cannot be cut exactly — a policy variable in a Resource or condition value, a key compared by two families, a
 * region count past the bounds — is reported as a note naming the statement and why; then "no new access" is not
 * claimed (verdict `unknown`), though any added request found is real (the engine allowed it on one side only).
 */
import type { ActionSpec } from '../../client/spec.js';
import type { CompiledStatement } from '../../policy/compile.js';
import { conditionRequirement, evaluateCondition, type CompiledCondition } from '../../policy/conditions/index.js';
import { contextView } from '../../policy/context.js';
import type { Slot, Tier } from '../../policy/decide.js';
import { statementName, type Decision, type PolicyInput, type RequestContext, type StatementRef } from '../../policy/index.js';
import { PolicyParseError } from '../../policy/errors.js';
import { buildTiers, evaluateTiers } from '../../policy/set.js';
import { parseResourceTemplate, staticTokens } from '../../policy/variables.js';
import { catalogActions, SERVICE } from '../catalog.js';
import { arnPattern, regions, TooComplexError, type Pattern, type Region } from './language.js';
import { shapesOf, type Shape } from './shapes.js';
import { keyValues } from './values.js';

/** One side of a change: the identity policies, and the boundary and SCP levels that limit them. */
export interface DiffSide {
  readonly policies: readonly PolicyInput[];
  readonly permissionsBoundary?: PolicyInput;
  /** Levels from the organization root down; each level needs an allow from one of its policies. */
  readonly serviceControlPolicies?: readonly (readonly PolicyInput[])[];
}

export interface DiffRequest {
  readonly before: DiffSide;
  readonly after: DiffSide;
  /**
   * Keys whose values are facts for both sides, not enumerated: the principal's own keys (`aws:PrincipalTag/team`,
   * `aws:PrincipalArn`) when both sides are attached to one known principal. Every other key ranges over all values.
   */
  readonly context?: RequestContext;
}

/** Requests one side allows and the other does not. */
export interface DiffChange {
  readonly action: string;
  /** The catalog's ARN shape of the requests (the action's template). */
  readonly resourceType: string;
  /** The Resource patterns (of the allowing side's identity policies) that grant these requests. */
  readonly resources: readonly string[];
  /** One request ARN of the change. */
  readonly example: string;
  /** Where the two sides' conditions differ: what the request context must satisfy. Absent: whatever the context. */
  readonly condition?: string;
  /** One request context of the change (absent keys left out). */
  readonly exampleContext?: RequestContext;
  /** The allowing side's statements that grant it. */
  readonly statements: readonly StatementRef[];
}

export interface DiffNote {
  readonly kind: 'cannot-tell' | 'other-service';
  /** The statement concerned, when there is one. */
  readonly statement?: StatementRef;
  readonly side?: 'before' | 'after';
  /** Actions it concerns (cannot-tell). */
  readonly actions?: readonly string[];
  readonly message: string;
}

export interface PolicyDiff {
  /** `new-access`: `after` allows a request `before` does not (listed in `added`); `unknown`: diff cannot tell for some action (see notes). */
  readonly verdict: 'no-new-access' | 'new-access' | 'unknown';
  readonly added: readonly DiffChange[];
  readonly removed: readonly DiffChange[];
  readonly notes: readonly DiffNote[];
}

/** Bound on the decisions one action's search may ask for, per side. */
const MAX_NODES = 100_000;

interface Located {
  readonly slot: Slot;
  readonly statement: CompiledStatement;
  readonly side: 'before' | 'after';
  /** In the identity policies (not the boundary or an SCP). */
  readonly identity: boolean;
}

interface Problem {
  readonly statement?: StatementRef;
  readonly side?: 'before' | 'after';
  readonly message: string;
}

/** Statements of every tier of a side that apply to the action. */
function applicable(tiers: readonly Tier[], action: string, side: 'before' | 'after'): Located[] {
  return tiers.flatMap((t) => t.slots.flatMap((slot) => slot.compiled.forAction(action).map((statement) => ({ slot, statement, side, identity: t.identity }))));
}

function refOf(l: Located): StatementRef {
  return l.slot.refs[l.statement.statement.index] as StatementRef;
}

/** The resource pattern sources of a statement, each noted as a problem when it holds a policy variable. */
function resourceSources(l: Located, cache: RegionCache, problems: Problem[]): string[] {
  return l.statement.resources.flatMap((r) => {
    const key = patternKey(l.slot.compiled.policy.version, r.source, r.spanning);
    if (cache.has(key)) return [key];
    const variables = parseResourceTemplate(r.source, l.slot.compiled.policy.version === '2012-10-17').variables;
    problems.push({ statement: refOf(l), side: l.side, message: `its resource ${JSON.stringify(r.source)} holds a policy variable (\${${variables.join('}, ${')}}), whose values diff does not enumerate` });
    return [];
  });
}

/**
 * Regions of each shape, cut once per diff by every resource pattern of both sides; an action needs only the cut by its
 * own statements' patterns, which is the projection of this one (two regions that differ only in patterns the action
 * does not read are one region for it).
 */
class RegionCache {
  private full: Region[] | undefined;
  private readonly projections = new Map<string, Region[]>();
  private readonly index: ReadonlyMap<string, number>;
  private readonly patterns: readonly Pattern[];
  private readonly shapes: readonly Shape[];
  constructor(all: ReadonlyMap<string, Pattern>) {
    const sources = [...all.keys()].sort();
    this.index = new Map(sources.map((src, i) => [src, i]));
    this.patterns = sources.map((src) => all.get(src) as Pattern);
    this.shapes = [...new Map(catalogActions.flatMap((a) => shapesOf(a)).map((s) => [s.template, s])).values()];
  }
  /** Whether a pattern (by its {@link patternKey}) is one of the patterns: it has no policy variable. */
  has(key: string): boolean {
    return this.index.has(key);
  }
  /** The regions of `shape` cut by `sources` (each one of the patterns given at construction), with a witness each. */
  regionsFor(shape: Shape, sources: readonly string[]): Region[] {
    const key = `${shape.template}\n${sources.join('\n')}`;
    let projected = this.projections.get(key);
    if (projected !== undefined) return projected;
    this.full ??= regions(this.shapes.map((s) => s.pattern), this.patterns);
    const shapeIndex = this.shapes.findIndex((s) => s.template === shape.template);
    const local = new Map(sources.map((src, i) => [this.index.get(src) as number, i]));
    const bySignature = new Map<string, Region>();
    for (const r of this.full) {
      if (!r.shapes.includes(shapeIndex)) continue;
      const matches: number[] = [];
      for (const m of r.matches) {
        const i = local.get(m);
        if (i !== undefined) matches.push(i);
      }
      const sig = matches.join(',');
      if (!bySignature.has(sig)) bySignature.set(sig, { shapes: [shapeIndex], matches, witness: r.witness });
    }
    projected = [...bySignature.values()];
    this.projections.set(key, projected);
    return projected;
  }
}

/**
 * A pattern by its text, policy version and reading: `${*}` is a variable's escape in 2012-10-17 and plain text in
 * 2008-10-17, and the engine reads a Resource in the reading safe for its statement (spanning for a Deny's Resource).
 */
function patternKey(version: string, source: string, spanning: boolean): string {
  return `${version} ${spanning ? 'spanning' : 'fieldwise'} ${source}`;
}

/** Every resource pattern (without policy variables) of every statement of the tiers, by {@link patternKey}. */
function allPatterns(sides: readonly (readonly Tier[])[]): Map<string, Pattern> {
  const out = new Map<string, Pattern>();
  for (const tiers of sides) {
    for (const tier of tiers) {
      for (const slot of tier.slots) {
        const version = slot.compiled.policy.version;
        for (const s of slot.compiled.statements) {
          for (const r of s.resources) {
            const key = patternKey(version, r.source, r.spanning);
            if (out.has(key)) continue;
            const template = parseResourceTemplate(r.source, version === '2012-10-17');
            if (template.variables.length === 0) out.set(key, arnPattern(staticTokens(template), r.spanning));
          }
        }
      }
    }
  }
  return out;
}

type Certain = 'allow' | 'deny' | 'depends';

function certainty(d: Decision): Certain {
  return d.decision === 'Allow' ? 'allow' : d.decision === 'Conditional' ? 'depends' : 'deny';
}

/** A change found at one node of the search: the ARN, the assigned keys, the allowing side's decision. */
interface Found {
  readonly arn: string;
  readonly assigned: readonly (readonly [string, ContextValueOrAbsent])[];
  readonly allow: Decision;
}

type ContextValueOrAbsent = string | readonly string[] | null;

interface ActionSearch {
  readonly action: string;
  readonly before: readonly Tier[];
  readonly after: readonly Tier[];
  readonly values: ReadonlyMap<string, readonly ContextValueOrAbsent[]>;
  readonly unknownKeys: readonly string[];
  nodes: number;
  readonly added: Found[];
  readonly removed: Found[];
}

function contextOf(assigned: readonly (readonly [string, ContextValueOrAbsent])[]): RequestContext {
  const ctx: Record<string, string | readonly string[]> = {};
  for (const [k, v] of assigned) ctx[k] = v === null ? [] : v;
  return ctx;
}

/** Walks the condition keys under one request ARN; returns false when the bound was hit. */
function search(s: ActionSearch, arn: string, assigned: (readonly [string, ContextValueOrAbsent])[]): boolean {
  if (++s.nodes > MAX_NODES) return false;
  const context = contextOf(assigned);
  const options = { unknownKeys: s.unknownKeys };
  const a = evaluateTiers(s.after, s.action, arn, context, options);
  const b = evaluateTiers(s.before, s.action, arn, context, options);
  const ca = certainty(a);
  const cb = certainty(b);
  if (ca !== 'depends' && cb !== 'depends') {
    if (ca === 'allow' && cb === 'deny') s.added.push({ arn, assigned: [...assigned], allow: a });
    if (cb === 'allow' && ca === 'deny') s.removed.push({ arn, assigned: [...assigned], allow: b });
    return true;
  }
  const done = new Set(assigned.map(([k]) => k));
  const next = [...a.dependsOn, ...b.dependsOn].map((k) => k.toLowerCase()).find((k) => !done.has(k) && s.values.has(k))
    ?? [...s.values.keys()].find((k) => !done.has(k));
  if (next === undefined) return false;
  for (const v of s.values.get(next) as readonly ContextValueOrAbsent[]) {
    assigned.push([next, v]);
    const ok = search(s, arn, assigned);
    assigned.pop();
    if (!ok) return false;
  }
  return true;
}

/**
 * The region of one key's value in words: `aws:SourceIp is absent`, or what each condition on the key says of it
 * (`aws:SourceIp in 10.0.0.0/8 and not (aws:SourceIp in 10.1.0.0/16)`). The same words for every value of the region,
 * so changes merge by them; the example value goes to `exampleContext`.
 */
function describeAssignment(key: string, value: ContextValueOrAbsent, conds: readonly CompiledCondition[]): string {
  const spelled = conds[0]?.key ?? key;
  if (value === null) return `${spelled} is absent`;
  const view = contextView({ [key]: value });
  const clauses = new Set<string>();
  for (const c of conds) {
    const text = conditionRequirement(c, view).text;
    clauses.add(evaluateCondition(c, view) === true ? text : `not (${text})`);
  }
  return clauses.size > 0 ? [...clauses].join(' and ') : `${spelled} is present`;
}

/** The allowing side's identity statements in a decision and the resource patterns of theirs that match the ARN. */
function grants(found: Found, statements: ReadonlyMap<StatementRef, Located>): { resources: string[]; statements: StatementRef[] } {
  const resources = new Set<string>();
  const refs: StatementRef[] = [];
  for (const ref of found.allow.matchedStatements) {
    const l = statements.get(ref);
    if (l === undefined || l.statement.effect !== 'Allow' || !l.identity) continue;
    refs.push(ref);
    const s = l.statement;
    if (s.notResource) resources.add(`NotResource ${s.resources.map((r) => r.source).join(', ')}`);
    else for (const r of s.resources) if (r.matcher?.match(found.arn) !== false) resources.add(r.source);
  }
  return { resources: [...resources], statements: refs };
}

function change(action: string, resourceType: string, found: Found, conds: ReadonlyMap<string, CompiledCondition[]>, statements: ReadonlyMap<StatementRef, Located>): DiffChange {
  const g = grants(found, statements);
  const condition = found.assigned.map(([k, v]) => describeAssignment(k, v, conds.get(k) ?? [])).join(' and ');
  const present = found.assigned.filter(([, v]) => v !== null).map(([k, v]) => [conds.get(k)?.[0]?.key ?? k, v] as const);
  return {
    action,
    resourceType,
    resources: g.resources,
    example: found.arn,
    ...(condition === '' ? {} : { condition, exampleContext: contextOf(present) }),
    statements: g.statements,
  };
}

/** Changes with the same action, patterns and condition are one change. */
function merge(changes: readonly DiffChange[]): DiffChange[] {
  const byKey = new Map<string, DiffChange>();
  for (const c of changes) {
    const key = [c.action, c.resourceType, c.resources.join('\n'), c.condition ?? ''].join('\0');
    const known = byKey.get(key);
    if (known === undefined) byKey.set(key, c);
    else {
      const refs = [...known.statements];
      for (const r of c.statements) if (!refs.includes(r)) refs.push(r);
      byKey.set(key, { ...known, statements: refs });
    }
  }
  return [...byKey.values()];
}

/** Widest change first: actions with the most unconditional changes, then the most changes; within one, unconditional first. */
function widestFirst(changes: readonly DiffChange[]): DiffChange[] {
  const weight = new Map<string, number>();
  for (const c of changes) weight.set(c.action, (weight.get(c.action) ?? 0) + (c.condition === undefined ? 1000 : 1));
  return [...changes].sort((x, y) => (weight.get(y.action) ?? 0) - (weight.get(x.action) ?? 0)
    || (x.action < y.action ? -1 : x.action > y.action ? 1 : 0)
    || Number(x.condition !== undefined) - Number(y.condition !== undefined));
}

/** Statements of `after` that allow actions of other services: outside what diff compares. */
function otherServiceNotes(tiers: readonly Tier[]): DiffNote[] {
  const identity = tiers[0] as Tier;
  const notes: DiffNote[] = [];
  for (const slot of identity.slots) {
    for (const s of slot.compiled.statements) {
      if (s.effect !== 'Allow') continue;
      const ref = slot.refs[s.statement.index] as StatementRef;
      const others = s.notAction ? ['every action not listed in NotAction'] : s.actionSources.filter((a) => !a.toLowerCase().startsWith(`${SERVICE}:`));
      if (others.length > 0) {
        notes.push({ kind: 'other-service', statement: ref, side: 'after', message: `${statementName(ref)} also allows ${others.join(', ')}: other services' actions are outside what diff compares` });
      }
    }
  }
  return notes;
}

interface ActionResult {
  readonly added: DiffChange[];
  readonly removed: DiffChange[];
  readonly problems: Problem[];
}

function diffAction(spec: ActionSpec, before: readonly Tier[], after: readonly Tier[], cache: RegionCache, fixed: ReadonlyMap<string, ContextValueOrAbsent>): ActionResult {
  const action = spec.action;
  const located = [...applicable(before, action, 'before'), ...applicable(after, action, 'after')];
  const problems: Problem[] = [];
  const bySource = new Set<string>();
  for (const l of located) for (const src of resourceSources(l, cache, problems)) bySource.add(src);
  const conds = new Map<string, CompiledCondition[]>();
  for (const l of located) {
    for (const c of l.statement.conditions) {
      if (c.values.some((v) => v.template !== undefined)) {
        problems.push({ statement: refOf(l), side: l.side, message: `its condition ${c.operator} on ${c.key} has a value with a policy variable, whose values diff does not enumerate` });
      }
      const list = conds.get(c.lowerKey);
      if (list === undefined) conds.set(c.lowerKey, [c]);
      else list.push(c);
    }
  }
  const values = new Map<string, readonly ContextValueOrAbsent[]>();
  for (const [key, list] of conds) {
    const known = fixed.get(key);
    if (known !== undefined) {
      values.set(key, [known]);
      continue;
    }
    const v = keyValues(key, list);
    if ('problem' in v) {
      problems.push({ message: v.problem });
      values.set(key, [null]);
    } else values.set(key, v.values);
  }
  // Keys read only as policy variables: absent, or some value (diff does not enumerate them; see the problems above).
  for (const l of located) for (const k of l.statement.readsKeys) if (!values.has(k)) values.set(k, fixed.has(k) ? [fixed.get(k) as ContextValueOrAbsent] : [null, 'x']);
  const statements = new Map<StatementRef, Located>(located.map((l) => [refOf(l), l]));
  const sources = [...bySource].sort();
  const s: ActionSearch = { action, before, after, values, unknownKeys: Object.freeze([...values.keys()]), nodes: 0, added: [], removed: [] };
  const added: DiffChange[] = [];
  const removed: DiffChange[] = [];
  for (const shape of shapesOf(spec)) {
    let cut: Region[];
    try {
      cut = cache.regionsFor(shape, sources);
    } catch (e) {
      if (!(e instanceof TooComplexError)) throw e;
      problems.push({ message: `the resource patterns for ${action} are too many or too tangled to compare (${e.message})` });
      continue;
    }
    for (const region of cut) {
      const from = { added: s.added.length, removed: s.removed.length };
      if (!search(s, region.witness, [])) {
        problems.push({ message: `the conditions for ${action} combine into more than ${MAX_NODES} cases` });
        break;
      }
      const described = (f: Found) => change(action, shape.template, { ...f, assigned: f.assigned.filter(([k]) => !fixed.has(k)) }, conds, statements);
      added.push(...s.added.slice(from.added).map(described));
      removed.push(...s.removed.slice(from.removed).map(described));
    }
  }
  return { added, removed, problems };
}

/** Folds the per-action problems into notes: one per statement and reason, listing its actions. */
function problemNotes(byAction: readonly (readonly [string, readonly Problem[]])[]): DiffNote[] {
  const notes = new Map<string, { problem: Problem; actions: string[] }>();
  for (const [action, problems] of byAction) {
    for (const p of problems) {
      const key = `${p.side ?? ''}\0${p.statement === undefined ? '' : statementName(p.statement)}\0${p.message.replace(action, '<action>')}`;
      const known = notes.get(key);
      if (known === undefined) notes.set(key, { problem: p, actions: [action] });
      else if (!known.actions.includes(action)) known.actions.push(action);
    }
  }
  return [...notes.values()].map(({ problem, actions }) => ({
    kind: 'cannot-tell',
    ...(problem.statement === undefined ? {} : { statement: problem.statement }),
    ...(problem.side === undefined ? {} : { side: problem.side }),
    actions,
    message: `${problem.statement === undefined ? '' : `${problem.side} ${statementName(problem.statement)}: `}${problem.message}`,
  }));
}

/** A side's tiers; parse problems name the side (`after.identity[0].Statement[1].Effect`). */
function sideTiers(side: DiffSide, name: 'before' | 'after'): Tier[] {
  try {
    return buildTiers(side);
  } catch (e) {
    if (e instanceof PolicyParseError) throw new PolicyParseError(e.problems.map((p) => ({ ...p, path: `${name}.${p.path}` })));
    throw e;
  }
}

/**
 * What `after` allows that `before` does not (`added`), and the reverse (`removed`), for every mobiletargeting action
 * of the catalog — each as the action, the granting Resource patterns, an example ARN and, where the sides' conditions
 * differ, the condition under which it holds.
 *
 * @example
 * const d = diffPolicies({ before: { policies: [oldDoc] }, after: { policies: [newDoc] } });
 * if (d.verdict !== 'no-new-access') for (const c of d.added) console.log(c.action, c.resources, c.condition ?? '');
 * @throws PolicyParseError when a policy does not parse (each problem's path names its side and place).
 */
export function diffPolicies(req: DiffRequest): PolicyDiff {
  const before = sideTiers(req.before, 'before');
  const after = sideTiers(req.after, 'after');
  const added: DiffChange[] = [];
  const removed: DiffChange[] = [];
  const problems: (readonly [string, readonly Problem[]])[] = [];
  const cache = new RegionCache(allPatterns([before, after]));
  const fixed = new Map<string, ContextValueOrAbsent>(Object.entries(req.context ?? {}).flatMap(([k, v]) => (v === undefined ? [] : [[k.toLowerCase(), typeof v === 'string' ? v : [...v]]])));
  for (const spec of catalogActions) {
    const r = diffAction(spec, before, after, cache, fixed);
    added.push(...r.added);
    removed.push(...r.removed);
    if (r.problems.length > 0) problems.push([spec.action, r.problems]);
  }
  const notes = [...problemNotes(problems), ...otherServiceNotes(after)];
  const mergedAdded = widestFirst(merge(added));
  return {
    verdict: mergedAdded.length > 0 ? 'new-access' : problems.length > 0 ? 'unknown' : 'no-new-access',
    added: mergedAdded,
    removed: widestFirst(merge(removed)),
    notes,
  };
}

