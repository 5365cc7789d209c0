/**
 * Turns parsed policies into matchers once. Per statement: action globs (lower-cased, since
 * actions compare case-insensitively), resource ARN matchers (templates when they hold policy
 * variables) and compiled conditions. Per policy: an action index, so that a request only touches
 * statements whose Action/NotAction can apply — the statement list for an action is computed
 * once and memoized, because actions never depend on the request context.
 */
import { compileArnPattern, type ArnMatcher } from './arn.js';
import { compileCondition, evaluateCondition, type CompiledCondition, type MissingKeys } from './conditions/index.js';
import type { ContextView } from './context.js';
import { and, not, or, UNKNOWN, type Truth } from './truth.js';
import { compileGlob, tokenizeWildcard, type CompiledGlob } from './wildcard.js';
import type { Effect, ParsedPolicy, ParsedStatement } from './types.js';
import { parseResourceTemplate, resolveTemplate, staticTokens, type Template } from './variables.js';

/** One Resource/NotResource pattern: a matcher, or a template resolved per request. */
export interface ResourcePattern {
  readonly source: string;
  readonly matcher?: ArnMatcher;
  readonly template?: Template;
  /** The reading it matches in (see arn.ts): the wider one where matching makes the statement deny. */
  readonly spanning: boolean;
}

export interface CompiledStatement {
  readonly statement: ParsedStatement;
  readonly effect: Effect;
  /** Lower-cased action globs; `source` of each is lower-cased too. */
  readonly actions: readonly CompiledGlob[];
  /** The Action/NotAction patterns as written, for explanations. */
  readonly actionSources: readonly string[];
  readonly notAction: boolean;
  readonly resources: readonly ResourcePattern[];
  readonly notResource: boolean;
  readonly conditions: readonly CompiledCondition[];
  /** Lower-cased context keys its conditions and resource variables read. */
  readonly readsKeys: readonly string[];
}

export interface CompiledPolicy {
  readonly policy: ParsedPolicy;
  readonly statements: readonly CompiledStatement[];
  /** Lower-cased context keys any condition or variable of this policy reads. */
  readonly readsKeys: readonly string[];
  /** Statements whose Action/NotAction applies to the action (any case), in policy order. */
  forAction(action: string): readonly CompiledStatement[];
}

/** Bound on memoized actions per policy; IAM has ~20,000 actions in all, callers use far fewer. */
const ACTION_MEMO_LIMIT = 4096;

function compileStatement(statement: ParsedStatement, version: ParsedPolicy['version']): CompiledStatement {
  const actionSources = statement.action ?? statement.notAction ?? [];
  const resourceSources = statement.resource ?? statement.notResource ?? [];
  // Where the Resource page reads two ways (a trailing `*` spanning colons or not), a match makes
  // a Resource statement apply and a NotResource statement not apply: a Deny matches under
  // either reading, an Allow only under both.
  const spanning = (statement.effect === 'Deny') !== (statement.notResource !== undefined);
  const resources = resourceSources.map((source): ResourcePattern => {
    const template = parseResourceTemplate(source, version === '2012-10-17');
    return template.variables.length > 0
      ? { source, template, spanning }
      : { source, matcher: compileArnPattern(staticTokens(template), { spanning }), spanning };
  });
  const conditions = statement.conditions.map((c) => compileCondition(c, version, statement.effect));
  const readsKeys = new Set<string>();
  for (const c of conditions) for (const k of c.readsKeys) readsKeys.add(k);
  for (const r of resources) for (const v of r.template?.variables ?? []) readsKeys.add(v.toLowerCase());
  return {
    statement,
    effect: statement.effect,
    actions: actionSources.map((a) => compileGlob(tokenizeWildcard(a.toLowerCase()))),
    actionSources,
    notAction: statement.notAction !== undefined,
    resources,
    notResource: statement.notResource !== undefined,
    conditions,
    readsKeys: [...readsKeys],
  };
}

/** Whether a statement's Action/NotAction applies to the (lower-cased) action. */
export function actionApplies(s: CompiledStatement, lowerAction: string): boolean {
  let any = false;
  for (const glob of s.actions) {
    if (glob.match(lowerAction)) {
      any = true;
      break;
    }
  }
  return any !== s.notAction;
}

/**
 * Whether one resource pattern matches. A policy variable with no value makes the pattern match
 * nothing (the policy-variables page: there is "no equal or like value"; the missing keys are
 * added to `missing`); one whose key is unknown makes the match UNKNOWN.
 */
