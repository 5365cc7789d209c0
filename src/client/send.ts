/**
 * One HTTP attempt over axios: a signed request in, status/headers/body text out, failures typed. axios is imported on
 * the first request, not with the client: it is most of the package's cold-start cost, and a process that only builds
 * clients, dry-runs or checks policies never needs it.
 */
import type { AxiosInstance } from 'axios';
import type { Credentials } from './types.js';
import { redactor, signingSecretsOf } from '../errors/redact.js';
import { AbortError, NetworkError, ResponseTooLargeError, TimeoutError } from '../errors/transport.js';

export interface WireRequest { readonly method: string; readonly url: string; readonly headers: Readonly<Record<string, string>>; readonly body: string | undefined }
export interface WireResponse { readonly status: number; readonly headers: Readonly<Record<string, string>>; readonly body: string }

let shared: Promise<AxiosInstance> | undefined;

/** The instance used when the config names none: one per process, created on first use. */
export function defaultAxios(): Promise<AxiosInstance> {
  return (shared ??= import('axios').then((m) => m.default.create()));
}

/**
 * Default cap of a response body, counted after decompression: 10 MiB. Pinpoint's largest answers (a page of
 * endpoints, an export job list) are well under 1 MiB; the cap stops an endless or decompression-bomb answer early.
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

/** `config.maxResponseBytes`, checked: a positive integer, else the default. */
export function resolveMaxResponseBytes(value: unknown): number {
  if (value === undefined) return DEFAULT_MAX_RESPONSE_BYTES;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) throw new TypeError(`config.maxResponseBytes: expected a positive integer (bytes), got ${JSON.stringify(value)}`);
  return value;
}

/** What an attempt is bounded by, and whose it is (named in the error). */
export interface SendOptions {
  readonly timeoutMs: number;
  readonly signal: AbortSignal | undefined;
  readonly attempt: number;
  /** The operation (or call) named in a ResponseTooLargeError. */
  readonly operation: string;
  /** Cap of the decompressed body, enforced while it streams in. */
  readonly maxResponseBytes: number;
  /** The credentials the request was signed with: their secret key and token are removed from what comes back. */
  readonly credentials?: Credentials;
}

/** axios marks its own errors; the flag is read directly so the check needs no import of axios. */
function axiosErrorCode(e: unknown): string | undefined {
  const err = e as { isAxiosError?: unknown; code?: unknown } | null;
  return typeof err === 'object' && err !== null && err.isAxiosError === true && typeof err.code === 'string' ? err.code : undefined;
}

/** The body is kept as text: JSON is parsed by the decoder, errors by the error mapper. Shared, not rebuilt per request. */
const KEEP_TEXT = Object.freeze([(d: unknown): unknown => d]) as ((d: unknown) => unknown)[];
const NO_JSON_PARSING = Object.freeze({ silentJSONParsing: false, forcedJSONParsing: false });
const ANY_STATUS = (): boolean => true;

/** `http` undefined: the shared default instance. */
export async function sendOnce(http: AxiosInstance | undefined, req: WireRequest, opts: SendOptions): Promise<WireResponse> {
  if (opts.signal?.aborted) throw new AbortError();
  // Whatever the answer echoes of the secret key, the token or this request's signature is removed by value before
  // any error, log line or CLI output can be built from it.
  const clean = redactor([opts.credentials?.secretAccessKey, opts.credentials?.sessionToken, ...signingSecretsOf(req.headers)]);
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), opts.timeoutMs);
  const signal = opts.signal ? AbortSignal.any([opts.signal, timeout.signal]) : timeout.signal;
  try {
    const res = await (http ?? (await defaultAxios())).request<string>({
      method: req.method,
      url: req.url,
      headers: req.headers,
      data: req.body,
      signal,
      responseType: 'text',
      transformResponse: KEEP_TEXT,
      transitional: NO_JSON_PARSING,
      validateStatus: ANY_STATUS,
      maxRedirects: 0,
      // axios's Node adapter counts the body after its decompression stream and destroys the socket past this.
      maxContentLength: opts.maxResponseBytes,
      decompress: true,
    });
    const headers: Record<string, string> = {};
    const raw = (res.headers ?? {}) as Record<string, unknown>;
    for (const k of Object.keys(raw)) {
      const v = raw[k];
      if (v !== undefined && v !== null) headers[k.toLowerCase()] = clean(String(v));
    }
    const text = typeof res.data === 'string' ? res.data : res.data === undefined || res.data === null ? '' : JSON.stringify(res.data);
    // An adapter that ignores maxContentLength (a custom one on a caller's instance) is still held to the cap here. A
    // UTF-16 unit is at most 3 bytes of UTF-8, so a short text needs no count.
    if (text.length * 3 > opts.maxResponseBytes && Buffer.byteLength(text, 'utf8') > opts.maxResponseBytes) throw new ResponseTooLargeError(opts.operation, opts.maxResponseBytes);
    // An error body becomes an error's message; a success body is the caller's data and is left as it came.
    const body = res.status >= 200 && res.status < 300 ? text : clean(text);
    return { status: res.status, headers, body };
  } catch (e) {
    if (e instanceof ResponseTooLargeError) throw e;
    if (opts.signal?.aborted) throw new AbortError();
    if (timeout.signal.aborted) throw new TimeoutError(opts.timeoutMs);
    const code = axiosErrorCode(e);
    if (code === 'ERR_BAD_RESPONSE' && /^maxContentLength size of \d+ exceeded/.test((e as Error).message)) throw new ResponseTooLargeError(opts.operation, opts.maxResponseBytes);
    // The axios error carries the request config (headers with the signature): keep only its message and code.
    throw new NetworkError(clean(`network error: ${(e as Error).message}`), code, opts.attempt);
  } finally {
    clearTimeout(timer);
  }
}
