/**
 * Resolves a `PolicyInput` to a parsed policy, caching by document identity: the same object or
 * the same JSON text is parsed once. A failed parse is cached too, so a bad document in a hot
 * path does not cost a parse per request.
 */
import { PolicyParseError } from './errors.js';
import { isParsedPolicy, parsePolicy } from './parse.js';
import type { ParsedPolicy, ParsedStatement, PolicyInput } from './types.js';

const byObject = new WeakMap<object, ParsedPolicy | PolicyParseError>();
const byText = new Map<string, ParsedPolicy | PolicyParseError>();
const TEXT_CACHE_LIMIT = 1_000;

/** A ParsedPolicy that did not come from this module instance (e.g. structured-cloned). */
function looksParsed(value: object): value is ParsedPolicy {
  const v = value as Partial<ParsedPolicy>;
  return Array.isArray(v.statements) && typeof v.version === 'string' && !('Statement' in value);
}

/** Back to IAM JSON, so a foreign ParsedPolicy is validated like any document. */
function toDocument(p: ParsedPolicy): object {
  const statement = (s: ParsedStatement) => {
    const condition: Record<string, Record<string, readonly string[]>> = {};
    for (const c of s.conditions ?? []) (condition[c.operator] ??= {})[c.key] = c.values;
    return {
      ...(s.sid === undefined ? {} : { Sid: s.sid }),
      Effect: s.effect,
      ...(s.action ? { Action: s.action } : {}),
      ...(s.notAction ? { NotAction: s.notAction } : {}),
      ...(s.resource ? { Resource: s.resource } : {}),
      ...(s.notResource ? { NotResource: s.notResource } : {}),
      ...(Object.keys(condition).length > 0 ? { Condition: condition } : {}),
    };
  };
  return { Version: p.version, ...(p.id === undefined ? {} : { Id: p.id }), Statement: p.statements.map(statement) };
}

function parseOnce(input: PolicyInput): ParsedPolicy | PolicyParseError {
  try {
    if (typeof input === 'object' && input !== null && looksParsed(input)) {
      const label = input.source;
      return parsePolicy(toDocument(input), label === undefined ? undefined : { label });
    }
    return parsePolicy(input);
  } catch (e) {
    return e instanceof PolicyParseError ? e : new PolicyParseError([{ path: '(document)', message: String(e) }]);
  }
}

/** The parsed form of an input. @throws PolicyParseError */
export function toParsedPolicy(input: PolicyInput): ParsedPolicy {
  if (isParsedPolicy(input)) return input;
  let result: ParsedPolicy | PolicyParseError | undefined;
  if (typeof input === 'string') {
    result = byText.get(input);
    if (result === undefined) {
      result = parseOnce(input);
      if (byText.size >= TEXT_CACHE_LIMIT) byText.clear();
      byText.set(input, result);
    }
  } else if (typeof input === 'object' && input !== null) {
    result = byObject.get(input);
    if (result === undefined) {
      result = parseOnce(input);
      byObject.set(input, result);
    }
  } else result = parseOnce(input);
  if (result instanceof PolicyParseError) throw result;
  return result;
}
