/**
 * One HTTP attempt: a signed request in, status/headers/body text out, failures typed, secrets removed from what comes
 * back. It goes through node:http (./transport.ts, where the reason is measured), or through axios for a caller's
 * `config.axios` instance and when the environment names a proxy. Both are imported on the first request, not with
 * the client: a process that only builds clients, dry-runs or checks policies never needs them.
 */
import type { AxiosInstance } from 'axios';
import type { Credentials } from './types.js';
import { redactor, signingSecretsOf } from '../errors/redact.js';
import { AbortError, NetworkError, ResponseTooLargeError, TimeoutError } from '../errors/transport.js';

export interface WireRequest { readonly method: string; readonly url: string; readonly headers: Readonly<Record<string, string>>; readonly body: string | undefined }
export interface WireResponse { readonly status: number; readonly headers: Readonly<Record<string, string>>; readonly body: string }

let shared: Promise<AxiosInstance> | undefined;

/** The default adapter's: the body grew past the cap while streaming in, and the socket was destroyed. */
export class BodyTooLargeError extends Error {
  readonly maxBytes: number;
  constructor(maxBytes: number) {
    super(`the response body exceeded ${maxBytes} bytes`);
    this.name = 'BodyTooLargeError';
    this.maxBytes = maxBytes;
  }
}

/** The shared default instance, for a process whose environment names a proxy: one per process, created on first use. */
export function defaultAxios(): Promise<AxiosInstance> {
  return (shared ??= import('axios').then((m) => m.default.create()));
}

/** A response as a transport hands it over: the body as text, the headers as they came. */
export interface RawResponse { readonly status: number; readonly headers: Readonly<Record<string, unknown>>; readonly text: string }

/** What bounds one attempt: past `timeoutMs` it rejects with TimeoutError, on `signal` with AbortError. */
export interface AttemptBounds { readonly timeoutMs: number; readonly signal: AbortSignal | undefined; readonly maxBytes: number }

/** Sends one request within its bounds; the decompressed body is capped at `maxBytes` (BodyTooLargeError). */
type Sender = (req: WireRequest, bounds: AttemptBounds) => Promise<RawResponse>;

let viaNode: Promise<Sender> | undefined;
/**
 * The sender when the config names no axios instance: node:http (./transport.ts, where the reason is measured),
 * unless the environment names a proxy — read once, on the first request — which axios's adapter knows how to go
 * through, as before.
 */
function defaultSender(): Promise<Sender> {
  return (viaNode ??= import('./transport.js').then((t) => (t.environmentNamesProxy() ? (req, bounds) => viaAxios(undefined, req, bounds) : t.sendOverNode)));
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

/** The code of a failure: axios's own (`ERR_…`, or the socket's it copies) or node's (`ECONNREFUSED`, …). */
function errorCode(e: unknown): string | undefined {
  const err = e as { code?: unknown } | null;
  return typeof err === 'object' && err !== null && typeof err.code === 'string' ? err.code : undefined;
}

/** The body is kept as text: JSON is parsed by the decoder, errors by the error mapper. Shared, not rebuilt per request. */
const KEEP_TEXT = Object.freeze([(d: unknown): unknown => d]) as ((d: unknown) => unknown)[];
const NO_JSON_PARSING = Object.freeze({ silentJSONParsing: false, forcedJSONParsing: false });
const ANY_STATUS = (): boolean => true;

/** Through an axios instance: the caller's (its adapter and interceptors run), or the shared default one. */
async function viaAxios(http: AxiosInstance | undefined, req: WireRequest, { timeoutMs, signal: caller, maxBytes }: AttemptBounds): Promise<RawResponse> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  const signal = caller ? AbortSignal.any([caller, timeout.signal]) : timeout.signal;
  try {
    return await axiosAttempt(http ?? (await defaultAxios()), req, signal, maxBytes);
  } catch (e) {
    if (caller?.aborted) throw new AbortError();
    if (timeout.signal.aborted) throw new TimeoutError(timeoutMs);
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

async function axiosAttempt(http: AxiosInstance, req: WireRequest, signal: AbortSignal, maxBytes: number): Promise<RawResponse> {
  const res = await http.request<string>({
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
    maxContentLength: maxBytes,
    decompress: true,
  });
  const text = typeof res.data === 'string' ? res.data : res.data === undefined || res.data === null ? '' : JSON.stringify(res.data);
  return { status: res.status, headers: (res.headers ?? {}) as Record<string, unknown>, text };
}

/** `http` undefined: node:http (or, with a proxy in the environment, axios's default instance). */
export async function sendOnce(http: AxiosInstance | undefined, req: WireRequest, opts: SendOptions): Promise<WireResponse> {
  if (opts.signal?.aborted) throw new AbortError();
  // Whatever the answer echoes of the secret key, the token or this request's signature is removed by value before
  // any error, log line or CLI output can be built from it.
  const clean = redactor([opts.credentials?.secretAccessKey, opts.credentials?.sessionToken, ...signingSecretsOf(req.headers)]);
  const bounds: AttemptBounds = { timeoutMs: opts.timeoutMs, signal: opts.signal, maxBytes: opts.maxResponseBytes };
  try {
    const res = http ? await viaAxios(http, req, bounds) : await (await defaultSender())(req, bounds);
    const headers: Record<string, string> = {};
    const raw = res.headers;
    for (const k of Object.keys(raw)) {
      const v = raw[k];
      if (v !== undefined && v !== null) headers[k.toLowerCase()] = clean(String(v));
    }
    const text = res.text;
    // An adapter that ignores maxContentLength (a custom one on a caller's instance) is still held to the cap here. A
    // UTF-16 unit is at most 3 bytes of UTF-8, so a short text needs no count.
    if (text.length * 3 > opts.maxResponseBytes && Buffer.byteLength(text, 'utf8') > opts.maxResponseBytes) throw new ResponseTooLargeError(opts.operation, opts.maxResponseBytes);
    // An error body becomes an error's message; a success body is the caller's data and is left as it came.
    const body = res.status >= 200 && res.status < 300 ? text : clean(text);
    return { status: res.status, headers, body };
  } catch (e) {
    if (e instanceof ResponseTooLargeError || e instanceof BodyTooLargeError) throw new ResponseTooLargeError(opts.operation, opts.maxResponseBytes);
    if (opts.signal?.aborted || e instanceof AbortError) throw new AbortError();
    if (e instanceof TimeoutError) throw e;
    const code = errorCode(e);
    if (code === 'ERR_BAD_RESPONSE' && /^maxContentLength size of \d+ exceeded/.test((e as Error).message)) throw new ResponseTooLargeError(opts.operation, opts.maxResponseBytes);
    // The axios error carries the request config (headers with the signature): keep only its message and code.
    throw new NetworkError(clean(`network error: ${(e as Error).message}`), code, opts.attempt);
  }
}
