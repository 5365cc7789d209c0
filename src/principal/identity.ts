/**
 * Who a principal ARN names, and the principal keys AWS sets for each kind (the global condition keys page:
 * aws:PrincipalArn, aws:PrincipalAccount, aws:PrincipalType and aws:PrincipalIsAWSService on every signed request;
 * aws:userid per principal kind; aws:username for IAM users only; aws:PrincipalTag/* for users and role sessions).
 */
import { parseArn } from '../resource/arn.js';
import type { RequestContext } from '../policy/index.js';
import type { PrincipalType } from './types.js';

/** What a principal ARN names. */
export type Identity =
  | { readonly kind: 'role'; readonly roleName: string; readonly sessionName: string | undefined; readonly account: string; readonly partition: string }
  | { readonly kind: 'user'; readonly userName: string; readonly account: string; readonly partition: string }
  | { readonly kind: 'root'; readonly account: string; readonly partition: string }
  | { readonly kind: 'federated-user'; readonly name: string; readonly account: string; readonly partition: string };

const PRINCIPAL_TYPES: Readonly<Record<Identity['kind'], PrincipalType>> = { role: 'AssumedRole', user: 'User', root: 'Account', 'federated-user': 'FederatedUser' };

export const principalTypeOf = (identity: Identity): PrincipalType => PRINCIPAL_TYPES[identity.kind];

/** Reads a principal ARN, or says what was expected. */
export function identityOf(arn: string): Identity | string {
  const expected = `expected a role, user, assumed-role, root or federated-user ARN, got ${JSON.stringify(arn)}`;
  const parsed = parseArn(arn);
  if (!parsed || !/^\d{12}$/.test(parsed.account) || parsed.region !== '') return expected;
  const { partition, account, resource } = parsed;
  const last = (r: string): string => r.slice(r.lastIndexOf('/') + 1);
  if (parsed.service === 'iam') {
    if (resource === 'root') return { kind: 'root', account, partition };
    if (/^role\/(?:[\x21-\x7e]*\/)?[\w+=,.@-]+$/.test(resource)) return { kind: 'role', roleName: last(resource), sessionName: undefined, account, partition };
    if (/^user\/(?:[\x21-\x7e]*\/)?[\w+=,.@-]+$/.test(resource)) return { kind: 'user', userName: last(resource), account, partition };
  }
  if (parsed.service === 'sts') {
    const session = /^assumed-role\/([\w+=,.@-]+)\/([\w+=,.@-]+)$/.exec(resource);
    if (session) return { kind: 'role', roleName: session[1]!, sessionName: session[2]!, account, partition };
    const federated = /^federated-user\/([\w+=,.@-]+)$/.exec(resource);
    if (federated) return { kind: 'federated-user', name: federated[1]!, account, partition };
  }
  return expected;
}

/** What the loader learnt, from which the keys are set. */
export interface PrincipalFacts {
  readonly type: PrincipalType;
  readonly principalArn: string;
  readonly account: string;
  /** aws:userid when it is known (a role without a session has none). */
  readonly userId: string | undefined;
  readonly userName: string | undefined;
  /** aws:PrincipalTag/* values; `undefined` when the principal kind has none AWS could set from IAM. */
  readonly tags: Readonly<Record<string, string>> | undefined;
}

/** Which keys each kind of principal carries in AWS's request context (present or, by AWS's rules, absent). */
const KEYS_BY_TYPE: Readonly<Record<PrincipalType, { readonly username: boolean; readonly tags: boolean }>> = {
  User: { username: true, tags: true },
  AssumedRole: { username: false, tags: true },
  Account: { username: false, tags: true },
  FederatedUser: { username: false, tags: false },
};

/** The principal keys and which of them are facts (absence included). */
export function principalContext(facts: PrincipalFacts): { readonly context: RequestContext; readonly knownKeys: readonly string[] } {
  const context: Record<string, string> = {
    'aws:PrincipalArn': facts.principalArn,
    'aws:PrincipalAccount': facts.account,
    'aws:PrincipalType': facts.type,
    'aws:PrincipalIsAWSService': 'false',
  };
  const knownKeys = ['aws:PrincipalArn', 'aws:PrincipalAccount', 'aws:PrincipalType', 'aws:PrincipalIsAWSService', 'aws:username'];
  if (facts.userId !== undefined) {
    context['aws:userid'] = facts.userId;
    knownKeys.push('aws:userid');
  }
  const rules = KEYS_BY_TYPE[facts.type];
  if (rules.username && facts.userName !== undefined) context['aws:username'] = facts.userName;
  if (rules.tags && facts.tags !== undefined) {
    for (const [k, v] of Object.entries(facts.tags)) context[`aws:PrincipalTag/${k}`] = v;
    knownKeys.push('aws:PrincipalTag/*');
  }
  return { context: Object.freeze(context), knownKeys: Object.freeze(knownKeys) };
}

/**
 * `context` with the principal's keys as facts: a key the principal states (by name in any letter case, or in a
 * family it states completely, such as aws:PrincipalTag/*) is dropped from `context`, then the principal's are set.
 */
export function mergePrincipalContext(context: RequestContext, principal: { readonly context: RequestContext; readonly knownKeys: readonly string[] }, matcher = factMatcher(principal)): RequestContext {
  const out = Object.create(null) as Record<string, RequestContext[string]>;
  for (const [k, v] of Object.entries(context)) if (!matcher(k.toLowerCase())) out[k] = v;
  return Object.assign(out, principal.context);
}

/** Whether a lower-cased key is one the principal states as a fact. Built once per principal: it runs on every call. */
export function factMatcher(principal: { readonly context: RequestContext; readonly knownKeys: readonly string[] }): (lowerKey: string) => boolean {
  const names = [...principal.knownKeys, ...Object.keys(principal.context)].map((k) => k.toLowerCase());
  const exact = new Set(names.filter((k) => !k.endsWith('/*')));
  const prefixes = names.filter((k) => k.endsWith('/*')).map((k) => k.slice(0, -1));
  return (lower) => exact.has(lower) || prefixes.some((p) => lower.startsWith(p));
}
