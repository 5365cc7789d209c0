/**
 * The explanation printed beside a policy read from source. IAM statements cannot hold comments, so the policy keeps
 * only Sids and this report maps each Sid to the call sites that need it, groups the calls by the client construction
 * they go through (with where each Region and account came from), names the call sites each id given from outside the
 * code filled, says which ids became wildcards and why, and lists the calls left out because their operation is not known.
 */
import { siteText, type ClientGroup, type FilledId, type SourcePolicy, type SourcePolicyCheck, type SourceWildcard, type UnresolvedCall } from './types.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function wildcardLines(wildcards: readonly SourceWildcard[]): string[] {
  if (wildcards.length === 0) return [];
  return ['', 'Wildcards (an id the source does not fix; the policy allows every such resource):',
    ...wildcards.map((w) => `  ${siteText(w.site)} ${w.operation}: ${w.member} is unknown: ${w.reason}`)];
}

function unresolvedLines(unresolved: readonly UnresolvedCall[], what: string): string[] {
  if (unresolved.length === 0) return [];
  return ['', `Unresolved calls (${what}; read them and grant what they need by hand):`,
    ...unresolved.map((u) => `  ${siteText(u.site)} ${u.text}: ${u.reason}`)];
}

/** Each client construction with where its Region and account came from, then the calls that go through it. */
function clientLines(clients: readonly ClientGroup[]): string[] {
  if (clients.length === 0) return [];
  return ['', 'Clients (each construction, the Region and account its calls\' ARNs name and where they came from, then its calls):',
    ...clients.flatMap((g) => [
      `  ${g.construction === undefined ? 'Calls not traced to one construction' : `${siteText(g.construction.site)} ${g.construction.text} (${g.construction.kind})`}: region ${g.region.value} (${g.region.from}); account ${g.accountId.value} (${g.accountId.from})`,
      ...g.calls.map((c) => `    ${siteText(c)} ${c.callee}${c.untraced === undefined ? '' : ` (${c.untraced})`}`),
    ])];
}

/** Each id given from outside the code, and every call site that used it. */
function filledLines(filled: readonly FilledId[]): string[] {
  if (filled.length === 0) return [];
  return ['', 'Ids given from outside the code (each fills the member where the code does not fix it):',
    ...filled.flatMap((f) => [
      `  ${f.member} = ${f.value} (${f.from}): ${f.sites.length === 0 ? 'used by no call (every call fixes it, or none takes it)' : `used at ${plural(f.sites.length, 'call site')}`}`,
      ...f.sites.map((c) => `    ${siteText(c)} ${c.callee}`)])];
}

const HEAD = (r: { files: number; calls: readonly unknown[]; unresolved: readonly unknown[] }) =>
  `Read ${plural(r.files, 'file')}: ${plural(r.calls.length, 'call')} of a Pinpoint client (pinpoint-guard or @aws-sdk/client-pinpoint) found by type, ${r.unresolved.length} unresolved.`;

/** The explanation of `policyFromSource`'s result: statements with their call sites, wildcards, unresolved calls, check. */
export function sourcePolicyReport(r: SourcePolicy): string {
  const statements = r.policy.Statement.map((s, i) => {
    const sites = r.statements[i]?.callSites ?? [];
    return [`  ${s.Sid}: ${s.Action.join(', ')} on ${s.Resource.join(', ')}`, ...sites.map((c) => `    ${siteText(c)} ${c.callee}`)];
  }).flat();
  const c = r.check;
  const extra = c.extraGrants.length === 0 ? 'grants nothing else in the catalog on those resources'
    : `also grants ${plural(c.extraGrants.length, '(action, resource) pair')} no call needs, through the wildcards above (e.g. ${c.extraGrants[0]?.action} on ${c.extraGrants[0]?.resource})`;
  return [
    HEAD(r),
    ...(statements.length > 0 ? ['', 'Statements (Sid: what it grants, then the call sites that need it):', ...statements] : ['', 'No resolved call: the policy has no statement.']),
    ...clientLines(r.clients),
    ...filledLines(r.filled),
    ...wildcardLines(r.wildcards),
    ...unresolvedLines(r.unresolved, 'not in the policy'),
    '',
    `check: ${c.allowsEveryCall ? `allows every found call (${r.calls.length})` : `DOES NOT allow ${plural(c.deniedCalls.length, 'found call')}`}; ${extra}`,
    ...c.notes.map((n) => `note: ${n}`),
  ].join('\n') + '\n';
}

/** The explanation of `checkSourcePolicy`'s result: denied calls with their sites, grants never called, unresolved. */
export function sourceCheckReport(r: SourcePolicyCheck): string {
  const denied = r.denied.flatMap((d) => [`  ${d.action} on ${d.resource}: ${d.reason}`, ...d.sites.map((s) => `    ${siteText(s)}`)]);
  const unused = r.unusedGrants.map((g) => `  ${g.statement}: ${g.action} on ${g.resource}`);
  return [
    HEAD(r),
    ...(denied.length > 0 ? ['', 'Denied (the policy does not allow these calls):', ...denied] : ['', `The policy allows every found call (${r.calls.length}).`]),
    ...(unused.length > 0 ? ['', 'Grants never called (statement: action on resource):', ...unused] : []),
    ...clientLines(r.clients),
    ...filledLines(r.filled),
    ...unresolvedLines(r.unresolved, 'not checked'),
  ].join('\n') + '\n';
}
