/** Resolves the account id the ARNs need: config, else the credentials, else STS GetCallerIdentity (signed by the same signer). */
import type { AxiosInstance } from 'axios';
import type { Credentials } from './types.js';
import { sign } from './signer.js';
import { sendOnce } from './send.js';
import { AccountResolutionError } from '../errors/guard.js';
import { serviceEndpoint } from '../resource/region.js';

const ACCOUNT = /^\d{12}$/;
/** GetCallerIdentity answers a few hundred bytes of XML. */
const STS_MAX_RESPONSE_BYTES = 64 * 1024;

export function stsEndpoint(region: string): URL {
  return new URL(`${serviceEndpoint('sts', region)}/`);
}

export async function callerAccount(http: AxiosInstance | undefined, region: string, credentials: Credentials, endpoint: URL = stsEndpoint(region), timeoutMs = 10_000): Promise<string> {
  if (credentials.accountId) {
    if (!ACCOUNT.test(credentials.accountId)) throw new AccountResolutionError('the credentials carry an account id that is not 12 digits');
    return credentials.accountId;
  }
  const body = 'Action=GetCallerIdentity&Version=2011-06-15';
  const headers = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };
  const signed = await sign({ method: 'POST', endpoint, path: endpoint.pathname, query: [], headers, body }, { service: 'sts', region, credentials });
  let res;
  try {
    res = await sendOnce(http, { method: 'POST', url: endpoint.href, headers: signed, body }, { timeoutMs, signal: undefined, attempt: 1, operation: 'sts:GetCallerIdentity', maxResponseBytes: STS_MAX_RESPONSE_BYTES, credentials });
  } catch (e) {
    throw new AccountResolutionError(`STS GetCallerIdentity failed: ${(e as Error).message}`);
  }
  const account = /<Account>(\d{12})<\/Account>/.exec(res.body)?.[1];
  if (res.status !== 200 || !account) throw new AccountResolutionError(`STS GetCallerIdentity answered HTTP ${res.status} without an account id`);
  return account;
}
