/**
 * The authorization check a test should notice: a SigV4 `authorization` header whose credential scope names
 * `mobiletargeting` (and the expected Region, when the mock has one). The signature itself is not verified.
 */

/** The outcome: the scope's Region, or why the request is forbidden. */
export type AuthResult = { readonly ok: true; readonly region: string } | { readonly ok: false; readonly reason: string };

const HEADER = /^AWS4-HMAC-SHA256\s+Credential=([^,\s]+)\s*,\s*SignedHeaders=[^,\s]+\s*,\s*Signature=[0-9a-f]+\s*$/;

/** Checks the `authorization` header's form and credential scope `<key>/<date>/<region>/mobiletargeting/aws4_request`. */
export function checkAuthorization(header: string | undefined, expectedRegion: string | undefined): AuthResult {
  if (header === undefined || header.trim() === '') {
    return { ok: false, reason: 'Missing Authentication Token: the request has no SigV4 authorization header' };
  }
  const credential = HEADER.exec(header.trim())?.[1];
  if (credential === undefined) {
    return { ok: false, reason: 'Authorization header requires Credential, SignedHeaders and Signature (AWS4-HMAC-SHA256)' };
  }
  const [accessKeyId, date, region, service, terminator, ...extra] = credential.split('/');
  if (!accessKeyId || !date || !/^\d{8}$/.test(date) || !region || terminator !== 'aws4_request' || extra.length > 0) {
    return { ok: false, reason: `Credential should be scoped as <access key>/<yyyymmdd>/<region>/mobiletargeting/aws4_request, got ${JSON.stringify(credential)}` };
  }
  if (service !== 'mobiletargeting') {
    return { ok: false, reason: `Credential should be scoped to correct service: 'mobiletargeting', not ${JSON.stringify(service)}` };
  }
  if (expectedRegion !== undefined && region !== expectedRegion) {
    return { ok: false, reason: `Credential should be scoped to a valid region: expected '${expectedRegion}', got '${region}'` };
  }
  return { ok: true, region };
}

/**
 * The `authorization` header as the request log keeps it: the credential scope (access key id and scope, which tests
 * assert on) and the signed headers, with the signature replaced by `<redacted>`. A header of another form is kept
 * as `<redacted>` whole: it may be any kind of secret.
 */
export function redactAuthorization(header: string): string {
  if (!/^\s*AWS4-HMAC-SHA256\s/.test(header)) return REDACTED;
  return header.replace(/(Signature=)[^,\s]*/gi, '$1<redacted>');
}

/** What a secret is replaced with in the request log. */
export const REDACTED = '<redacted>';
