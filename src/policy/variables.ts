/**
 * Policy variables (`${aws:username}`), which IAM substitutes in `Resource`/`NotResource` and in
 * condition values of `2012-10-17` policies only. `${*}`, `${?}` and `${$}` stand for the literal
 * characters, so after substitution the result is kept as glob tokens: a literal `*` must not
 * become a wildcard. A substituted value is literal text for the same reason — a user named
 * `*` must not gain access to everything.
 */
import type { ContextView } from './context.js';
import { tokenizeWildcard, type GlobToken } from './wildcard.js';

export type TemplatePart =
  /** Policy text; `*` and `?` in it are wildcards for the operators that have them. */
  | { readonly kind: 'text'; readonly text: string }
  /** A character written as `${*}`, `${?}` or `${$}`: always literal. */
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'variable'; readonly key: string; readonly name: string; readonly fallback?: string };

/** A policy value split into text and variables. */
export interface Template {
  readonly source: string;
  readonly parts: readonly TemplatePart[];
  readonly variables: readonly string[];
}

/**
 * The result of substituting a template: text for plain operators, tokens for glob ones; or the
 * variables that have no value (`missing`, known to be absent) and those whose value cannot be
 * seen (`unknown`, non-empty when the result depends on an unknown key).
 */
export type Resolved =
  | { readonly ok: true; readonly text: string; readonly tokens: readonly GlobToken[] }
  | { readonly ok: false; readonly missing: readonly string[]; readonly unknown: readonly string[] };

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r';
}

/** Parses `${...}` at `start` (pointing at `$`); null when malformed, so the text stays literal. */
function parseVariable(s: string, start: number): { part: TemplatePart; end: number } | null {
  let j = start + 2;
  const special = s[j];
  if ((special === '*' || special === '?' || special === '$') && s[j + 1] === '}') {
    return { part: { kind: 'literal', text: special }, end: j + 2 };
  }
  while (isSpace(s[j])) j++;
  const keyStart = j;
  while (j < s.length && s[j] !== '}' && s[j] !== ',' && s[j] !== "'" && !isSpace(s[j]) && s[j] !== '$') j++;
  const name = s.slice(keyStart, j);
  if (name.length === 0) return null;
  while (isSpace(s[j])) j++;
  let fallback: string | undefined;
  if (s[j] === ',') {
    j++;
    while (isSpace(s[j])) j++;
    if (s[j] !== "'") return null;
    j++;
    let value = '';
    for (;;) {
      if (j >= s.length) return null;
      if (s[j] === "'") {
        if (s[j + 1] === "'") {
          value += "'";
          j += 2;
          continue;
        }
        j++;
        break;
      }
      value += s[j];
      j++;
    }
    fallback = value;
    while (isSpace(s[j])) j++;
  }
  if (s[j] !== '}') return null;
  const part: TemplatePart =
    fallback === undefined
      ? { kind: 'variable', key: name.toLowerCase(), name }
      : { kind: 'variable', key: name.toLowerCase(), name, fallback };
  return { part, end: j + 1 };
}

/** Splits a policy value into text and variables; with `allowVariables` false it is all text. */
export function parseTemplate(source: string, allowVariables: boolean): Template {
  if (!allowVariables || !source.includes('${')) {
    return { source, parts: [{ kind: 'text', text: source }], variables: [] };
  }
  const parts: TemplatePart[] = [];
  const variables: string[] = [];
  let text = '';
  let i = 0;
  while (i < source.length) {
    if (source[i] === '$' && source[i + 1] === '{') {
      const parsed = parseVariable(source, i);
      if (parsed !== null) {
        if (text.length > 0) parts.push({ kind: 'text', text });
        text = '';
        parts.push(parsed.part);
        if (parsed.part.kind === 'variable') variables.push(parsed.part.name);
        i = parsed.end;
        continue;
      }
    }
    text += source[i];
    i++;
  }
  if (text.length > 0) parts.push({ kind: 'text', text });
  return { source, parts, variables };
}

/** Number of colons before the resource part of an ARN, where variables may appear. */
const ARN_FIXED_COLONS = 5;

/**
 * A Resource/NotResource pattern as a template: variables are substituted only after the fifth
 * colon (the policy-variables page: "You can't use a variable to replace parts of the ARN before
 * the fifth colon"), so `${...}` before it is plain text, as IAM reads it.
 */
export function parseResourceTemplate(source: string, allowVariables: boolean): Template {
  if (!allowVariables || !source.includes('${')) return parseTemplate(source, false);
  let at = -1;
  for (let n = 0; n < ARN_FIXED_COLONS; n++) {
    at = source.indexOf(':', at + 1);
    if (at < 0) return parseTemplate(source, false);
  }
  const head = source.slice(0, at + 1);
  const rest = parseTemplate(source.slice(at + 1), true);
  if (rest.parts.every((p) => p.kind === 'text')) return parseTemplate(source, false);
  return { source, parts: [{ kind: 'text', text: head }, ...rest.parts], variables: rest.variables };
}

/** `items` appended to `into` one by one (no spread: see staticTokens). */
function appendAll<T>(into: T[], items: readonly T[]): void {
  for (const item of items) into.push(item);
}

/**
 * Tokens of a template whose variables are not substituted: each becomes `placeholder`, or its
 * own `${...}` text when none is given.
 */
export function staticTokens(template: Template, placeholder?: string): GlobToken[] {
  const tokens: GlobToken[] = [];
  for (const p of template.parts) {
    // Appended one by one: a spread passes every token as an argument, and a pattern of 100,000 wildcards overflows the stack.
    if (p.kind === 'text') appendAll(tokens, tokenizeWildcard(p.text));
    else if (p.kind === 'literal') tokens.push(p.text);
    else tokens.push(placeholder ?? `\${${p.name}}`);
  }
  return tokens;
}

/**
 * Substitutes the template's variables from the request context. A key with no value, or with
 * several (IAM cannot substitute a multivalued key), takes the default when one is written and
 * otherwise leaves the value unresolved: it then matches nothing, as IAM documents for
 * variables with no value. A key whose value cannot be seen leaves it unknown, default or not.
 */
export function resolveTemplate(template: Template, context: ContextView): Resolved {
  let text = '';
  const tokens: GlobToken[] = [];
  let missing: string[] | undefined;
  let unknown: string[] | undefined;
  for (const p of template.parts) {
    if (p.kind === 'text') {
      text += p.text;
      appendAll(tokens, tokenizeWildcard(p.text));
    } else if (p.kind === 'literal') {
      text += p.text;
      tokens.push(p.text);
    } else {
      const values = context.get(p.key);
      if (values === undefined && context.unknown(p.key)) {
        (unknown ??= []).push(p.name);
        continue;
      }
      const value = values !== undefined && values.length === 1 ? values[0] : p.fallback;
      if (value === undefined) (missing ??= []).push(p.name);
      else {
        text += value;
        tokens.push(value);
      }
    }
  }
  return missing === undefined && unknown === undefined ? { ok: true, text, tokens } : { ok: false, missing: missing ?? [], unknown: unknown ?? [] };
}
