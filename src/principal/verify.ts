/**
 * `verifyWithAws`: the guard's decision and AWS's own policy simulator's, side by side, for each (action, resource)
 * pair. A principal is simulated with iam:SimulatePrincipalPolicy (its policies as IAM holds them), a policy set with
 * iam:SimulateCustomPolicy; pairs are batched per resource (a bounded number of actions per request) and each answer
 * is paged to its end.
 */
import type { ContextValue, Decision, PolicyInput, PolicySet, RequestContext } from '../policy/index.js';
import { guardDecision, principalKeys, type GuardOutcome } from '../guard/decide.js';
import { compileGuardPolicies } from '../guard/policies.js';
import { conditionKeyOf } from '../guard/keys.js';
import { parseArn } from '../resource/arn.js';
import { allPages, awsClients } from './sdk.js';
import { AwsVerificationError, PrincipalLoadError } from './errors.js';
import { isParsedPolicy, policyDocument } from './document.js';
import type { LoadedPrincipal, LoadPrincipalOptions } from './types.js';

/** AWS's simulator decisions, as its EvalDecision spells them. */
export type AwsDecision = 'allowed' | 'explicitDeny' | 'implicitDeny';

/** The guard's decision in the simulator's spelling; `conditional` (it depends on keys the guard cannot see) has no AWS twin. */
export type GuardDecision = AwsDecision | 'conditional';
const AS_AWS: Readonly<Record<Decision['decision'], GuardDecision>> = { Allow: 'allowed', ExplicitDeny: 'explicitDeny', ImplicitDeny: 'implicitDeny', Conditional: 'conditional' };

export interface VerifyWithAwsOptions extends Pick<LoadPrincipalOptions, 'region' | 'credentials' | 'iamEndpoint' | 'allowInsecureEndpoint' | 'maxAttempts'> {
  /** Simulate this principal (SimulatePrincipalPolicy on its role or user ARN), deciding locally with its loaded set. */
  readonly principal?: LoadedPrincipal;
  /** Or simulate these policies (SimulateCustomPolicy). */
  readonly policySet?: PolicySet;
  /** Every action is paired with every resource… */
  readonly actions?: readonly string[];
  readonly resources?: readonly string[];
  /** …or give the pairs. */
  readonly pairs?: readonly { readonly action: string; readonly resource: string }[];
  /**
   * Request context for both sides (the principal's keys are facts on top of it). The guard's own facts (time,
   * Region, transport) are added as the client adds them, and the simulator is given the same context.
   */
  readonly context?: RequestContext;
  /** Actions per simulator request (default 20). */
  readonly batchSize?: number;
}

/** One pair, decided twice. */
export interface VerifiedPair {
  readonly action: string;
  readonly resource: string;
  /** The guard's decision, in the simulator's spelling, and its reason. */
  readonly guard: GuardDecision;
  readonly guardReason: string;
  readonly aws: AwsDecision;
  readonly agree: boolean;
}

export interface VerifyResult {
  readonly api: 'SimulatePrincipalPolicy' | 'SimulateCustomPolicy';
  readonly pairs: readonly VerifiedPair[];
  /** The pairs where the two disagree; `guard: 'allowed'` with a deny from AWS is the one that matters most. */
  readonly disagreements: readonly VerifiedPair[];
}

const documentText = (p: PolicyInput): string => (typeof p === 'string' ? p : JSON.stringify(isParsedPolicy(p) ? policyDocument(p) : p));

/** The simulator's ContextKeyType for a key of the condition key table's type (a key it does not list is a string). */
const SIMULATOR_TYPE = { String: 'string', ARN: 'string', ArrayOfString: 'string', Bool: 'boolean', Date: 'date', Numeric: 'numeric', IPAddress: 'ip' } as const;
type SimulatorType = (typeof SIMULATOR_TYPE)[keyof typeof SIMULATOR_TYPE];

