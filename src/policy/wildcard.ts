/**
 * Glob matching for IAM's `*` (any run, including empty) and `?` (exactly one character).
 *
 * Patterns come from policy authors, so they are never turned into regular expressions: a
 * backtracking regex built from `*a*a*a*...b` is exponential. Instead the pattern is split at
 * its stars into segments; the first segment is anchored at the start, the last at the end, and
 * each middle segment is matched at its leftmost occurrence after the previous one. Leftmost is
 * always safe (a later occurrence can only leave less room for the rest), so nothing is ever
 * retried and the scan position only moves forward.
 */

/** A `*` wildcard in a token list. */
export const STAR: unique symbol = Symbol('*');
/** A `?` wildcard in a token list. */
export const ONE: unique symbol = Symbol('?');

/** Literal text (where `*` and `?` are ordinary characters) or a wildcard. */
export type GlobToken = string | typeof STAR | typeof ONE;

/** A pattern compiled once, matched many times. */
export interface CompiledGlob {
  /** The pattern as written, for explanations. */
  readonly source: string;
  /** True when the pattern has no wildcard at all. */
  readonly literal: boolean;
  /** Whether `value.slice(start)` matches the whole pattern (without allocating the slice). */
  match(value: string, start?: number): boolean;
}

interface Segment {
  readonly text: string;
  /** `mask[i] === 1` where the pattern has `?`; null when the segment has none. */
  readonly mask: Uint8Array | null;
  /** Offset of the first literal character, -1 when the segment is all `?`. */
  readonly anchor: number;
}

/** Splits pattern text into tokens, every `*` and `?` being a wildcard. */
export function tokenizeWildcard(pattern: string): GlobToken[] {
  const tokens: GlobToken[] = [];
  let literalStart = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charCodeAt(i);
    if (c === 42 /* * */ || c === 63 /* ? */) {
      if (i > literalStart) tokens.push(pattern.slice(literalStart, i));
      tokens.push(c === 42 ? STAR : ONE);
      literalStart = i + 1;
    }
  }
  if (literalStart < pattern.length) tokens.push(pattern.slice(literalStart));
  return tokens;
}

function tokensToSource(tokens: readonly GlobToken[]): string {
  let s = '';
  for (const t of tokens) s += t === STAR ? '*' : t === ONE ? '?' : t;
  return s;
}

function makeSegment(parts: readonly GlobToken[]): Segment {
  let text = '';
  let hasOne = false;
  for (const p of parts) {
    if (p === ONE) {
      text += '\0';
      hasOne = true;
    } else if (p !== STAR) text += p;
  }
  if (!hasOne) return { text, mask: null, anchor: 0 };
  const mask = new Uint8Array(text.length);
  let anchor = -1;
  let i = 0;
  for (const p of parts) {
    if (p === ONE) mask[i++] = 1;
    else if (p !== STAR) {
      if (anchor < 0 && p.length > 0) anchor = i;
      i += p.length;
    }
  }
  return { text, mask, anchor };
}

/**
 * Whether `value` holds `text` at `pos`, as `value.startsWith(text, pos)` answers. Measured in Node 20:
 * `startsWith` compares a character at a time (~3 ns each), which made a 47-character ARN prefix a fifth of a whole
 * decision; `lastIndexOf(text, 0)` looks only at index 0 and a slice compared whole is linear too, both ~1 ns per
 * character. Neither scans beyond `text.length` characters, so a hostile long value costs no more than the text.
 */
export function holdsAt(value: string, text: string, pos: number): boolean {
  return pos === 0 ? value.lastIndexOf(text, 0) === 0 : value.slice(pos, pos + text.length) === text;
}

function matchAt(seg: Segment, value: string, pos: number): boolean {
  const { text, mask } = seg;
  if (mask === null) return holdsAt(value, text, pos);
  for (let i = 0; i < text.length; i++) {
    if (mask[i] === 0 && value.charCodeAt(pos + i) !== text.charCodeAt(i)) return false;
  }
  return true;
}

/** Leftmost position p in [from, end - len] where seg matches, or -1. */
function find(seg: Segment, value: string, from: number, end: number): number {
  const len = seg.text.length;
  const last = end - len;
  if (last < from) return -1;
  if (seg.mask === null) {
    // V8's indexOf escalates to Boyer-Moore on bad inputs, so this stays linear in practice.
    const idx = value.indexOf(seg.text, from);
    return idx >= 0 && idx <= last ? idx : -1;
  }
  if (seg.anchor < 0) return from;
  const anchorChar = seg.text[seg.anchor] as string;
  let p = from;
  while (p <= last) {
    const hit = value.indexOf(anchorChar, p + seg.anchor);
    if (hit < 0) return -1;
    p = hit - seg.anchor;
    if (p > last) return -1;
    if (matchAt(seg, value, p)) return p;
    p++;
  }
  return -1;
}

