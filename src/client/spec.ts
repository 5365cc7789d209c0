/**
 * The metadata the generated `operations` table holds for each operation, and the only thing the runtime needs to
 * validate, guard, encode, send and decode a call. Generated code is data plus one-line delegations; behaviour lives here.
 */

/** The HTTP methods the catalog allows. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
/** Which side of Pinpoint's end of support (2026-10-30) an action is on, by AWS's notice alone. */
export type LifecycleStatus = 'supported' | 'end-of-support' | 'unclear';
/** The action's access level in AWS's Service Authorization Reference. */
export type AccessLevel = 'Read' | 'Write' | 'List' | 'Tagging' | 'Permissions management';

/** How a query member is written on the wire. */
export type QueryType = 'string' | 'number' | 'boolean' | 'timestamp' | 'list';

/** One query parameter: its wire name, the input member it comes from, and how it is written. */
export interface QuerySpec { readonly wire: string; readonly member: string; readonly type: QueryType }

/** An action's lifecycle status, why, and what AWS names instead where it does. */
export interface LifecycleSpec { readonly status: LifecycleStatus; readonly reason: string; readonly source: string; readonly successor?: string }

/** An IAM action of the catalog, with or without a REST operation. */
export interface ActionSpec {
  readonly action: string;
  readonly group: string;
  readonly accessLevel: AccessLevel;
  /** ARN template: `arn:${Partition}:mobiletargeting:${Region}:${Account}:apps/${ApplicationId}`. */
  readonly resource: string;
  readonly lifecycle: LifecycleSpec;
  /** The operation name, or `undefined` for console-only actions. */
  readonly operation?: string;
}

/** A member whose JSON key differs from its name: `path` leads to it through member names (`a.b[].c`, `m{}`). */
export interface WireName { readonly path: string; readonly wire: string }

/**
 * Where a request carries resource tags, for `aws:RequestTag/*` and `aws:TagKeys`: a string map at the top of the JSON
 * body (CreateApp, TagResource, ...) or a list of keys in the query (UntagResource).
 */
export type TagsSpec = { readonly in: 'body'; readonly key: string } | { readonly in: 'query'; readonly wire: string };

export interface PaginationSpec { readonly inputToken: string; readonly outputToken: string; readonly pageSize: string }

/** A REST operation: its action, binding and resource. */
export interface OperationSpec extends ActionSpec {
  readonly name: string;
  readonly operation: string;
  readonly method: HttpMethod;
  /** `/v1/apps/{ApplicationId}/segments/{SegmentId}`; every placeholder is a required string input member. */
  readonly path: string;
  readonly labels: readonly string[];
  readonly query: readonly QuerySpec[];
  /** The input member sent as the JSON body. */
  readonly body?: string;
  /** The success status code. */
  readonly status: number;
  /** The output member the response body fills. */
  readonly outputBody?: string;
  /** Paths (inside the response body) of timestamp members, decoded to `Date` as the AWS SDK does. */
  readonly outputTimestamps: readonly string[];
  /** Members of the body shape sent under another JSON key; absent when there are none. */
  readonly bodyWireNames?: readonly WireName[];
  /** Members of the response body received under another JSON key; absent when there are none. */
  readonly outputWireNames?: readonly WireName[];
  readonly pagination?: PaginationSpec;
  readonly tags?: TagsSpec;
  /** The input member that is the whole resource ARN (`${ResourceArn}`): it must name this client's account and Region. */
  readonly wholeArn?: string;
  /** `reads`: the operation reads a resource's tags (decided without them); `changes`: it changes them (cached tags drop). */
  readonly resourceTags?: 'reads' | 'changes';
  /** ARN placeholders whose value must be one of these, spelled as the service spells them (`TemplateType`: EMAIL, ...). */
  readonly arnEnums?: Readonly<Record<string, readonly string[]>>;
}
