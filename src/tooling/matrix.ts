/**
 * `permissionMatrix`: every catalog action against one project's resources, decided by the policies at once — what a
 * reviewer wants to see before deploying a policy. Ids that are not given are filled with `*`; to the engine a `*` in a
 * *request* ARN is an ordinary character, so such cells answer "on a resource literally named *" and are marked.
 */
import { checkLabel } from '../client/bind.js';
import type { AccessLevel, ActionSpec, LifecycleSpec } from '../client/spec.js';
import { whatIfKeys } from '../guard/what-if.js';
import { guardDecision, type GuardEnvironment, type GuardFacts, type GuardPolicies } from '../guard/decide.js';
import { compileGuardPolicies } from '../guard/policies.js';
import type { Decision, NearMiss, PolicySet, RequestContext, Requirement, StatementRef } from '../policy/index.js';
import { buildArn, type ArnEnvironment } from '../resource/arn.js';
import { catalogGroups, placeholdersOf, PROJECT_TEMPLATE } from './catalog.js';
import { principalFactsOf, type PrincipalFacts } from './principal-facts.js';

/** The id stood in for an id that was not given. */
export const PLACEHOLDER_ID = '*';

/** Ids by ARN placeholder name; what is not given becomes {@link PLACEHOLDER_ID}. */
export interface MatrixResources {
  readonly ApplicationId?: string;
  readonly SegmentId?: string;
  readonly CampaignId?: string;
  readonly JourneyId?: string;
  readonly TemplateName?: string;
  /** Defaults to the project's ARN (tagging the project) when `ApplicationId` is given. */
  readonly ResourceArn?: string;
  readonly [placeholder: string]: string | undefined;
}

/** The policies to judge and the project whose resources the matrix names (ids not given become a literal `*`). */
export interface PermissionMatrixRequest extends PolicySet {
  readonly region: string;
  readonly accountId: string;
  readonly resources: MatrixResources;
  /**
   * Request context keys; a key the client cannot see and nobody supplied is unknown (cells may be Conditional). A value
   * for a key the client sets itself (time, Region, transport) is a what-if value; the client's facts fill the rest.
   */
  readonly context?: RequestContext;
  /**
   * The principal the calls are made as (`loadPrincipal`'s result): its keys are facts, absence included, as the
   * client's guard takes them; `context` cannot override them.
   */
  readonly principal?: PrincipalFacts;
  /** The time the conditions see as `aws:CurrentTime`; defaults to now. */
  readonly now?: Date;
}

/** One action's row. */
export interface MatrixCell {
  readonly action: string;
  readonly group: string;
  readonly accessLevel: AccessLevel;
  readonly lifecycle: LifecycleSpec;
  /** The REST operation, absent for console-only actions. */
  readonly operation?: string;
  /** The request ARN evaluated. */
  readonly resource: string;
  /** Ids that were not given and were filled with `*` (literal to the engine); empty when the ARN is exact. */
  readonly placeholders: readonly string[];
  readonly decision: Decision['decision'];
  readonly reason: string;
  /** The deciding statement: the first deny for ExplicitDeny, the identity allow for Allow. */
  readonly statement?: StatementRef;
  /** For ImplicitDeny: the nearest statement that failed, and on what. */
  readonly nearMiss?: NearMiss;
  /** For Conditional: the unknown keys the decision depends on, and what each must satisfy. */
  readonly dependsOn?: readonly string[];
  readonly requirements?: readonly Requirement[];
}

/** One catalog group's actions and their cells. */
export interface MatrixGroup {
  readonly group: string;
  readonly cells: readonly MatrixCell[];
}

/** Every catalog action's decision on one project's resources, grouped as the catalog groups them. */
export interface PermissionMatrix {
  readonly region: string;
  readonly accountId: string;
  readonly resources: MatrixResources;
  readonly groups: readonly MatrixGroup[];
  readonly totals: Readonly<Record<Decision['decision'], number>>;
  /** How many cells used a `*` placeholder id. */
  readonly placeholderCells: number;
  /** Context keys given as what-if values for keys the client sets itself at run time. */
  readonly whatIf: readonly string[];
}


