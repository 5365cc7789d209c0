/**
 * Resolves credentials: static keys, any AWS SDK v3 provider (refreshed before expiry), or by default the standard
 * Node provider chain from `@aws-sdk/credential-providers` when installed, else the environment alone.
 */
import type { CredentialProvider, Credentials } from './types.js';
import { CredentialsError } from '../errors/transport.js';

/** Refresh this long before expiry, as the AWS SDK does. */
const REFRESH_MARGIN_MS = 5 * 60 * 1000;

/** A credential provider reading AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN. */
export function fromEnvironment(env: NodeJS.ProcessEnv = process.env): CredentialProvider {
  return async () => {
    const accessKeyId = env.AWS_ACCESS_KEY_ID;
    const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
    if (!accessKeyId || !secretAccessKey) {
      throw new CredentialsError('no credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, pass credentials in the client config, or install @aws-sdk/credential-providers for the full provider chain');
    }
    return { accessKeyId, secretAccessKey, ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}) };
  };
}

async function defaultProvider(): Promise<CredentialProvider> {
  try {
    // An optional peer dependency: the full chain (env, shared files, SSO, container and instance metadata) when present.
    const name = '@aws-sdk/credential-providers';
    const mod = (await import(name)) as { fromNodeProviderChain: () => CredentialProvider };
    return mod.fromNodeProviderChain();
  } catch {
    return fromEnvironment();
  }
}

/** A provider that caches credentials and refreshes them shortly before they expire; concurrent calls share one refresh. */
export function cachedProvider(source: Credentials | CredentialProvider | undefined, now: () => number = Date.now): CredentialProvider {
  if (source && typeof source === 'object') {
    if (!source.accessKeyId || !source.secretAccessKey) throw new CredentialsError('credentials need accessKeyId and secretAccessKey');
    return async () => source;
  }
  let provider: Promise<CredentialProvider> | undefined = source ? Promise.resolve(source) : undefined;
  let current: Credentials | undefined;
  let pending: Promise<Credentials> | undefined;
  return async () => {
    if (current && (!current.expiration || current.expiration.getTime() - REFRESH_MARGIN_MS > now())) return current;
    pending ??= (async () => {
      try {
        provider ??= defaultProvider();
        const creds = await (await provider)();
        if (!creds?.accessKeyId || !creds.secretAccessKey) throw new CredentialsError('the credential provider returned no accessKeyId/secretAccessKey');
        current = creds;
        return creds;
      } catch (e) {
        throw e instanceof CredentialsError ? e : new CredentialsError(`the credential provider failed: ${(e as Error).message}`);
      } finally {
        pending = undefined;
      }
    })();
    return pending;
  };
}
