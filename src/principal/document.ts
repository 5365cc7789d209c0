/** A parsed policy back to IAM's JSON: what the simulator takes, and what the linter reads for a loaded principal. */
import type { ParsedPolicy } from '../policy/index.js';

/** Only a policy the engine's parser returned (its brand), never an object of the same shape. */
export { isParsedPolicy } from '../policy/index.js';

/** The policy document a parsed policy was read from (same statements, conditions and order; whitespace aside). */
export function policyDocument(p: ParsedPolicy): object {
  return {
    Version: p.version,
    ...(p.id !== undefined ? { Id: p.id } : {}),
    Statement: p.statements.map((s) => {
      const condition: Record<string, Record<string, readonly string[]>> = {};
      for (const c of s.conditions) (condition[c.operator] ??= {})[c.key] = c.values;
      return {
        ...(s.sid !== undefined ? { Sid: s.sid } : {}),
        Effect: s.effect,
        ...(s.action ? { Action: s.action } : { NotAction: s.notAction }),
        ...(s.resource ? { Resource: s.resource } : { NotResource: s.notResource }),
        ...(s.conditions.length > 0 ? { Condition: condition } : {}),
      };
    }),
  };
}
