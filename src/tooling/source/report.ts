/**
 * The explanation printed beside a policy read from source. IAM statements cannot hold comments, so the policy keeps
 * only Sids and this report maps each Sid to the call sites that need it, says which ids became wildcards and why,
 * and lists the calls left out because their operation is not known.
 */
import { siteText, type SourcePolicy, type SourcePolicyCheck, type SourceWildcard, type UnresolvedCall } from './types.js';

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
    `Read ${plural(r.files, 'file')}: ${plural(r.calls.length, 'call')} of the Pinpoint client found by type, ${r.unresolved.length} unresolved.`,
    ...(statements.length > 0 ? ['', 'Statements (Sid: what it grants, then the call sites that need it):', ...statements] : ['', 'No resolved call: the policy has no statement.']),
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
    `Read ${plural(r.files, 'file')}: ${plural(r.calls.length, 'call')} of the Pinpoint client found by type, ${r.unresolved.length} unresolved.`,
    ...(denied.length > 0 ? ['', 'Denied (the policy does not allow these calls):', ...denied] : ['', `The policy allows every found call (${r.calls.length}).`]),
    ...(unused.length > 0 ? ['', 'Grants never called (statement: action on resource):', ...unused] : []),
    ...unresolvedLines(r.unresolved, 'not checked'),
  ].join('\n') + '\n';
}
