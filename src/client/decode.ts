/** Maps a successful response body to the operation's output, shaped as the AWS SDK v3 output. */
import type { OperationSpec } from './spec.js';
import type { ResponseMetadata } from './types.js';

/** Replaces ISO 8601 strings at the given paths (`a.b`, `list[]`, `map{}`) with `Date`s, as the SDK does. */
export function decodeTimestamps(value: unknown, paths: readonly string[]): unknown {
  for (const path of paths) visit(value, path.split(/\.|(?=\[\])|(?=\{\})/).filter(Boolean));
  return value;
}

function visit(node: unknown, steps: readonly string[]): void {
  if (node === null || typeof node !== 'object' || steps.length === 0) return;
  const [step, ...rest] = steps as [string, ...string[]];
  const children = step === '[]' ? (Array.isArray(node) ? node.map((_, i) => i) : []) : step === '{}' ? Object.keys(node) : [step];
  for (const key of children) {
    const container = node as Record<string | number, unknown>;
    const child = container[key];
    if (rest.length === 0) {
      if (typeof child === 'string') container[key] = new Date(child);
      else if (typeof child === 'number') container[key] = new Date(child * 1000);
    } else visit(child, rest);
  }
}

export function decodeOutput(spec: OperationSpec, bodyText: string, metadata: ResponseMetadata): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (spec.outputBody) {
    const parsed = bodyText.trim() ? (JSON.parse(bodyText) as unknown) : {};
    out[spec.outputBody] = decodeTimestamps(parsed, spec.outputTimestamps);
  }
  out.$metadata = metadata;
  return out;
}
