/**
 * Patterns as the regular languages they are, for finding one witness string in every region that a set of patterns
 * cuts a language into. `diffPolicies` never decides a request with these automata — the engine does — it only uses
 * them to know which requests are worth asking about: two strings with the same answer from every pattern are
 * decided alike, so one witness per region is an exact, finite cover.
 *
 * A pattern is a sequence of elements (a literal character, one character of a class, any run of a class), read by a
 * position-set automaton. The patterns come from the engine's own tokenizer (`tokenizeWildcard`, `splitArnTokens`,
 * `parseResourceTemplate`); the ARN reading follows `compileArnPattern` (src/policy/arn.ts): within the five fixed fields
 * `*` and `?` stay inside the field, except that a field's trailing `*` runs on over colons.
 */
import { colonFields, splitArnTokens } from '../../policy/arn.js';
import { ONE, STAR, type GlobToken } from '../../policy/wildcard.js';

/** A set of characters, named for messages and for picking representatives. */
export interface CharClass {
  readonly name: string;
  has(c: string): boolean;
}

export type Element =
  | { readonly kind: 'char'; readonly c: string }
  | { readonly kind: 'one'; readonly cls: CharClass }
  | { readonly kind: 'star'; readonly cls: CharClass };

/** A pattern as an automaton: its elements, and whether it reads characters lower-cased (the IgnoreCase operators). */
export interface Pattern {
  readonly elements: readonly Element[];
  readonly fold: boolean;
}

export const ANY: CharClass = { name: 'any', has: () => true };
export const NO_COLON: CharClass = { name: 'no-colon', has: (c) => c !== ':' };

const chars = (text: string): Element[] => [...text].map((c) => ({ kind: 'char', c }));

/** A string operator's glob (`StringLike`): `*` any run, `?` any one character. */
export function globPattern(tokens: readonly GlobToken[], fold = false): Pattern {
  const elements: Element[] = [];
  for (const t of tokens) {
    if (t === STAR) elements.push({ kind: 'star', cls: ANY });
    else if (t === ONE) elements.push({ kind: 'one', cls: ANY });
    else elements.push(...chars(fold ? t.toLowerCase() : t));
  }
  return { elements, fold };
}

/** A literal string (`StringEquals`); lower-cased and read lower-cased for `StringEqualsIgnoreCase`. */
export function literalPattern(text: string, fold = false): Pattern {
  return { elements: chars(fold ? text.toLowerCase() : text), fold };
}

function endsInStar(field: readonly GlobToken[]): boolean {
  return field[field.length - 1] === STAR;
}

/** One field's elements: wildcards stay within `inside`, except a trailing `*` when `trailingSpans`. */
function fieldElements(field: readonly GlobToken[], inside: CharClass, trailingSpans: boolean): Element[] {
  return field.flatMap((t, i): Element[] => {
    if (t === STAR) return [{ kind: 'star', cls: trailingSpans && i === field.length - 1 ? ANY : inside }];
    if (t === ONE) return [{ kind: 'one', cls: inside }];
    return chars(t);
  });
}

/**
 * An ARN pattern (Resource, NotResource, `ArnLike`) as the engine's `compileArnPattern` reads it in one of its two
 * readings: `*` alone is any string; with six fields the resource part's wildcards span colons, and a fixed field's
 * trailing `*` runs on past colons only in the spanning reading; with fewer fields the pattern is compared field by
 * field, except that in the spanning reading a field's trailing `*` runs on (the last field's too).
 */
export function arnPattern(tokens: readonly GlobToken[], spanning: boolean): Pattern {
  if (tokens.length > 0 && tokens.every((t) => t === STAR)) return { elements: [{ kind: 'star', cls: ANY }], fold: false };
  const six = splitArnTokens(tokens);
  const fields = six ?? colonFields(tokens);
  const fixed = fields.slice(0, -1);
  const last = fields[fields.length - 1] as GlobToken[];
  const elements: Element[] = [];
  for (const f of fixed) elements.push(...fieldElements(f, NO_COLON, spanning), { kind: 'char', c: ':' });
  const lastSpans = six !== null || (spanning && endsInStar(last));
  elements.push(...fieldElements(last, lastSpans ? ANY : NO_COLON, false));
  return { elements, fold: false };
}

