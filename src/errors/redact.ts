/**
 * Secrets out of anything shown: a server (or a proxy, or IAM) may echo what it was sent — the signature, the session
 * token, even a secret key it was handed elsewhere — in JSON, text or XML. Text built from such an answer is cleaned
 * twice: by value (the caller's actual secret key, session token and computed signatures, in the forms an echo takes)
 * and by pattern (signature and token headers of a canonical request, whatever their value).
 */

/** A value shorter than this is not redacted by value: it could not be a key, token or signature, and would mangle text. */
const MIN_SECRET_LENGTH = 8;

const REDACTED = '<redacted>';

/** The forms an echoed value takes: as sent, URL-encoded (either hex case), JSON-escaped (`/` as `\/` too). */
function formsOf(secret: string): string[] {
  const encoded = encodeURIComponent(secret);
  const json = JSON.stringify(secret).slice(1, -1);
  return [secret, encoded, encoded.replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase()), json, json.replaceAll('/', '\\/')];
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One regular expression matching every form of every secret, longest first; undefined when there is none. */
function secretPattern(secrets: readonly (string | undefined)[]): RegExp | undefined {
  const forms = [...new Set(secrets.filter((s): s is string => typeof s === 'string' && s.length >= MIN_SECRET_LENGTH).flatMap(formsOf))];
  if (forms.length === 0) return undefined;
  forms.sort((a, b) => b.length - a.length);
  return new RegExp(forms.map(escapeRegExp).join('|'), 'g');
}

/** Signature and token headers of a canonical request AWS echoes in a signature-mismatch message, by pattern. */
function redactPatterns(text: string): string {
  return text
    .replace(/(x-amz-security-token[:=]\s*)[^\s'"&<,]+/gi, `$1${REDACTED}`)
    .replace(/(Credential=)[^/\s,]+/g, `$1${REDACTED}`)
    .replace(/(Signature=)[0-9a-f]{16,}/gi, `$1${REDACTED}`);
}

/** The shortest text any of redactPatterns' expressions matches: `Credential=` and one character. */
const MIN_PATTERN_MATCH = 'Credential='.length + 1;
/** A text none of redactPatterns' expressions can match lacks all three names (tested case-blind: a superset). */
const MAY_HOLD_SIGNING_HEADER = /x-amz-security-token|credential=|signature=/i;

/**
 * A redactor for a set of secrets: `text` with every form of each secret, and the signing headers' values, replaced.
 * Cheap to build and to apply to text that holds nothing to redact (a response's headers, once per request): the
 * expression over every form of every secret is compiled on first need, and a text shorter than the shortest secret
 * (each form is at least as long as its secret) or without a signing header's name is returned as it came.
 */
export function redactor(secrets: readonly (string | undefined)[]): (text: string) => string {
  let shortest = Infinity;
  for (const s of secrets) if (typeof s === 'string' && s.length >= MIN_SECRET_LENGTH && s.length < shortest) shortest = s.length;
  let pattern: RegExp | undefined;
  return (text) => {
    let out = text;
    if (out.length >= shortest) {
      pattern ??= secretPattern(secrets)!;
      out = out.replace(pattern, REDACTED);
    }
    return out.length >= MIN_PATTERN_MATCH && MAY_HOLD_SIGNING_HEADER.test(out) ? redactPatterns(out) : out;
  };
}

/** `text` with the given secrets and the signing headers' values replaced by `<redacted>`. */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[] = []): string {
  return redactor(secrets)(text);
}

/** The signature of a SigV4 `authorization` header and the session token header, from signed request headers. */
export function signingSecretsOf(headers: Readonly<Record<string, string | undefined>>): string[] {
  const out: string[] = [];
  for (const key of Object.keys(headers)) {
    const name = key.toLowerCase();
    const value = headers[key];
    if (typeof value !== 'string') continue;
    if (name === 'authorization') {
      const signature = /Signature=([0-9a-f]+)/i.exec(value)?.[1];
      if (signature !== undefined) out.push(signature);
    } else if (name === 'x-amz-security-token') out.push(value);
  }
  return out;
}

/**
 * A stand-in for a cause: its name, message, stack and plain fields (`Code`, `$fault`, `$metadata`), cleaned, without
 * what a library hangs on it (an SDK error's hidden `$response` holds the raw body and the signed request's headers).
 */
function summaryOf(cause: Error, clean: (text: string) => string, depth: number): Error {
  const summary = new Error(clean(cause.message));
  summary.name = clean(cause.name);
  summary.stack = clean(cause.stack ?? '');
  for (const [key, value] of Object.entries(cause)) {
    if (typeof value === 'string') (summary as unknown as Record<string, unknown>)[key] = clean(value);
    else if (typeof value === 'number' || typeof value === 'boolean') (summary as unknown as Record<string, unknown>)[key] = value;
    else if (key === '$metadata' && typeof value === 'object' && value !== null) (summary as unknown as Record<string, unknown>)[key] = JSON.parse(clean(JSON.stringify(value))) as unknown;
  }
  if (cause.cause !== undefined && depth < 4) summary.cause = cause.cause instanceof Error ? summaryOf(cause.cause, clean, depth + 1) : undefined;
  return summary;
}

/**
 * Cleans an error in place: its message, stack and every string-valued own property (hidden ones too), and the
 * strings of plain objects it holds; its `cause` is replaced by a cleaned summary (see summaryOf). Returns it, for
 * `throw scrubError(e, secrets)`.
 */
export function scrubError<E>(error: E, secrets: readonly (string | undefined)[]): E {
  const clean = redactor(secrets);
  const seen = new Set<object>();
  const visit = (e: unknown, depth: number): void => {
    if (typeof e !== 'object' || e === null || seen.has(e) || depth > 3) return;
    seen.add(e);
    for (const key of Object.getOwnPropertyNames(e)) {
      const descriptor = Object.getOwnPropertyDescriptor(e, key);
      if (!descriptor || !('value' in descriptor)) continue;
      const value: unknown = descriptor.value;
      const replace = (next: unknown): void => {
        if (descriptor.writable) (e as Record<string, unknown>)[key] = next;
        else if (descriptor.configurable) Object.defineProperty(e, key, { ...descriptor, value: next });
      };
      if (typeof value === 'string') replace(clean(value));
      else if (key === 'cause' && value instanceof Error) replace(summaryOf(value, clean, 0));
      else if (typeof value === 'object') visit(value, depth + 1);
    }
  };
  visit(error, 0);
  return error;
}
