/**
 * pinpoint-guard/aws-sdk: the guard for code that already uses `@aws-sdk/client-pinpoint` (an optional peer
 * dependency, loaded only by this entry). Two lines:
 *
 * @example
 * import { guardPlugin } from 'pinpoint-guard/aws-sdk';
 * pinpoint.middlewareStack.use(guardPlugin({ client: pinpoint, policy }));
 */
export { guardPlugin, isDryRunResult, GUARD_MIDDLEWARE_NAME, type GuardPlugin, type GuardPluginConfig, type SdkDryRunResult, type SdkGuardMode } from './plugin.js';
export type { NotSentMetadata, SdkErrorFields, SdkGuardError } from './errors.js';