/** The ids that fill an action's ARN template, and which ids were stand-ins. */
function cellParams(spec: ActionSpec, resources: MatrixResources, env: ArnEnvironment): { params: Record<string, string>; placeholders: string[] } {
  const params: Record<string, string> = {};
  const placeholders: string[] = [];
  for (const name of placeholdersOf(spec.resource)) {
    const given = resources[name];
    if (given !== undefined) params[name] = given;
    else if (name === 'ResourceArn' && resources.ApplicationId !== undefined) {
      params[name] = buildArn(PROJECT_TEMPLATE, { ApplicationId: resources.ApplicationId }, env);
    } else {
      params[name] = name === 'ResourceArn' ? buildArn(PROJECT_TEMPLATE, { ApplicationId: PLACEHOLDER_ID }, env) : PLACEHOLDER_ID;
      placeholders.push(name);
    }
  }
  return { params, placeholders };
}

/** How the matrix decides: the guard's decision, with the same environment, facts and policies for every cell. */
interface MatrixGuard { readonly env: GuardEnvironment; readonly facts: GuardFacts; readonly policies: GuardPolicies }

function cellFor(spec: ActionSpec, guard: MatrixGuard, resources: MatrixResources): MatrixCell {
  const { params, placeholders } = cellParams(spec, resources, guard.env);
  const { resource, decision: d } = guardDecision({ action: spec.action, template: spec.resource, params }, guard.env, guard.facts, guard.policies);
  const statement = d.decision === 'ImplicitDeny' ? undefined : d.matchedStatements[0];
  const nearMiss = d.nearMisses[0];
  return {
    action: spec.action,
    group: spec.group,
    accessLevel: spec.accessLevel,
    lifecycle: spec.lifecycle,
    ...(spec.operation === undefined ? {} : { operation: spec.operation }),
    resource,
    placeholders,
    decision: d.decision,
    reason: d.reason,
    ...(statement ? { statement } : {}),
    ...(nearMiss ? { nearMiss } : {}),
    ...(d.decision === 'Conditional' ? { dependsOn: d.dependsOn, requirements: d.requirements } : {}),
  };
}

/** Each given id, validated as the client validates a call's path ids (no `/`, not `.` or `..`, ...). */
function checkIds(resources: MatrixResources): void {
  for (const [member, value] of Object.entries(resources)) {
    if (value !== undefined) checkLabel({ name: 'permissionMatrix' }, member, value);
  }
}

/**
 * Decides every catalog action (all of them, grouped as the catalog groups them) on the given project's resources.
 *
 * @example
 * const m = permissionMatrix({ policies: [doc], region: 'us-east-1', accountId: '123456789012', resources: { ApplicationId: 'app1' } });
 * m.groups.flatMap((g) => g.cells).filter((c) => c.decision === 'Allow').map((c) => c.action);
 * @throws PolicyParseError when a policy does not parse; ArnBuildError for a malformed region or account;
 *   ValidationError for an id the client would reject (`a/b`, `..`), as `permissionMatrix: input.<member>: ...`.
 */
export function permissionMatrix(req: PermissionMatrixRequest): PermissionMatrix {
  checkIds(req.resources);
  // Every cell is a distinct (action, resource), so a decision cache would only cost. No credentials and no request
  // bodies: session keys and request tags are unknown unless supplied.
  const guard: MatrixGuard = {
    env: { region: req.region, accountId: req.accountId, secureTransport: true, now: req.now ?? new Date() },
    facts: { credentials: 'unknown', configured: req.context, whatIf: true, principal: principalFactsOf(req.principal) },
    policies: compileGuardPolicies(req, { decisionCacheSize: 0 }),
  };
  const groups = catalogGroups().map(({ group, actions }) => ({ group, cells: actions.map((a) => cellFor(a, guard, req.resources)) }));
  const totals = { Allow: 0, ExplicitDeny: 0, ImplicitDeny: 0, Conditional: 0 };
  let placeholderCells = 0;
  for (const g of groups) {
    for (const c of g.cells) {
      totals[c.decision]++;
      if (c.placeholders.length > 0) placeholderCells++;
    }
  }
  return { region: req.region, accountId: req.accountId, resources: req.resources, groups, totals, placeholderCells, whatIf: whatIfKeys(req.context) };
}
