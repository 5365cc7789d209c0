/**
 * ARN matching as IAM does it for `Resource` and the `Arn*` condition operators: `*` alone
 * matches everything; otherwise the pattern and the ARN are split into their six
 * colon-separated fields (`arn:partition:service:region:account:resource`), the first five are
 * matched field by field (a wildcard never crosses a colon there), and the resource field — which
 * may itself contain `:` and `/` — is matched as a whole, so its wildcards span both.
 */
import { compileGlob, tokenizeWildcard, STAR, type CompiledGlob, type GlobToken } from './wildcard.js';

/** Number of colons that delimit the five fixed fields of an ARN. */
const FIXED_FIELDS = 5;

/** A compiled ARN pattern. */
export interface ArnMatcher {
  readonly source: string;
  match(arn: string): boolean;
}

/** Splits a token list at its first five literal colons; null when there are fewer. */
export function splitArnTokens(tokens: readonly GlobToken[]): GlobToken[][] | null {
  const fields: GlobToken[][] = [[]];
  for (const t of tokens) {
    if (typeof t !== 'string' || fields.length > FIXED_FIELDS) {
      (fields[fields.length - 1] as GlobToken[]).push(t);
      continue;
    }
    let from = 0;
    for (let i = 0; i < t.length && fields.length <= FIXED_FIELDS; i++) {
      if (t.charCodeAt(i) === 58 /* : */) {
        if (i > from) (fields[fields.length - 1] as GlobToken[]).push(t.slice(from, i));
        fields.push([]);
        from = i + 1;
      }
    }
    if (from < t.length) (fields[fields.length - 1] as GlobToken[]).push(t.slice(from));
  }
  return fields.length === FIXED_FIELDS + 1 ? fields : null;
}

class AnyArn implements ArnMatcher {
  readonly source = '*';
  match(): boolean {
    return true;
  }
}
const ALL: ArnMatcher = new AnyArn();

/**
 * Literal fixed fields (the usual case) reduce to one prefix test: a literal field has no colon,
 * so an ARN starting with "f0:f1:f2:f3:f4:" has exactly those five fields.
 */
class PrefixedArn implements ArnMatcher {
  constructor(
    readonly source: string,
    private readonly prefix: string,
    private readonly resource: CompiledGlob,
  ) {}
  match(arn: string): boolean {
    return arn.startsWith(this.prefix) && this.resource.match(arn, this.prefix.length);
  }
}

class FieldArn implements ArnMatcher {
  constructor(
    readonly source: string,
    private readonly fixed: readonly CompiledGlob[],
    private readonly resource: CompiledGlob,
  ) {}
  match(arn: string): boolean {
    let from = 0;
    for (const glob of this.fixed) {
      const colon = arn.indexOf(':', from);
      if (colon < 0) return false;
      if (!glob.match(arn.slice(0, colon), from)) return false;
      from = colon + 1;
    }
    return this.resource.match(arn, from);
  }
}

/** Compiles an ARN pattern given as tokens (so literal `*` from `${*}` stays literal). */
export function compileArnPattern(tokens: readonly GlobToken[]): ArnMatcher {
  if (tokens.length > 0 && tokens.every((t) => t === STAR)) return ALL;
  const source = tokensSource(tokens);
  const fields = splitArnTokens(tokens);
  // Not six fields (IAM rejects such a Resource): still never let a wildcard cross a colon, so
  // compare colon-separated field by field and require the same number of fields.
  if (fields === null) return fieldwise(source, tokens);
  const globs = fields.map(compileGlob);
  const fixed = globs.slice(0, FIXED_FIELDS);
  const resource = globs[FIXED_FIELDS] as CompiledGlob;
  if (fixed.every((g) => g.literal)) return new PrefixedArn(source, fixed.map((g) => g.source).join(':') + ':', resource);
  return new FieldArn(source, fixed, resource);
}

function tokensSource(tokens: readonly GlobToken[]): string {
  let s = '';
  for (const t of tokens) s += t === STAR ? '*' : typeof t === 'string' ? t : '?';
  return s;
}

function fieldwise(source: string, tokens: readonly GlobToken[]): ArnMatcher {
  const fields: GlobToken[][] = [[]];
  for (const t of tokens) {
    if (typeof t !== 'string') {
      (fields[fields.length - 1] as GlobToken[]).push(t);
      continue;
    }
    const pieces = t.split(':');
    pieces.forEach((piece, i) => {
      if (i > 0) fields.push([]);
      if (piece.length > 0) (fields[fields.length - 1] as GlobToken[]).push(piece);
    });
  }
  const globs = fields.map(compileGlob);
  return {
    source,
    match(arn) {
      const parts = arn.split(':');
      return parts.length === globs.length && globs.every((g, i) => g.match(parts[i] as string));
    },
  };
}

/** Whether `arn` matches the IAM resource pattern `pattern` (see the module comment for the rules). */
export function matchArn(pattern: string, arn: string): boolean {
  return compileArnPattern(tokenizeWildcard(pattern)).match(arn);
}

/** Whether a policy value has the six-field shape IAM requires of an ARN pattern. */
export function isArnShaped(tokens: readonly GlobToken[]): boolean {
  const fields = splitArnTokens(tokens);
  const first = fields?.[0];
  return first !== undefined && first.length === 1 && first[0] === 'arn';
}