/** Positions reachable without reading: a `*` may match nothing. */
function close(p: Pattern, states: readonly number[]): number[] {
  const n = p.elements.length;
  const mark = new Uint8Array(n + 1);
  for (let s of states) {
    mark[s] = 1;
    while (s < n && (p.elements[s] as Element).kind === 'star') mark[++s] = 1;
  }
  const out: number[] = [];
  for (let i = 0; i <= n; i++) if (mark[i] === 1) out.push(i);
  return out;
}

function step(p: Pattern, states: readonly number[], c: string): number[] {
  const ch = p.fold ? c.toLowerCase() : c;
  const next: number[] = [];
  for (const s of states) {
    const e = p.elements[s];
    if (e === undefined) continue;
    if (e.kind === 'char' ? e.c === ch : e.cls.has(ch)) next.push(e.kind === 'star' ? s : s + 1);
  }
  return next.length === 0 ? next : close(p, next);
}

/** Characters that stand for all others: every class has a member outside the patterns' literals among these. */
const POOL: readonly string[] = [
  ...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)),
  '\t', 'é', 'É', 'ß', '€', '中', 'Ω', 'ж', '🙂', '\u00a0',
];

/**
 * The alphabet that distinguishes everything the patterns can: every literal (with its case variants when a pattern
 * folds case), and for each combination of class memberships one character that is no literal.
 */
function alphabet(patterns: readonly Pattern[]): string[] {
  const literals = new Set<string>();
  const classes = new Map<string, CharClass>();
  const folds = patterns.some((p) => p.fold);
  for (const p of patterns) {
    for (const e of p.elements) {
      if (e.kind === 'char') {
        literals.add(e.c);
        if (folds) {
          literals.add(e.c.toUpperCase().length === 1 ? e.c.toUpperCase() : e.c);
          literals.add(e.c.toLowerCase().length === 1 ? e.c.toLowerCase() : e.c);
        }
      } else classes.set(e.cls.name, e.cls);
    }
  }
  const lowered = new Set([...literals].map((c) => c.toLowerCase()));
  const out = [...literals];
  const seen = new Set<string>();
  for (const c of POOL) {
    if (literals.has(c) || (folds && lowered.has(c.toLowerCase()))) continue;
    const signature = [...classes.values()].map((k) => (k.has(c) ? '1' : '0')).join('') + (folds ? `|${c.toLowerCase() === c}` : '');
    if (seen.has(signature)) continue;
    seen.add(signature);
    out.push(c);
  }
  return out;
}

/** The product automaton grew past its bound: the patterns are too many or too tangled to cut into regions. */
export class TooComplexError extends Error {}

/** Bound on product states explored for one shape and its patterns. */
const MAX_STATES = 200_000;

/** One region: which shapes hold its strings and which patterns match them (indexes into the lists given), and its shortest string. */
export interface Region {
  readonly shapes: readonly number[];
  readonly matches: readonly number[];
  readonly witness: string;
}

/**
 * The deterministic automaton of a union of patterns, built lazily by the subset construction: each state is a set of
 * (pattern, position) pairs — `pattern * 2^16 + position` — interned as a number (0 is the dead state), each
 * transition computed once, by the index of the character in the alphabet. One pattern is a union of one.
 */
class LazyDfa {
  private readonly ids = new Map<string, number>();
  private readonly sets: (readonly number[])[] = [];
  /** Per state, the next state by character index; -1 where not computed yet. */
  private readonly moves: Int32Array[] = [];
  /** Per state, the patterns of the union it accepts. */
  readonly accepting: (readonly number[])[] = [];
  readonly start: number;
  constructor(
    private readonly union: readonly Pattern[],
    private readonly sigma: readonly string[],
  ) {
    this.intern([]);
    this.start = this.intern(union.flatMap((p, k) => close(p, [0]).map((pos) => k * POSITIONS + pos)));
  }
  private intern(set: readonly number[]): number {
    const key = set.join(',');
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.sets.length;
      this.ids.set(key, id);
      this.sets.push(set);
      this.moves.push(new Int32Array(this.sigma.length).fill(-1));
      this.accepting.push([...new Set(set.filter((code) => code % POSITIONS === (this.union[Math.floor(code / POSITIONS)] as Pattern).elements.length).map((code) => Math.floor(code / POSITIONS)))]);
    }
    return id;
  }
  next(state: number, ci: number): number {
    const moves = this.moves[state] as Int32Array;
    let to = moves[ci] as number;
    if (to < 0) {
      const c = this.sigma[ci] as string;
      const out: number[] = [];
      for (const code of this.sets[state] as readonly number[]) {
        const k = Math.floor(code / POSITIONS);
        for (const pos of step(this.union[k] as Pattern, [code % POSITIONS], c)) out.push(k * POSITIONS + pos);
      }
      to = this.intern([...new Set(out)].sort((a, b) => a - b));
      moves[ci] = to;
    }
    return to;
  }
}