export function matchResourcePattern(p: ResourcePattern, resource: string, context: ContextView, missing?: MissingKeys): Truth {
  if (p.matcher !== undefined) return p.matcher.match(resource);
  const resolved = resolveTemplate(p.template as Template, context);
  if (!resolved.ok) {
    for (const name of resolved.missing) missing?.add(name);
    return resolved.unknown.length > 0 ? UNKNOWN : false;
  }
  return compileArnPattern(resolved.tokens, { spanning: p.spanning }).match(resource);
}

/**
 * Whether a statement's Resource/NotResource applies to the resource: some pattern matches
 * (Resource), or none does (NotResource). A pattern whose variable has no value matches nothing,
 * so a NotResource with it applies — AWS's documented reading, which the engine follows; where
 * the variable's key is unknown the answer is UNKNOWN, which is where failing closed belongs.
 */
export function resourceApplies(s: CompiledStatement, resource: string, context: ContextView, missing?: MissingKeys): Truth {
  let matched: Truth = false;
  for (const p of s.resources) {
    matched = or(matched, matchResourcePattern(p, resource, context, missing));
    if (matched === true) break;
  }
  return s.notResource ? not(matched) : matched;
}

/**
 * Whether every condition holds. All entries are evaluated, not just up to the first failure, so
 * that every missing key is reported.
 */
export function conditionsHold(s: CompiledStatement, context: ContextView, missing?: MissingKeys): Truth {
  let ok: Truth = true;
  for (const c of s.conditions) ok = and(ok, evaluateCondition(c, context, missing));
  return ok;
}

function serviceOf(action: string): string {
  const colon = action.indexOf(':');
  return colon < 0 ? action : action.slice(0, colon);
}

/** Compiles one parsed policy. Use `compiledPolicyFor` to share the result. */
function compilePolicy(policy: ParsedPolicy): CompiledPolicy {
  const statements = policy.statements.map((s) => compileStatement(s, policy.version));
  // Index: exact action names, literal service prefixes with a wildcard name, and the rest
  // (NotAction, "*", wildcards in the service) which every action must consider.
  const exact = new Map<string, number[]>();
  const byService = new Map<string, number[]>();
  const everywhere: number[] = [];
  const add = (map: Map<string, number[]>, key: string, i: number) => {
    const list = map.get(key);
    if (list === undefined) map.set(key, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  };
  statements.forEach((s, i) => {
    if (s.notAction) {
      everywhere.push(i);
      return;
    }
    let general = false;
    for (const glob of s.actions) {
      const service = serviceOf(glob.source);
      if (glob.literal) add(exact, glob.source, i);
      else if (!service.includes('*') && !service.includes('?') && glob.source.includes(':')) add(byService, service, i);
      else general = true;
    }
    if (general) everywhere.push(i);
  });

  const memo = new Map<string, readonly CompiledStatement[]>();
  const readsKeys = new Set<string>();
  for (const s of statements) for (const k of s.readsKeys) readsKeys.add(k);

  return {
    policy,
    statements,
    readsKeys: [...readsKeys],
    forAction(action) {
      // Keyed by the action as given first: callers repeat the same spelling, and this skips
      // lower-casing (and hashing a fresh string) on the hot path.
      const known = memo.get(action);
      if (known !== undefined) return known;
      const lowerAction = action.toLowerCase();
      let applicable = memo.get(lowerAction);
      if (applicable === undefined) {
        const candidates = new Set<number>([
          ...(exact.get(lowerAction) ?? []),
          ...(byService.get(serviceOf(lowerAction)) ?? []),
          ...everywhere,
        ]);
        applicable = Object.freeze(
          [...candidates].sort((a, b) => a - b).map((i) => statements[i] as CompiledStatement).filter((s) => actionApplies(s, lowerAction)),
        );
      }
      if (memo.size >= ACTION_MEMO_LIMIT) memo.clear();
      memo.set(lowerAction, applicable);
      memo.set(action, applicable);
      return applicable;
    },
  };
}

const compiledPolicies = new WeakMap<ParsedPolicy, CompiledPolicy>();

/** The compiled form of a parsed policy, compiled once per policy object. */
export function compiledPolicyFor(policy: ParsedPolicy): CompiledPolicy {
  let compiled = compiledPolicies.get(policy);
  if (compiled === undefined) {
    compiled = compilePolicy(policy);
    compiledPolicies.set(policy, compiled);
  }
  return compiled;
}
