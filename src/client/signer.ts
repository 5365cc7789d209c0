/**
 * SigV4 signing with AWS's own implementation (@smithy/signature-v4); we add only the request shape it expects. The
 * signer is imported with the first request, not with the client, to keep the package's cold start short.
 */
import type { SignatureV4 } from '@smithy/signature-v4';
import type { Hash } from '@smithy/hash-node';
import type { Credentials } from './types.js';

interface Signing {
  readonly SignatureV4: typeof SignatureV4;
  /** SHA-256 on node:crypto (the AWS SDK's Node hash); several times faster than a pure-JS digest on every request. */
  readonly Sha256: new (secret?: ConstructorParameters<typeof Hash>[1]) => Hash;
  /** The hex SHA-256 of a body, synchronously on node:crypto: the value of `x-amz-content-sha256`. */
  readonly payloadHash: (body: string | undefined) => string;
}

let signing: Promise<Signing> | undefined;

function loadSigning(): Promise<Signing> {
  return (signing ??= Promise.all([import('@smithy/signature-v4'), import('@smithy/hash-node'), import('node:crypto')]).then(([sig, { Hash }, { createHash }]) => {
    const hex = (body: string): string => createHash('sha256').update(body, 'utf8').digest('hex');
    // Most calls are GETs without a body: their hash is the same every time.
    const empty = hex('');
    return {
      SignatureV4: sig.SignatureV4,
      Sha256: class Sha256 extends Hash {
        constructor(secret?: ConstructorParameters<typeof Hash>[1]) {
          super('sha256', secret);
        }
      },
      payloadHash: (body) => (body ? hex(body) : empty),
    };
  }));
}

export interface UnsignedRequest {
  readonly method: string;
  readonly endpoint: URL;
  /** The path as sent: each segment already percent-encoded once. */
  readonly path: string;
  /** Decoded (wire name, value) pairs; the signer encodes them itself. */
  readonly query: readonly (readonly [string, string])[];
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
}

export interface SigningOptions { readonly service: string; readonly region: string; readonly credentials: Credentials; readonly date?: Date }

/** Signers by credentials object: the key never holds a secret, and rotated credentials are collected with their object. */
const signers = new WeakMap<Credentials, Map<string, SignatureV4>>();

function signerFor({ SignatureV4, Sha256 }: Signing, service: string, region: string, credentials: Credentials): SignatureV4 {
  // A signer caches the derived signing key, so one per (credentials, service, region) saves an HMAC chain per request.
  let byScope = signers.get(credentials);
  if (!byScope) {
    byScope = new Map();
    signers.set(credentials, byScope);
  }
  const scope = `${service} ${region}`;
  let signer = byScope.get(scope);
  if (!signer) {
    signer = new SignatureV4({ service, region, credentials, sha256: Sha256, uriEscapePath: true, applyChecksum: true });
    byScope.set(scope, signer);
  }
  return signer;
}

/**
 * Returns the headers to send: the request's own plus `host`, `authorization`, `x-amz-date`, `x-amz-content-sha256`
 * and, with temporary credentials, `x-amz-security-token`. Services other than S3 sign the path encoded twice
 * (uriEscapePath), as the AWS SDKs do.
 */
export async function sign(req: UnsignedRequest, opts: SigningOptions): Promise<Record<string, string>> {
  const query: Record<string, string | string[]> = {};
  for (const [k, v] of req.query) {
    const prev = query[k];
    query[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  const loaded = await loadSigning();
  const signed = await signerFor(loaded, opts.service, opts.region, opts.credentials).sign(
    {
      method: req.method,
      protocol: req.endpoint.protocol,
      hostname: req.endpoint.hostname,
      ...(req.endpoint.port ? { port: Number(req.endpoint.port) } : {}),
      path: req.path,
      query,
      headers: { ...req.headers, host: req.endpoint.host, 'x-amz-content-sha256': loaded.payloadHash(req.body) },
      body: req.body,
    },
    opts.date ? { signingDate: opts.date } : {},
  );
  return signed.headers as Record<string, string>;
}
