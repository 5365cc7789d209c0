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
      // V8 quotes the start of the text (`Unexpected token '<', "<html>..." is not valid JSON`): the body is the
      // server's, so only what went wrong is kept.
      throw new InvalidResponseError(spec.name, metadata, `not valid JSON: ${(e as Error).message.split('\n')[0]!.replace(/, ".*$/s, '')}`);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new InvalidResponseError(spec.name, metadata, `expected a JSON object, got ${parsed === null ? 'null' : Array.isArray(parsed) ? 'an array' : typeof parsed}`);
    }
    out[spec.outputBody] = decodeTimestamps(fromWireNames(parsed, spec.outputWireNames), spec.outputTimestamps);
  }
  out.$metadata = metadata;
  return out;
}