function contextEntries(context: RequestContext): { ContextKeyName: string; ContextKeyValues: string[]; ContextKeyType: SimulatorType | `${SimulatorType}List` }[] {
  return Object.entries(context)
    .filter((e): e is [string, ContextValue] => e[1] !== undefined)
    .map(([k, v]) => {
      const type = SIMULATOR_TYPE[conditionKeyOf(k)?.type ?? 'String'];
      return typeof v === 'string'
        ? { ContextKeyName: k, ContextKeyValues: [v], ContextKeyType: type }
        : { ContextKeyName: k, ContextKeyValues: [...v], ContextKeyType: `${type}List` as const };
    });
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Decides each pair with the guard and with AWS's simulator, and lists where they disagree.
 *
 * @example
 * const { disagreements } = await verifyWithAws({ region: 'us-east-1', principal, actions: ['mobiletargeting:GetApp'], resources: [appArn] });
 */
/** Rethrows a failed IAM call or a missing package as the verification's error, anything else as it is. */
function asVerificationError(e: unknown): never {
  if (!(e instanceof PrincipalLoadError)) throw e;
  const missing = e.code === 'MissingPackage' ? /optional package (\S+);/.exec(e.reason)?.[1] : undefined;
  const message = missing === undefined ? e.reason : `it needs the optional package ${missing}; install it with npm install ${missing}`;
  throw new AwsVerificationError({ code: e.code, message, ...(e.action === undefined ? {} : { action: e.action }), cause: e.cause ?? e });
}

export async function verifyWithAws(options: VerifyWithAwsOptions): Promise<VerifyResult> {
  const { principal, policySet } = options;
  if ((principal === undefined) === (policySet === undefined)) throw new TypeError('verifyWithAws: give exactly one of principal or policySet');
  if (principal && !['AssumedRole', 'User'].includes(principal.principalType)) {
    throw new TypeError(`verifyWithAws: SimulatePrincipalPolicy simulates roles, users and groups; ${principal.principalArn} is a ${principal.principalType} principal (use policySet)`);
  }
  const pairs = options.pairs ?? (options.actions ?? []).flatMap((action) => (options.resources ?? ['*']).map((resource) => ({ action, resource })));
  if (pairs.length === 0) throw new TypeError('verifyWithAws: expected pairs, or actions (and resources)');
  const batchSize = options.batchSize ?? 20;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new TypeError(`verifyWithAws: batchSize must be a positive integer, got ${batchSize}`);

  const set: PolicySet = principal ? principal.policySet : policySet!;
  // The guard column is the guard's decision: its facts (time, Region, transport), the principal's keys, and the keys
  // it cannot see unknown. No credentials are at hand, so session-derived keys are unknown too.
  const policies = compileGuardPolicies(set);
  const env = { region: options.region, secureTransport: true, now: new Date() };
  const facts = { credentials: 'unknown' as const, configured: options.context, ...(principal ? { principal: principalKeys(principal) } : {}) };
  const guardOf = (action: string, resource: string): GuardOutcome =>
    guardDecision({ action, resource }, { ...env, accountId: principal?.accountId ?? parseArn(resource)?.account ?? '' }, facts, policies);
  const decided = new Map(pairs.map(({ action, resource }) => [`${action}\n${resource}`, guardOf(action, resource)]));
  // Every pair shares the environment and facts, so one context: the one the guard decided with.
  const context = decided.values().next().value!.context;

  // The SDK wrappers speak of loading a principal; a failure here is the verification's, and says so.
  const c = await awsClients({ region: options.region, ...(options.credentials ? { credentials: options.credentials } : {}), ...(options.iamEndpoint ? { iamEndpoint: options.iamEndpoint } : {}), ...(options.allowInsecureEndpoint === true ? { allowInsecureEndpoint: true } : {}), ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}) })
    .catch(asVerificationError);
  const api = principal ? 'SimulatePrincipalPolicy' : 'SimulateCustomPolicy';
  const aws = new Map<string, AwsDecision>();
  try {
    const byResource = new Map<string, string[]>();
    for (const { action, resource } of pairs) {
      const list = byResource.get(resource) ?? [];
      if (!list.includes(action)) list.push(action);
      byResource.set(resource, list);
    }
    const ContextEntries = contextEntries(context);
    for (const [resource, actions] of byResource) {
      for (const ActionNames of chunks(actions, batchSize)) {
        const common = { ActionNames, ResourceArns: [resource], ContextEntries };
        const pages = await allPages(`iam:${api}`, principal?.principalArn, (Marker) => (principal
          ? c.iam.send(new c.IAM.SimulatePrincipalPolicyCommand({ ...common, PolicySourceArn: principal.principalArn, Marker }))
          : c.iam.send(new c.IAM.SimulateCustomPolicyCommand({
            ...common,
            PolicyInputList: set.policies.map(documentText),
            ...(set.permissionsBoundary !== undefined ? { PermissionsBoundaryPolicyInputList: [documentText(set.permissionsBoundary)] } : {}),
            Marker,
          }))));
        for (const r of pages.flatMap((p) => p.EvaluationResults ?? [])) {
          if (r.EvalActionName && r.EvalDecision) aws.set(`${r.EvalActionName}\n${r.EvalResourceName ?? resource}`, r.EvalDecision as AwsDecision);
        }
      }
    }
  } catch (e) {
    asVerificationError(await c.scrub(e));
  } finally {
    c.iam.destroy();
    c.sts.destroy();
  }
  const verified = pairs.map(({ action, resource }): VerifiedPair => {
    const mine = decided.get(`${action}\n${resource}`)!.decision;
    const theirs = aws.get(`${action}\n${resource}`);
    if (theirs === undefined) throw new Error(`verifyWithAws: ${api} returned no result for ${action} on ${resource}`);
    return { action, resource, guard: AS_AWS[mine.decision], guardReason: mine.reason, aws: theirs, agree: AS_AWS[mine.decision] === theirs };
  });
  return { api, pairs: verified, disagreements: verified.filter((p) => !p.agree) };
}
