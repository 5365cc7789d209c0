/** Maps a successful response body to the operation's output, shaped as the AWS SDK v3 output. */
import type { OperationSpec } from './spec.js';
import type { ResponseMetadata } from './types.js';
import { visitPath } from './paths.js';
import { fromWireNames } from './wire-names.js';
import { InvalidResponseError } from '../errors/transport.js';

/** Replaces ISO 8601 strings (or epoch seconds) at the given paths with `Date`s, as the SDK does. */
export function decodeTimestamps(value: unknown, paths: readonly string[]): unknown {
  for (const path of paths) {
    visitPath(value, path, (container, key) => {
      const v = container[key];
      if (typeof v === 'string') container[key] = new Date(v);
      else if (typeof v === 'number') container[key] = new Date(v * 1000);
    });
  }
  return value;
}

export function decodeOutput(spec: OperationSpec, bodyText: string, metadata: ResponseMetadata): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (spec.outputBody) {
    let parsed: unknown = {};
    try {
      if (bodyText.trim()) parsed = JSON.parse(bodyText) as unknown;
    } catch (e) {
      throw new InvalidResponseError(spec.name, metadata, (e as Error).message);
    }
    if (parsed === null || typeof parsed !== 'object') throw new InvalidResponseError(spec.name, metadata, `expected a JSON object, got ${parsed === null ? 'null' : typeof parsed}`);
    out[spec.outputBody] = decodeTimestamps(fromWireNames(parsed, spec.outputWireNames), spec.outputTimestamps);
  }
  out.$metadata = metadata;
  return out;
}
