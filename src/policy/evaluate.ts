/**
 * `evaluate`: one-shot evaluation that never throws. Raw documents are parsed and compiled once
 * per document identity (see inputs.ts and compile.ts); a document that does not parse, or any
 * internal failure, yields an ImplicitDeny carrying the reason — never an Allow.
 */
import { PolicyParseError } from './errors.js';
import { buildTiers, evaluateTiers, failClosed } from './set.js';
import type { Decision, EvaluationRequest } from './types.js';

/**
 * Decides whether the policies allow `action` on `resource` in `context`, with the explanation.
 * Never throws: invalid policies and internal errors produce an ImplicitDeny.
 */
export function evaluate(req: EvaluationRequest): Decision {
  try {
    const unknownKeys = req.unknownKeys;
    return evaluateTiers(buildTiers(req), req.action, req.resource, req.context, unknownKeys === undefined ? undefined : { unknownKeys });
  } catch (e) {
    if (e instanceof PolicyParseError) {
      return failClosed(req?.action, req?.resource, `a policy could not be parsed, so nothing is allowed: ${e.message.replace(/\n/g, ' | ')}`);
    }
    return failClosed(req?.action, req?.resource, `internal error during evaluation (${e instanceof Error ? e.message : String(e)})`);
  }
}
