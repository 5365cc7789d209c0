/**
 * Duplicate keys in JSON text. `JSON.parse` keeps the last of two equal keys silently, but the
 * IAM grammar page says "Individual elements must not contain multiple instances of the same
 * key", so a document with `"Effect"` twice is invalid rather than whichever came last. An object
 * input cannot hold a key twice, so only text needs this.
 *
 * A single forward scan over text that `JSON.parse` has already accepted (so it is well formed):
 * no recursion, no backtracking, linear in the length.
 */

/** One duplicated key: the JSON path of the object holding it, and the key. */
export interface DuplicateKey {
  /** Path in the form parse errors use, e.g. `Statement[0].Effect`. */
  readonly path: string;
  readonly key: string;
}

interface Frame {
  /** Keys seen so far, for an object; null for an array. */
  readonly keys: Set<string> | null;
  /** How the parent names this value (a key or an index); undefined at the root. */
  readonly name: string | number | undefined;
  /** Object: the key whose value comes next, and whether a key is expected. Array: the index. */
  current: string | undefined;
  expectKey: boolean;
  index: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Index just past the closing quote of the string starting at `start`. */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) return i + 1;
    i += c === BACKSLASH ? 2 : 1;
  }
}

function pathOf(stack: readonly Frame[], key: string): string {
  let path = '';
  for (let f = 1; f < stack.length; f++) {
    const name = (stack[f] as Frame).name;
    path += typeof name === 'number' ? `[${name}]` : path === '' ? name : `.${name}`;
  }
  return path === '' ? key : `${path}.${key}`;
}

/** Every key that appears twice in one object of the (valid) JSON text, at most `limit` of them. */
export function duplicateKeys(text: string, limit: number): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  const stack: Frame[] = [];
  const n = text.length;
  let i = 0;
  while (i < n && found.length < limit) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      const top = stack[stack.length - 1];
      if (top?.keys != null && top.expectKey) {
        const raw = text.slice(i + 1, end - 1);
        const key = raw.includes('\\') ? (JSON.parse(text.slice(i, end)) as string) : raw;
        if (top.keys.has(key)) found.push({ path: pathOf(stack, key), key });
        else top.keys.add(key);
        top.current = key;
        top.expectKey = false;
      }
      i = end;
      continue;
    }
    if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      const parent = stack[stack.length - 1];
      const name = parent === undefined ? undefined : parent.keys !== null ? parent.current : parent.index;
      stack.push({ keys: c === 0x7b ? new Set() : null, name, current: undefined, expectKey: true, index: 0 });
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) stack.pop();
    else if (c === 0x2c /* , */) {
      const top = stack[stack.length - 1];
      if (top !== undefined) {
        if (top.keys !== null) top.expectKey = true;
        else top.index++;
      }
    }
    i++;
  }
  return found;
}