/** Positions per pattern in a union's state codes. */
const POSITIONS = 65536;

/** A product state: the shapes' state and, for each pattern still alive, its index and state (dead ones dropped). */
interface ProductState {
  readonly shape: number;
  readonly alive: Int32Array;
  readonly states: Int32Array;
  readonly text: string;
}

function hashOf(shape: number, alive: Int32Array, states: Int32Array, n: number): number {
  let h = (shape * 0x9e3779b1) | 0;
  for (let i = 0; i < n; i++) {
    h = Math.imul(h ^ (alive[i] as number), 0x85ebca6b);
    h = Math.imul(h ^ (states[i] as number), 0xc2b2ae35);
  }
  return h ^ n;
}

function same(x: ProductState, shape: number, alive: Int32Array, states: Int32Array, n: number): boolean {
  if (x.shape !== shape || x.alive.length !== n) return false;
  for (let i = 0; i < n; i++) if (x.alive[i] !== alive[i] || x.states[i] !== states[i]) return false;
  return true;
}

/**
 * Every non-empty region the patterns cut the shapes' languages into — the strings of the shapes on which each pattern
 * says the same — with a shortest witness of each, found breadth-first over the product automaton. Exact: two strings
 * that reach the same product state are told apart by no pattern, and the alphabet stands for every character. The
 * shapes are read as one union, so the prefix they share (`arn:…:mobiletargeting:…`) is walked once.
 * @throws TooComplexError past {@link MAX_STATES} product states.
 */
export function regions(shapes: readonly Pattern[], patterns: readonly Pattern[]): Region[] {
  const sigma = alphabet([...shapes, ...patterns]);
  const shapeDfa = new LazyDfa(shapes, sigma);
  const dfas = patterns.map((p) => new LazyDfa([p], sigma));
  const start: ProductState = { shape: shapeDfa.start, alive: Int32Array.from(patterns.keys()), states: Int32Array.from(dfas.map((d) => d.start)), text: '' };
  // Product states by hash, compared exactly: a collision costs a comparison, never a merged region.
  const seen = new Map<number, ProductState[]>([[hashOf(start.shape, start.alive, start.states, start.alive.length), [start]]]);
  let count = 1;
  const found = new Map<string, Region>();
  const alive = new Int32Array(patterns.length);
  const states = new Int32Array(patterns.length);
  let queue: ProductState[] = [start];
  while (queue.length > 0) {
    const next: ProductState[] = [];
    for (const state of queue) {
      const accepted = shapeDfa.accepting[state.shape] as readonly number[];
      if (accepted.length > 0) {
        const matches: number[] = [];
        state.alive.forEach((p, i) => {
          if (((dfas[p] as LazyDfa).accepting[state.states[i] as number] as readonly number[]).length > 0) matches.push(p);
        });
        const sig = `${accepted.join(',')}|${matches.join(',')}`;
        if (!found.has(sig)) found.set(sig, { shapes: accepted, matches, witness: state.text });
      }
      for (let ci = 0; ci < sigma.length; ci++) {
        const shapeNext = shapeDfa.next(state.shape, ci);
        if (shapeNext === 0) continue;
        let n = 0;
        for (let i = 0; i < state.alive.length; i++) {
          const p = state.alive[i] as number;
          const to = (dfas[p] as LazyDfa).next(state.states[i] as number, ci);
          if (to !== 0) {
            alive[n] = p;
            states[n++] = to;
          }
        }
        const h = hashOf(shapeNext, alive, states, n);
        const bucket = seen.get(h);
        if (bucket?.some((x) => same(x, shapeNext, alive, states, n)) === true) continue;
        const fresh: ProductState = { shape: shapeNext, alive: alive.slice(0, n), states: states.slice(0, n), text: state.text + (sigma[ci] as string) };
        if (bucket === undefined) seen.set(h, [fresh]);
        else bucket.push(fresh);
        if (++count > MAX_STATES) throw new TooComplexError(`more than ${MAX_STATES} automaton states`);
        next.push(fresh);
      }
    }
    queue = next;
  }
  return [...found.values()];
}
