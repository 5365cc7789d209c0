/**
 * ARN matching as IAM does it for `Resource` and the `Arn*` condition operators: `*` alone
 * matches everything; otherwise the pattern and the ARN are split into their six
 * colon-separated fields (`arn:partition:service:region:account:resource`), the first five are
 * matched field by field, and the resource field — which may itself contain `:` and `/` — is
 * matched as a whole, so its wildcards span both.
 *
 * Within the first five fields a `*` does not cross a colon, except as the last character of a
 * field: the Resource page says "If the * wildcard is the last character of a resource ARN
 * segment, it can expand to match beyond the colon boundaries", so `arn:aws:logs:*:log-group:x`
 * matches `arn:aws:logs:us-east-1:123456789012:log-group:x`, and a short pattern such as
 * `arn:aws:mobiletargeting:us-east-1:*` matches every ARN of that service and Region. The
 * condition-operator page says the opposite of the ARN operators: "Each of the six
 * colon-delimited components of the ARN is checked separately".
 *
 * Where the pages read two ways the engine takes whichever is safer for the statement (an Allow
 * matches only under both readings, a Deny under either), so each pattern compiles in one of two
 * readings: `spanning` (a field's trailing `*` may cross colons; the wider) or field by field (no
 * `*` crosses a colon, and a pattern of fewer than six fields matches no ARN; the narrower). A
 * pattern whose first five fields have no wildcard reads the same both ways.
 */
import { boundedMemo, compileGlob, holdsAt, tokenizeWildcard, STAR, type CompiledGlob, type GlobToken } from './wildcard.js';

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
 * so an ARN starting with "f0:f1:f2:f3:f4:" has exactly those five fields. The resource part is
 * tested first: the statements of one policy usually share partition, Region and account, so it
 * is the part that tells them apart, and comparing the ~50-character prefix for every statement
 * was most of the cost of a decision in a large policy.
 */
class PrefixedArn implements ArnMatcher {
  constructor(
    readonly source: string,
    private readonly prefix: string,
    private readonly resource: CompiledGlob,
  ) {}
  match(arn: string): boolean {
    return this.resource.match(arn, this.prefix.length) && holdsAt(arn, this.prefix, 0);
  }
}

/**
 * Fields whose `*` is only ever the last character (and no `?`): with colons as literal text, the
 * whole pattern is then one glob over the whole ARN — a trailing `*` spans colons as documented,
 * and literal fields stay whole segments because the colons around them are literal.
 */
class WholeArn implements ArnMatcher {
  constructor(
    readonly source: string,
    private readonly glob: CompiledGlob,
  ) {}
  match(arn: string): boolean {
    return this.glob.match(arn);
  }
}

/** One colon-delimited field of a pattern that needs the general matcher. */
interface Field {
  readonly glob: CompiledGlob;
  /** Ends in `*`, so it may extend over later colons. */
  readonly spans: boolean;
}

/**
 * The general case (a `?`, or a `*` inside a field, next to a field ending in `*`): the ARN
 * positions where the next field may start are tracked as a set, so nothing is retried. Each
 * field costs one pass over the candidate starts; a field ending in `*` reaches every later
 * colon once it matches its own segment.
 */
