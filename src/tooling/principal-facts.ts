/** The `principal` of a tool's request: a loaded principal's keys, taken as facts exactly as the client's guard takes them. */
import { principalKeys, type PrincipalKeys } from '../guard/decide.js';
import type { LoadedPrincipal } from '../principal/types.js';
import { ToolingInputError } from './errors.js';

/** What the tools read of a {@link LoadedPrincipal}: its keys, and which keys it states (absence included). */
export type PrincipalFacts = Pick<LoadedPrincipal, 'context' | 'knownKeys'>;

/** The guard's facts for `principal`, or undefined without one. @throws ToolingInputError when it is not a principal's keys. */
export function principalFactsOf(principal: PrincipalFacts | undefined): PrincipalKeys | undefined {
  if (principal === undefined) return undefined;
  const p = principal as { readonly context?: unknown; readonly knownKeys?: unknown } | null;
  const keysOk = Array.isArray(p?.knownKeys) && p.knownKeys.every((k) => typeof k === 'string');
  if (typeof p !== 'object' || p === null || typeof p.context !== 'object' || p.context === null || !keysOk) {
    throw new ToolingInputError('principal: expected a LoadedPrincipal (from loadPrincipal) or { context, knownKeys }');
  }
  return principalKeys(principal);
}
