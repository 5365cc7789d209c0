/**
 * The endpoint a client sends to, checked once when the client is built. It is a base the path is appended to: a
 * query, a fragment or credentials in it would make the URL sent differ from the one signed (or leak into dry-run
 * output), so they are refused. Cleartext `http://` carries the signed headers and the session token readable by
 * anyone on the path: it is accepted only to a loopback host (a local emulator, the testing kit) unless the caller
 * says `allowInsecureEndpoint: true`.
 */

/** Hosts whose traffic never leaves the machine. */
function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * The endpoint as a URL. `field` names it in errors (`config.endpoint`, `config.iamEndpoint`, ...).
 * @throws TypeError naming the field, what was expected and (for cleartext) why.
 */
export function checkEndpoint(text: unknown, allowInsecureEndpoint = false, field = 'config.endpoint'): URL {
  let url: URL;
  try {
    url = new URL(String(text));
  } catch {
    throw new TypeError(`${field}: expected an absolute http(s) URL, got ${JSON.stringify(text)}`);
  }
  const problem = !/^https?:$/.test(url.protocol) ? 'an http or https URL'
    : url.username || url.password ? 'a URL without user or password'
      : url.search || url.hash || String(text).includes('#') || String(text).includes('?') ? 'a URL without a query or fragment'
        : undefined;
  if (problem) throw new TypeError(`${field}: expected ${problem}, got ${JSON.stringify(url.protocol + '//' + url.host + url.pathname)}`);
  if (url.protocol === 'http:' && !isLoopback(url.hostname) && allowInsecureEndpoint !== true) {
    throw new TypeError(
      `${field}: ${JSON.stringify(url.protocol + '//' + url.host + url.pathname)} is cleartext http to a host that is not loopback: `
      + 'the signed headers and the session token would cross the network readable by anyone on the path. '
      + 'Use https, or set allowInsecureEndpoint: true if this is intended (a proxy on a trusted network)',
    );
  }
  return url;
}
