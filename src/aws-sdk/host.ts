/**
 * What the plugin takes from the `@aws-sdk/client-pinpoint` client it guards: the Region, the credentials and the
 * endpoint the client itself resolves, and ListTagsForResource sent through that same client. Nothing here decides.
 */
import { ListTagsForResourceCommand, type PinpointClient } from '@aws-sdk/client-pinpoint';
import type { CredentialProvider, Credentials } from '../client/types.js';

/** The resolved configuration fields of an SDK v3 client the plugin reads (all providers, as the SDK resolves them). */
interface ResolvedSdkConfig {
  readonly region: () => Promise<string>;
  readonly credentials: (properties?: Record<string, unknown>) => Promise<Credentials>;
  readonly useFipsEndpoint: () => Promise<boolean>;
  readonly useDualstackEndpoint: () => Promise<boolean>;
  readonly isCustomEndpoint?: boolean;
  readonly ignoreConfiguredEndpointUrls?: boolean;
  /** The endpoint from `AWS_ENDPOINT_URL_PINPOINT` or the shared config file, as the SDK reads it (memoised). */
  readonly serviceConfiguredEndpoint?: () => Promise<string | undefined>;
  readonly endpoint?: () => Promise<{ readonly protocol: string; readonly hostname: string; readonly port?: number; readonly path: string }>;
  readonly endpointProvider: (params: Record<string, unknown>) => { readonly url: URL };
}

const configOf = (client: PinpointClient): ResolvedSdkConfig => client.config as unknown as ResolvedSdkConfig;

/** The client's Region, as its own Region provider answers. */
export function sdkRegion(client: PinpointClient): Promise<string> {
  return configOf(client).region();
}

/** The client's credential provider: the identity the SDK signs with (its own memoised provider). */
export function sdkCredentials(client: PinpointClient): CredentialProvider {
  const config = configOf(client);
  return () => config.credentials();
}

/**
 * The base URL the client sends to, in the order the SDK's endpoint middleware resolves it: its custom `endpoint`;
 * else a configured one (`AWS_ENDPOINT_URL_PINPOINT`, the shared config file) unless `ignoreConfiguredEndpointUrls`;
 * else what its endpoint rule set answers for the Region, FIPS and dual-stack settings.
 */
export async function sdkEndpoint(client: PinpointClient, region: string): Promise<URL> {
  const config = configOf(client);
  if (!config.isCustomEndpoint && !config.ignoreConfiguredEndpointUrls && config.serviceConfiguredEndpoint) {
    const configured = await config.serviceConfiguredEndpoint();
    if (configured) return new URL(configured);
  }
  if (config.isCustomEndpoint && config.endpoint) {
    const e = await config.endpoint();
    return new URL(`${e.protocol}//${e.hostname}${e.port !== undefined ? `:${e.port}` : ''}${e.path}`);
  }
  const [UseFIPS, UseDualStack] = await Promise.all([config.useFipsEndpoint(), config.useDualstackEndpoint()]);
  return new URL(config.endpointProvider({ Region: region, UseFIPS, UseDualStack }).url.href);
}

/** ListTagsForResource through the guarded client itself (so the guard decides it too); the guard checks the answer. */
export function sdkReadTags(client: PinpointClient): (arn: string, signal: AbortSignal | undefined) => Promise<unknown> {
  return (arn, signal) => client.send(new ListTagsForResourceCommand({ ResourceArn: arn }), signal ? { abortSignal: signal } : {});
}
