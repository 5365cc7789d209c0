/**
 * The form of `generated/validation.ts`: what a request body of each operation may hold, as the catalog's shapes
 * declare it (types, enum values, required members), keyed by the JSON names on the wire. The kit checks bodies with it.
 */

/** A JSON value's expected type: a primitive's name, a shape (structure or enum), a list or a map. */
export type ValueRule =
  | 'string' | 'number' | 'boolean' | 'timestamp' | 'blob' | 'document'
  | { readonly ref: string }
  | { readonly list: ValueRule }
  /** `key`: the enum the map's keys are values of, when they are not free strings. */
  | { readonly map: ValueRule; readonly key?: string };

/** A structure (members by wire name, and which are required) or an enum (its values). */
export type ShapeRule =
  | { readonly members: Readonly<Record<string, ValueRule>>; readonly required: readonly string[] }
  | { readonly enum: readonly string[] };

/** The body shape of every operation that has a body, and every shape reachable from one. */
export interface BodyRules {
  readonly operations: Readonly<Record<string, string>>;
  readonly shapes: Readonly<Record<string, ShapeRule>>;
}