// Matchers are classes rather than closures: a policy set compiles thousands of them, and
// prototype methods cost nothing per instance.

class LiteralGlob implements CompiledGlob {
  readonly literal = true;
  constructor(
    readonly source: string,
    private readonly text: string,
  ) {}
  match(value: string, start = 0): boolean {
    return start === 0 ? value === this.text : value.length - start === this.text.length && holdsAt(value, this.text, start);
  }
}

class FixedLengthGlob implements CompiledGlob {
  readonly literal = false;
  constructor(
    readonly source: string,
    private readonly only: Segment,
  ) {}
  match(value: string, start = 0): boolean {
    return value.length - start === this.only.text.length && matchAt(this.only, value, start);
  }
}

class PrefixGlob implements CompiledGlob {
  readonly literal = false;
  constructor(
    readonly source: string,
    private readonly head: string,
  ) {}
  match(value: string, start = 0): boolean {
    return holdsAt(value, this.head, start);
  }
}

class PrefixSuffixGlob implements CompiledGlob {
  readonly literal = false;
  constructor(
    readonly source: string,
    private readonly head: string,
    private readonly tail: string,
  ) {}
  match(value: string, start = 0): boolean {
    return value.length - start >= this.head.length + this.tail.length && holdsAt(value, this.head, start) && value.endsWith(this.tail);
  }
}

class GeneralGlob implements CompiledGlob {
  readonly literal = false;
  constructor(
    readonly source: string,
    private readonly first: Segment,
    private readonly middle: readonly Segment[],
    private readonly last: Segment,
    private readonly minLength: number,
  ) {}
  match(value: string, start = 0): boolean {
    if (value.length - start < this.minLength) return false;
    if (!matchAt(this.first, value, start)) return false;
    const end = value.length - this.last.text.length;
    if (!matchAt(this.last, value, end)) return false;
    let pos = start + this.first.text.length;
    for (const seg of this.middle) {
      const at = find(seg, value, pos, end);
      if (at < 0) return false;
      pos = at + seg.text.length;
    }
    return true;
  }
}

/** Compiles a token list; literal tokens may contain `*` or `?` as ordinary characters. */
export function compileGlob(tokens: readonly GlobToken[]): CompiledGlob {
  const source = tokensToSource(tokens);
  const segments: Segment[] = [];
  let current: GlobToken[] = [];
  let stars = 0;
  for (const t of tokens) {
    if (t === STAR) {
      segments.push(makeSegment(current));
      current = [];
      stars++;
    } else current.push(t);
  }
  segments.push(makeSegment(current));

  if (stars === 0) {
    const only = segments[0] as Segment;
    return only.mask === null ? new LiteralGlob(source, only.text) : new FixedLengthGlob(source, only);
  }
  const first = segments[0] as Segment;
  const last = segments[segments.length - 1] as Segment;
  const middle = segments.slice(1, -1).filter((s) => s.text.length > 0);
  if (middle.length === 0 && first.mask === null && last.mask === null) {
    return last.text.length === 0 ? new PrefixGlob(source, first.text) : new PrefixSuffixGlob(source, first.text, last.text);
  }
  const minLength = segments.reduce((n, s) => n + s.text.length, 0);
  return new GeneralGlob(source, first, middle, last, minLength);
}

/**
 * A bounded memo of compiled patterns, for the one-shot helpers (`matchWildcard`, `matchArn`) that tooling calls with
 * the same few patterns against many values (lint pairs each pattern with every catalog action and statement).
 * Emptied whole when full: the bound holds however many distinct patterns an input has.
 */
export function boundedMemo<T>(compile: (key: string) => T, max = 4096): (key: string) => T {
  const memo = new Map<string, T>();
  return (key) => {
    let hit = memo.get(key);
    if (hit === undefined) {
      if (memo.size >= max) memo.clear();
      hit = compile(key);
      memo.set(key, hit);
    }
    return hit;
  };
}

const compiledPattern = boundedMemo((pattern) => compileGlob(tokenizeWildcard(pattern)));

/**
 * Whether `value` matches `pattern` in full, where `*` matches any run of characters (including
 * none and including `/` and `:`) and `?` exactly one. Linear in practice; never backtracks.
 */
export function matchWildcard(pattern: string, value: string, options?: { ignoreCase?: boolean }): boolean {
  if (options?.ignoreCase === true) {
    pattern = pattern.toLowerCase();
    value = value.toLowerCase();
  }
  return compiledPattern(pattern).match(value);
}
