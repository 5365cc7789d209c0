/**
 * Least privilege read from source code: the policy a TypeScript backend needs, from its calls of a PinpointClient,
 * without running it. Importing this module loads neither ts-morph nor the analysis: both are imported when a
 * function is called, so the package root stays light and ts-morph stays an optional peer dependency.
 */
import { loadTsMorph, type TsMorphLoader } from './load.js';
import type { SourceCheckRequest, SourceOptions, SourcePolicy, SourcePolicyCheck, SourcePolicyRequest } from './types.js';

export { MissingEnvironmentError, MissingPeerDependencyError } from './errors.js';
export type * from './types.js';

async function implementation(options: SourceOptions) {
  const tsm = await loadTsMorph(options.loadTsMorph as TsMorphLoader | undefined);
  return { tsm, analysis: await import('./analyze.js') };
}

/**
 * The least-privilege policy for every call of a PinpointClient method or paginator in a project, with each
 * statement's call sites, the ids the source does not fix (wildcards), the calls whose operation the types do not
 * fix (unresolved, not granted) and the same self-check as `generatePolicy`.
 *
 * @example
 * const { policy, statements, unresolved } = await policyFromSource({ project: 'tsconfig.json', region: 'us-east-1', accountId: '123456789012' });
 * @throws MissingPeerDependencyError when ts-morph is not installed; ToolingInputError for a project that cannot be read.
 */
export async function policyFromSource(req: SourcePolicyRequest, options: SourceOptions = {}): Promise<SourcePolicy> {
  const { tsm, analysis } = await implementation(options);
  return analysis.sourcePolicy(tsm, req);
}

/**
 * The project's calls against an existing identity policy: the calls it would deny (with their call sites) and the
 * grants no call uses.
 *
 * @throws MissingPeerDependencyError when ts-morph is not installed; PolicyParseError for an invalid policy.
 */
export async function checkSourcePolicy(req: SourceCheckRequest, options: SourceOptions = {}): Promise<SourcePolicyCheck> {
  const { tsm, analysis } = await implementation(options);
  return analysis.sourceCheck(tsm, req);
}
export { sourceCheckReport, sourcePolicyReport } from './report.js';
