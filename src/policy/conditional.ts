/**
 * The explanation of a Conditional decision: the statements whose outcome depends on unknown
 * keys and could still decide the request, and for each, what the unknown keys must satisfy — for
 * an Allow statement what makes it allow, for a Deny statement what makes it deny.
 */
import { conditionRequirement, evaluateCondition } from './conditions/index.js';
import { matchResourcePattern, type CompiledStatement } from './compile.js';
import type { ContextView } from './context.js';
import { statementName } from './statement-name.js';
import { ref, type Hit } from './tiers.js';
import { UNKNOWN } from './truth.js';
import type { Decision, Requirement, StatementRef } from './types.js';
import { resolveTemplate, type Template } from './variables.js';

/** The requirements a statement that evaluated UNKNOWN states, each with the unknown keys it depends on. */
function statementRequirements(s: CompiledStatement, statement: StatementRef, resource: string, context: ContextView): { req: Requirement; keys: readonly string[] }[] {
  const out: { req: Requirement; keys: readonly string[] }[] = [];
  const operator = s.notResource ? 'NotResource' : 'Resource';
  for (const p of s.resources) {
    if (p.template === undefined || matchResourcePattern(p, resource, context) !== UNKNOWN) continue;
    const resolved = resolveTemplate(p.template as Template, context);
    const keys = resolved.ok ? [] : resolved.unknown;
    const text = `${resource} ${s.notResource ? 'does not match' : 'matches'} ${p.source}`;
    out.push({ req: Object.freeze({ key: keys[0] ?? p.source, operator, values: Object.freeze([p.source]), effect: s.effect, statement, text }), keys });
  }
  for (const c of s.conditions) {
    if (evaluateCondition(c, context) !== UNKNOWN) continue;
    const r = conditionRequirement(c, context);
    out.push({
      req: Object.freeze({ key: c.key, operator: c.operator, values: Object.freeze(r.values), effect: s.effect, statement, text: r.text }),
      keys: r.dependsOn,
    });
  }
  return out;
}

/** Builds the Conditional decision from the statements that depend on unknown keys. */
export function explainConditional(
  hits: readonly Hit[],
  action: string,
  resource: string,
  context: ContextView,
  missingContextKeys: readonly string[],
): Decision {
  const requirements: Requirement[] = [];
  const spelled = new Map<string, string>();
  const clauses: string[] = [];
  const matched: StatementRef[] = [];
  for (const hit of hits) {
    const statement = ref(hit.slot, hit.statement);
    const found = statementRequirements(hit.statement, statement, resource, context);
    if (found.length === 0) continue;
    matched.push(statement);
    for (const { req, keys } of found) {
      requirements.push(req);
      for (const k of keys) if (!spelled.has(k.toLowerCase())) spelled.set(k.toLowerCase(), k);
    }
    const verb = statement.effect === 'Allow' ? 'allows it if' : 'denies it if';
    clauses.push(`${statementName(statement)} ${verb} ${found.map((f) => f.req.text).join(' and ')}`);
  }
  const dependsOn = [...spelled.values()].sort();
  const reason =
    `whether ${action} on ${resource} is allowed depends on ${dependsOn.join(', ')}, ` +
    `whose value${dependsOn.length === 1 ? ' is' : 's are'} not known here: ${clauses.join('; ')}`;
  return {
    decision: 'Conditional',
    reason,
    matchedStatements: matched,
    nearMisses: [],
    missingContextKeys,
    dependsOn,
    requirements,
  };
}
