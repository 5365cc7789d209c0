/**
 * Walks the member paths codegen emits (`a.b`, `list[]`, `map{}`) through a decoded JSON value and hands each place
 * the path ends at to a callback. One walker for timestamps and wire names alike.
 */
export type PlaceVisitor = (container: Record<string | number, unknown>, key: string | number) => void;

const steps = (path: string): string[] => path.split(/\.|(?=\[\])|(?=\{\})/).filter(Boolean);

export function visitPath(root: unknown, path: string, visit: PlaceVisitor): void {
  walk(root, steps(path), visit);
}

function walk(node: unknown, rest: readonly string[], visit: PlaceVisitor): void {
  if (node === null || typeof node !== 'object' || rest.length === 0) return;
  const [step, ...tail] = rest as [string, ...string[]];
  const container = node as Record<string | number, unknown>;
  const keys = step === '[]' ? (Array.isArray(node) ? node.map((_, i) => i) : []) : step === '{}' ? Object.keys(node) : [step];
  for (const key of keys) {
    if (tail.length === 0) visit(container, key);
    else walk(container[key], tail, visit);
  }
}

/** Depth of a path, for ordering renames (a parent's key must still be the expected one when its children are visited). */
export const pathDepth = (path: string): number => steps(path).length;