class SegmentArn implements ArnMatcher {
  constructor(
    readonly source: string,
    private readonly fixed: readonly Field[],
    private readonly last: Field,
    /** The last field is an ARN's resource part, which may contain colons; otherwise it is one segment. */
    private readonly lastIsResource: boolean,
  ) {}
  match(arn: string): boolean {
    let starts: number[] = [0];
    for (const field of this.fixed) {
      const next: number[] = [];
      for (const s of starts) {
        const colon = arn.indexOf(':', s);
        if (colon < 0 || !field.glob.match(arn.slice(0, colon), s)) continue;
        if (!field.spans) {
          if (next[next.length - 1] !== colon + 1) next.push(colon + 1);
          continue;
        }
        // Every later colon is reachable too; later starts add nothing new after this one.
        for (let c = colon; c >= 0 && c < arn.length; c = arn.indexOf(':', c + 1)) if ((next[next.length - 1] ?? -1) < c + 1) next.push(c + 1);
        break;
      }
      if (next.length === 0) return false;
      starts = next;
    }
    const { glob, spans } = this.last;
    for (const s of starts) {
      if ((this.lastIsResource || spans || arn.indexOf(':', s) < 0) && glob.match(arn, s)) return true;
    }
    return false;
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

/** How a pattern reads: see the module comment. */
export interface ArnReading {
  /** A field's trailing `*` may match beyond the colon boundaries (the Resource page's sentence). Default true. */
  readonly spanning?: boolean;
}

/** Compiles an ARN pattern given as tokens (so literal `*` from `${*}` stays literal). */
export function compileArnPattern(tokens: readonly GlobToken[], reading?: ArnReading): ArnMatcher {
  if (tokens.length > 0 && tokens.every((t) => t === STAR)) return ALL;
  const spanning = reading?.spanning !== false;
  const source = tokensSource(tokens);
  const fields = splitArnTokens(tokens);
  // Fewer than six fields: compare colon-separated field by field (a trailing `*` spanning when that reading is asked for).
  if (fields === null) return fieldwise(source, tokens, spanning);
  const globs = fields.map(compileGlob);
  const fixed = globs.slice(0, FIXED_FIELDS);
  const resource = globs[FIXED_FIELDS] as CompiledGlob;
  if (fixed.every((g) => g.literal)) return new PrefixedArn(source, fixed.map((g) => g.source).join(':') + ':', resource);
  const fixedFields = fields.slice(0, FIXED_FIELDS);
  if (!spanning || !fixedFields.some(endsInStar)) return new FieldArn(source, fixed, resource);
  if (fixedFields.every(onlyTrailingStar)) return new WholeArn(source, compileGlob(tokens));
  return new SegmentArn(source, fixedFields.map(toField), toField(fields[FIXED_FIELDS] as GlobToken[]), true);
}

function endsInStar(field: readonly GlobToken[]): boolean {
  return field[field.length - 1] === STAR;
}

/** No `?`, and a `*` only as the last token. */
function onlyTrailingStar(field: readonly GlobToken[]): boolean {
  return field.every((t, i) => typeof t === 'string' || (t === STAR && i === field.length - 1));
}

function toField(field: readonly GlobToken[]): Field {
  return { glob: compileGlob(field), spans: endsInStar(field) };
}

function tokensSource(tokens: readonly GlobToken[]): string {
  let s = '';
  for (const t of tokens) s += t === STAR ? '*' : typeof t === 'string' ? t : '?';
  return s;
}

/** The tokens split at every literal colon (the field list of a pattern of fewer than six fields). */
export function colonFields(tokens: readonly GlobToken[]): GlobToken[][] {
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
  return fields;
}

function fieldwise(source: string, tokens: readonly GlobToken[], spanning: boolean): ArnMatcher {
  const fields = colonFields(tokens);
  if (spanning && fields.some(endsInStar)) {
    return new SegmentArn(source, fields.slice(0, -1).map(toField), toField(fields[fields.length - 1] as GlobToken[]), false);
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

/**
 * Whether `arn` matches the IAM resource pattern `pattern` (see the module comment for the rules):
 * by default in the Resource page's spanning reading; `{ spanning: false }` checks field by field.
 */
export function matchArn(pattern: string, arn: string, reading?: ArnReading): boolean {
  return (reading?.spanning === false ? fieldwiseArnPattern : spanningArnPattern)(pattern).match(arn);
}

// One bounded memo per reading: a statement's effect picks the reading, so both are hot.
const spanningArnPattern = boundedMemo((pattern) => compileArnPattern(tokenizeWildcard(pattern)));
const fieldwiseArnPattern = boundedMemo((pattern) => compileArnPattern(tokenizeWildcard(pattern), { spanning: false }));

/** Whether a policy value has the six-field shape IAM requires of an ARN pattern. */
export function isArnShaped(tokens: readonly GlobToken[]): boolean {
  const fields = splitArnTokens(tokens);
  const first = fields?.[0];
  return first !== undefined && first.length === 1 && first[0] === 'arn';
}

/**
 * Whether a Resource value is an ARN pattern: six fields, or fewer with a field whose last
 * character is `*` (`arn:aws:mobiletargeting:us-east-1:*`, `arn:aws:logs:*:log-group:x`), which
 * the Resource page lets expand beyond the colon boundaries.
 */
export function isArnPattern(tokens: readonly GlobToken[]): boolean {
  if (isArnShaped(tokens)) return true;
  const fields = colonFields(tokens);
  const first = fields[0];
  return fields.length > 1 && first?.length === 1 && first[0] === 'arn' && fields.some(endsInStar);
}
