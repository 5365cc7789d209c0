/**
 * The AWS SDK v3 IAM and STS clients, optional peer dependencies loaded with import() only when a principal is
 * loaded (importing the package root never loads them), and the one wrapper every call goes through: an SDK error
 * becomes a PrincipalLoadError naming the action.
 */
import type { IAMClient } from '@aws-sdk/client-iam';
import type { STSClient } from '@aws-sdk/client-sts';
import type { LoadPrincipalOptions } from './types.js';
import { PrincipalLoadError } from './errors.js';
import { scrubError, signingSecretsOf } from '../errors/redact.js';
import { checkEndpoint } from '../client/endpoint.js';

export type IamModule = typeof import('@aws-sdk/client-iam');
export type StsModule = typeof import('@aws-sdk/client-sts');

/** Imports an optional package, or throws a PrincipalLoadError naming it and how to install it. */
export async function importOptional<T>(name: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      throw new PrincipalLoadError({
        code: 'MissingPackage',
        message: `loading a principal needs the optional package ${name}; install it with npm install ${name}`,
        cause: e,
      });
    }
    throw e;
  }
}

/** The clients and their modules (for the command classes). */
export interface AwsClients {
  readonly iam: IAMClient;
  readonly sts: STSClient;
  readonly IAM: IamModule;
  readonly STS: StsModule;
  /**
   * `error` cleaned, by value, of what these clients signed with: the secret key and session token of their
   * credentials and every signature they computed (IAM or STS may echo them in an error's message, in XML or text).
   */
  scrub(error: unknown): Promise<unknown>;
}

/** Signatures and tokens of the requests a client sent, read after signing (the deserialize step sees the signed request). */
function recordSigningSecrets(client: IAMClient | STSClient, into: Set<string>): void {
  type Args = { readonly request?: unknown };
  const stack = client.middlewareStack as unknown as { add(mw: (next: (a: Args) => Promise<unknown>) => (a: Args) => Promise<unknown>, options: object): void };
  stack.add(
    (next) => async (args) => {
      const headers = (args.request as { headers?: Record<string, string> } | undefined)?.headers;
      if (headers) for (const s of signingSecretsOf(headers)) into.add(s);
      return next(args);
    },
    { step: 'deserialize', name: 'pinpointGuardRecordSigningSecrets', priority: 'low' },
  );
}

/** The secret key and token the client resolves its credentials to, or none when they cannot be resolved. */
async function credentialSecrets(client: IAMClient | STSClient): Promise<string[]> {
  try {
    const provider = client.config.credentials as unknown as (() => Promise<{ secretAccessKey?: string; sessionToken?: string }>) | undefined;
    const c = typeof provider === 'function' ? await provider() : undefined;
    return [c?.secretAccessKey, c?.sessionToken].filter((v): v is string => typeof v === 'string');
  } catch {
    return [];
  }
}

export async function awsClients(options: LoadPrincipalOptions): Promise<AwsClients> {
  // Checked as the client checks its own endpoint, before anything is signed: the same rule wherever a principal is loaded from.
  if (options.iamEndpoint !== undefined) checkEndpoint(options.iamEndpoint, options.allowInsecureEndpoint, 'options.iamEndpoint');
  if (options.stsEndpoint !== undefined) checkEndpoint(options.stsEndpoint, options.allowInsecureEndpoint, 'options.stsEndpoint');
  const IAM = await importOptional('@aws-sdk/client-iam', () => import('@aws-sdk/client-iam'));
  const STS = await importOptional('@aws-sdk/client-sts', () => import('@aws-sdk/client-sts'));
  const common = {
    region: options.region,
    maxAttempts: options.maxAttempts ?? 3,
    ...(options.credentials !== undefined ? { credentials: options.credentials } : {}),
  };
  const iam = new IAM.IAMClient({ ...common, ...(options.iamEndpoint ? { endpoint: options.iamEndpoint } : {}) });
  const sts = new STS.STSClient({ ...common, ...(options.stsEndpoint ? { endpoint: options.stsEndpoint } : {}) });
  const signed = new Set<string>();
  recordSigningSecrets(iam, signed);
  recordSigningSecrets(sts, signed);
  return {
    IAM, STS, iam, sts,
    scrub: async (error) => scrubError(error, [...signed, ...(await credentialSecrets(iam)), ...(await credentialSecrets(sts))]),
  };
}

/** Runs one IAM/STS call; a failure (after the SDK's retries) is a PrincipalLoadError naming `action`. */
export async function awsCall<T>(action: string, principalArn: string | undefined, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof PrincipalLoadError) throw e;
    const err = e as { name?: string; Code?: string; message?: string };
    const code = err.Code ?? err.name ?? 'Error';
    throw new PrincipalLoadError({ code, action, principalArn, message: err.message ?? String(e), cause: e });
  }
}

/** Every page of an IAM list (IsTruncated/Marker), in order; a Marker handed back twice is an error, not a loop. */
export async function allPages<P extends { IsTruncated?: boolean; Marker?: string }>(action: string, principalArn: string | undefined, page: (marker: string | undefined) => Promise<P>): Promise<P[]> {
  const pages: P[] = [];
  const seen = new Set<string>();
  let marker: string | undefined;
  do {
    const current = marker;
    const p = await awsCall(action, principalArn, () => page(current));
    pages.push(p);
    marker = p.IsTruncated ? p.Marker : undefined;
    if (p.IsTruncated && !marker) throw new PrincipalLoadError({ code: 'InvalidResponse', action, principalArn, message: 'IsTruncated without a Marker' });
    if (marker !== undefined && seen.has(marker)) throw new PrincipalLoadError({ code: 'InvalidResponse', action, principalArn, message: 'the same Marker came back twice' });
    if (marker !== undefined) seen.add(marker);
  } while (marker !== undefined);
  return pages;
}

/** `fn` over `items` with at most `limit` calls in flight, results in input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
