/**
 * `verifyWithAws`: the guard's decision and AWS's own policy simulator's, side by side, for each (action, resource)
 * pair. A principal is simulated with iam:SimulatePrincipalPolicy (its policies as IAM holds them), a policy set with
 * iam:SimulateCustomPolicy; pairs are batched per resource (a bounded number of actions per request) and each answer
 * is paged to its end.
 */
import { compilePolicies, type ContextValue, type Decision, type PolicyInput, type PolicySet, type RequestContext } from '../policy/index.js';
import { allPages, awsClients } from './sdk.js';
import { AwsVerificationError, PrincipalLoadError } from './errors.js';
import { mergePrincipalContext } from './identity.js';
import { isParsedPolicy, policyDocument } from './document.js';
import type { LoadedPrincipal, LoadPrincipalOptions } from './types.js';

/** AWS's simulator decisions, as its EvalDecision spells them. */
export type AwsDecision = 'allowed' | 'explicitDeny' | 'implicitDeny';

/** The guard's decision in the simulator's spelling; `conditional` (it depends on keys the guard cannot see) has no AWS twin. */
export type GuardDecision = AwsDecision | 'conditional';
const AS_AWS: Readonly<Record<Decision['decision'], GuardDecision>> = { Allow: 'allowed', ExplicitDeny: 'explicitDeny', ImplicitDeny: 'implicitDeny', Conditional: 'conditional' };

export interface VerifyWithAwsOptions extends Pick<LoadPrincipalOptions, 'region' | 'credentials' | 'iamEndpoint' | 'maxAttempts'> {
  /** Simulate this principal (SimulatePrincipalPolicy on its role or user ARN), deciding locally with its loaded set. */
  readonly principal?: LoadedPrincipal;
  /** Or simulate these policies (SimulateCustomPolicy). */
  readonly policySet?: PolicySet;
  /** Every action is paired with every resource… */
  readonly actions?: readonly string[];
  readonly resources?: readonly string[];
  /** …or give the pairs. */
  readonly pairs?: readonly { readonly action: string; readonly resource: string }[];
  /** Request context for both sides (the principal's keys are facts on top of it). */
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

function contextEntries(context: RequestContext): { ContextKeyName: string; ContextKeyValues: string[]; ContextKeyType: 'string' | 'stringList' }[] {
  return Object.entries(context)
    .filter((e): e is [string, ContextValue] => e[1] !== undefined)
    .map(([k, v]) => (typeof v === 'string'
      ? { ContextKeyName: k, ContextKeyValues: [v], ContextKeyType: 'string' as const }
      : { ContextKeyName: k, ContextKeyValues: [...v], ContextKeyType: 'stringList' as const }));
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
  const compiled = compilePolicies(set);
  const context = principal ? mergePrincipalContext(options.context ?? {}, principal) : (options.context ?? {});
  const guardOf = (action: string, resource: string): Decision => compiled.evaluate(action, resource, context);

  // The SDK wrappers speak of loading a principal; a failure here is the verification's, and says so.
  const c = await awsClients({ region: options.region, ...(options.credentials ? { credentials: options.credentials } : {}), ...(options.iamEndpoint ? { iamEndpoint: options.iamEndpoint } : {}), ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}) })
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
    asVerificationError(e);
  } finally {
    c.iam.destroy();
    c.sts.destroy();
  }
  const verified = pairs.map(({ action, resource }): VerifiedPair => {
    const mine = guardOf(action, resource);
    const theirs = aws.get(`${action}\n${resource}`);
    if (theirs === undefined) throw new Error(`verifyWithAws: ${api} returned no result for ${action} on ${resource}`);
    return { action, resource, guard: AS_AWS[mine.decision], guardReason: mine.reason, aws: theirs, agree: AS_AWS[mine.decision] === theirs };
  });
  return { api, pairs: verified, disagreements: verified.filter((p) => !p.agree) };
}
