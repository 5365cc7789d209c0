/** The validated catalog model: what `loadCatalog` returns and every emitter reads. */
import type { ConditionKeySpec } from '../../src/guard/keys.js';

export type Primitive = 'string' | 'number' | 'boolean' | 'timestamp' | 'blob' | 'document';

/** A member's type, parsed from the catalog's grammar: `string`, `Ref`, `list<T>`, `map<T>`, `map<EnumRef, T>`. */
export type TypeRef =
  | { readonly kind: 'primitive'; readonly name: Primitive }
  | { readonly kind: 'ref'; readonly name: string }
  | { readonly kind: 'list'; readonly item: TypeRef }
  | { readonly kind: 'map'; readonly key: string | undefined; readonly value: TypeRef };

export interface Location { readonly file: string; readonly line: number; readonly column: number }

export interface Member {
  readonly name: string;
  readonly type: TypeRef;
  readonly required: boolean;
  /** The member's JSON key on the wire, where it differs from its name (AWS's `jsonName` trait). */
  readonly wireName: string | undefined;
}

export type Shape =
  | { readonly kind: 'structure'; readonly name: string; readonly members: readonly Member[]; readonly location: Location }
  | { readonly kind: 'enum'; readonly name: string; readonly values: readonly string[]; readonly location: Location };

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
export type AccessLevel = 'Read' | 'Write' | 'List' | 'Tagging' | 'Permissions management';
export type LifecycleStatus = 'supported' | 'end-of-support' | 'unclear';

export interface QueryBinding { readonly wire: string; readonly member: string }

export interface HttpBinding {
  readonly method: HttpMethod;
  readonly path: string;
  readonly status: number;
  readonly query: readonly QueryBinding[];
  readonly body: string | undefined;
  /** Path placeholders in order, each an input member. */
  readonly labels: readonly string[];
}

/** Whether an operation reads a resource's tags (ListTagsForResource) or changes them (TagResource, UntagResource). */
export type ResourceTagAccess = 'reads' | 'changes';

/** The guard's operation-specific behaviour, as catalog data (`guard:` of an entry). */
export interface GuardData {
  readonly resourceTags?: ResourceTagAccess;
  /** ARN placeholders whose value must be one of an enum's values, spelled as the service spells them. */
  readonly arnEnums?: Readonly<Record<string, readonly string[]>>;
}

export interface Erratum { readonly field: string; readonly seed: string; readonly truth: string; readonly source: string }

export interface Lifecycle { readonly status: LifecycleStatus; readonly reason: string; readonly source: string; readonly successor: string | undefined }

/** One IAM action. `operation` is absent for console-only actions (no REST binding, no client method). */
export interface CatalogEntry {
  /** `mobiletargeting:GetSegment`. */
  readonly action: string;
  /** `GetSegment`: the action without its service prefix. */
  readonly actionName: string;
  readonly group: string;
  readonly summary: string;
  readonly accessLevel: AccessLevel;
  readonly docs: string;
  readonly seed: { readonly name: string; readonly line: number } | undefined;
  readonly resource: string;
  /** Placeholders of `resource` other than Partition, Region and Account, in order. */
  readonly resourceParams: readonly string[];
  readonly lifecycle: Lifecycle;
  readonly errata: readonly Erratum[];
  readonly operation: Operation | undefined;
  readonly guard: GuardData;
  readonly location: Location;
}

export interface Operation {
  readonly name: string;
  readonly http: HttpBinding;
  readonly input: string;
  readonly output: string | undefined;
  readonly outputBody: string | undefined;
}

export interface Catalog {
  readonly entries: readonly CatalogEntry[];
  readonly shapes: ReadonlyMap<string, Shape>;
  /** catalog/condition-keys.yaml: who knows each condition key; empty when the catalog has no such file. */
  readonly conditionKeys: readonly ConditionKeySpec[];
  /** catalog/aws-facts.yaml, by action name (`SendMessages`); empty when the catalog has no such file. */
  readonly facts: ReadonlyMap<string, ActionFacts>;
  /** catalog/descriptions.yaml: shape → member → AWS's description (its first sentence). */
  readonly descriptions: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** catalog/lifecycle-caveats.yaml, by action name: what continues and what ends, member by member. */
  readonly caveats: ReadonlyMap<string, readonly LifecycleCaveat[]>;
  /** catalog/examples.yaml, by action name: a realistic input, checked against the input shape. */
  readonly examples: ReadonlyMap<string, Readonly<Record<string, unknown>>>;
}

/** What AWS publishes about an action beyond its binding (imported by codegen/import/facts.ts). */
export interface ActionFacts {
  /** The operation's description in the SDK (its first sentence). */
  readonly description?: string;
  /** The operation's own section of the REST API reference. */
  readonly apiReference: string;
  /** Pinpoint exceptions the operation can throw, as the SDK lists them. */
  readonly errors: readonly string[];
  /** Condition keys the Service Authorization Reference lists for the action and its resource types, as AWS writes them. */
  readonly conditionKeys: readonly string[];
  readonly dependentActions: readonly string[];
}

/** One input member whose lifecycle differs from (or qualifies) its action's: `MessageRequest.Endpoints` ends, say. */
export interface LifecycleCaveat {
  /** Dotted path from the input shape. */
  readonly member: string;
  readonly status: LifecycleStatus;
  readonly note: string;
}

export interface CatalogProblem { readonly location: Location; readonly field: string; readonly message: string }
