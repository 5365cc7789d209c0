/** The policies a guard decides with, compiled once: from a client's config (fail closed) or a tool's request (throws). */
import { compilePolicies, type CompileOptions, type PolicyInput, type PolicySet } from '../policy/index.js';
import type { GuardPolicies } from './decide.js';

/**
 * Compiles a policy set for `guardDecision`. @throws PolicyParseError when a policy does not parse (tools report
 * the problems; the client uses {@link configuredPolicies}, which denies instead).
 */
export function compileGuardPolicies(set: PolicySet, options?: CompileOptions): GuardPolicies & { readonly kind: 'compiled' } {
  return { kind: 'compiled', set: compilePolicies(set, options) };
}

/** The policy fields of a client's configuration. */
export interface PolicyFields {
  readonly policy?: PolicyInput;
  readonly policies?: readonly PolicyInput[];
  readonly permissionsBoundary?: PolicyInput;
  readonly serviceControlPolicies?: readonly (readonly PolicyInput[])[];
  readonly sessionPolicy?: PolicyInput;
}

/** The policy set of a client's configuration, or `undefined` when none is configured. */
export function policySetOf(config: PolicyFields): PolicySet | undefined {
  const any = config.policy !== undefined || config.policies !== undefined || config.permissionsBoundary !== undefined || config.serviceControlPolicies !== undefined || config.sessionPolicy !== undefined;
  if (!any) return undefined;
  return {
    policies: [...(config.policy !== undefined ? [config.policy] : []), ...(config.policies ?? [])],
    ...(config.permissionsBoundary !== undefined ? { permissionsBoundary: config.permissionsBoundary } : {}),
    ...(config.serviceControlPolicies ? { serviceControlPolicies: config.serviceControlPolicies } : {}),
    ...(config.sessionPolicy !== undefined ? { sessionPolicy: config.sessionPolicy } : {}),
  };
}

/**
 * A client's policies: compiled; `invalid` when one does not parse (fail closed: every guarded call is denied with
 * the parser's problems); `none` when nothing is configured. `policies: []` is a set that allows nothing, not none.
 */
export function configuredPolicies(config: PolicyFields, mode: string): GuardPolicies {
  const set = policySetOf(config);
  if (set === undefined) return { kind: 'none', reason: `no policy is configured, so nothing is allowed in ${mode} mode` };
  try {
    return compileGuardPolicies(set);
  } catch (e) {
    return { kind: 'invalid', reason: `the configured policies are invalid: ${(e as Error).message}` };
  }
}
