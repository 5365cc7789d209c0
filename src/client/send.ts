/** One HTTP attempt over axios: a signed request in, status/headers/body text out, failures typed. */
import axios, { type AxiosInstance, isAxiosError } from 'axios';
import { AbortError, NetworkError, TimeoutError } from '../errors/transport.js';

export interface WireRequest { readonly method: string; readonly url: string; readonly headers: Readonly<Record<string, string>>; readonly body: string | undefined }
export interface WireResponse { readonly status: number; readonly headers: Readonly<Record<string, string>>; readonly body: string }

export function defaultAxios(): AxiosInstance {
  return axios.create();
}

export async function sendOnce(http: AxiosInstance, req: WireRequest, opts: { timeoutMs: number; signal: AbortSignal | undefined; attempt: number }): Promise<WireResponse> {
  if (opts.signal?.aborted) throw new AbortError();
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), opts.timeoutMs);
  const signal = opts.signal ? AbortSignal.any([opts.signal, timeout.signal]) : timeout.signal;
  try {
    const res = await http.request<string>({
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
    const code = isAxiosError(e) ? e.code : undefined;
    // The axios error carries the request config (headers with the signature): keep only its message and code.
    throw new NetworkError(`network error: ${(e as Error).message}`, code, opts.attempt);
  } finally {
    clearTimeout(timer);
  }
}
