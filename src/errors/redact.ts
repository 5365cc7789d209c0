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

/** A redactor for a set of secrets: `text` with every form of each secret, and the signing headers' values, replaced. */
export function redactor(secrets: readonly (string | undefined)[]): (text: string) => string {
  const pattern = secretPattern(secrets);
  return (text) => redactPatterns(pattern ? text.replace(pattern, REDACTED) : text);
}

/** `text` with the given secrets and the signing headers' values replaced by `<redacted>`. */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[] = []): string {
  return redactor(secrets)(text);
}

/** The signature of a SigV4 `authorization` header and the session token header, from signed request headers. */
export function signingSecretsOf(headers: Readonly<Record<string, string | undefined>>): string[] {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const signature = /Signature=([0-9a-f]+)/i.exec(lower.authorization ?? '')?.[1];
  return [signature, lower['x-amz-security-token']].filter((s): s is string => typeof s === 'string');
}

/**
 * Cleans an error in place, and the errors in its `cause` chain: its message, stack and every string-valued own
 * property (an SDK error's `Message`, say). Returns it, for `throw scrubError(e, secrets)`.
 */
export function scrubError<E>(error: E, secrets: readonly (string | undefined)[]): E {
  const clean = redactor(secrets);
  const seen = new Set<object>();
  const visit = (e: unknown, depth: number): void => {
    if (typeof e !== 'object' || e === null || seen.has(e) || depth > 4) return;
    seen.add(e);
    for (const key of Object.getOwnPropertyNames(e)) {
      const descriptor = Object.getOwnPropertyDescriptor(e, key);
      if (!descriptor || !('value' in descriptor)) continue;
      if (typeof descriptor.value === 'string' && descriptor.writable) (e as Record<string, unknown>)[key] = clean(descriptor.value);
      else if (key === 'cause' || key === '$response' || key === 'errors') visit(descriptor.value, depth + 1);
    }
  };
  visit(error, 0);
  return error;
}
