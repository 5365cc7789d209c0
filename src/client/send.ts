/**
 * One HTTP attempt over axios: a signed request in, status/headers/body text out, failures typed. axios is imported on
 * the first request, not with the client: it is most of the package's cold-start cost, and a process that only builds
 * clients, dry-runs or checks policies never needs it.
 */
import type { AxiosInstance } from 'axios';
import { AbortError, NetworkError, TimeoutError } from '../errors/transport.js';

export interface WireRequest { readonly method: string; readonly url: string; readonly headers: Readonly<Record<string, string>>; readonly body: string | undefined }
export interface WireResponse { readonly status: number; readonly headers: Readonly<Record<string, string>>; readonly body: string }

let shared: Promise<AxiosInstance> | undefined;

/** The instance used when the config names none: one per process, created on first use. */
export function defaultAxios(): Promise<AxiosInstance> {
  return (shared ??= import('axios').then((m) => m.default.create()));
}

/** axios marks its own errors; the flag is read directly so the check needs no import of axios. */
function axiosErrorCode(e: unknown): string | undefined {
  const err = e as { isAxiosError?: unknown; code?: unknown } | null;
  return typeof err === 'object' && err !== null && err.isAxiosError === true && typeof err.code === 'string' ? err.code : undefined;
}

/** `http` undefined: the shared default instance. */
export async function sendOnce(http: AxiosInstance | undefined, req: WireRequest, opts: { timeoutMs: number; signal: AbortSignal | undefined; attempt: number }): Promise<WireResponse> {
  if (opts.signal?.aborted) throw new AbortError();
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
      // The body is kept as text: JSON is parsed by the decoder, errors by the error mapper.
      transformResponse: [(d: unknown) => d],
      transitional: { silentJSONParsing: false, forcedJSONParsing: false },
      validateStatus: () => true,
      maxRedirects: 0,
    });
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(res.headers ?? {})) if (v !== undefined && v !== null) headers[k.toLowerCase()] = String(v);
    return { status: res.status, headers, body: typeof res.data === 'string' ? res.data : res.data === undefined || res.data === null ? '' : JSON.stringify(res.data) };
  } catch (e) {
    if (opts.signal?.aborted) throw new AbortError();
    if (timeout.signal.aborted) throw new TimeoutError(opts.timeoutMs);
    const code = axiosErrorCode(e);
    // The axios error carries the request config (headers with the signature): keep only its message and code.
    throw new NetworkError(`network error: ${(e as Error).message}`, code, opts.attempt);
  } finally {
    clearTimeout(timer);
  }
}
