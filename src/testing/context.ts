/** What an operation handler receives and returns. One handler per operation, in tables keyed by operation name. */
import type { OperationName } from '../../generated/operations.js';
import type { OperationSpec } from '../client/spec.js';
import type { MemoryStore, StoredApp } from './store.js';

/** One routed, authorised, validated request, plus the mock's state and helpers. */
export interface HandlerContext {
  readonly operation: OperationSpec;
  /** Decoded path labels (`ApplicationId`, `SegmentId`, ...). */
  readonly params: Readonly<Record<string, string>>;
  /** Query parameters by wire name (`page-size`, `token`, ...); the last value wins when one repeats. */
  readonly query: Readonly<Record<string, string>>;
  /** Every value of a query parameter sent more than once (UntagResource's `tagKeys`), in order; `[]` when absent. */
  queryList(wire: string): readonly string[];
  /** The parsed JSON body (the operation's body member); `{}` for operations without one. */
  readonly body: Readonly<Record<string, unknown>>;
  readonly store: MemoryStore;
  /** The Region of the request's SigV4 credential scope (the mock's `region` when authorization is not checked). */
  readonly region: string;
  readonly accountId: string;
  readonly requestId: string;
  /** The mock clock, as an ISO 8601 string (Pinpoint's date members are strings). */
  now(): string;
  /** The project named by the `ApplicationId` label, or a `NotFoundException`. */
  app(): StoredApp;
  /** A page of `items` as Pinpoint pages lists: `{ Item, NextToken? }`, honouring `page-size` and `token`. */
  page<T>(items: readonly T[]): { Item: T[]; NextToken?: string };
  /**
   * The ARN of the resource `operation` acts on, from the catalog's template for it, in the request's partition, Region
   * and account: `ctx.resourceArn('GetSegment', { ApplicationId, SegmentId })`.
   */
  resourceArn(operation: OperationName, params: Readonly<Record<string, string>>): string;
  /** `arn:<partition>:mobiletargeting:<region>:<account>:<resource>`, the partition following the Region (`aws-cn`, `aws-us-gov`). */
  arn(resource: string): string;
}

/**
 * Serves one operation: returns the output body (the operation's `outputBody` shape, serialised as JSON; `undefined`
 * for none) or throws a `MockServiceError`.
 */
export type OperationHandler = (ctx: HandlerContext) => unknown;

/** Handlers keyed by operation name. */
export type HandlerTable = Readonly<Partial<Record<OperationName, OperationHandler>>>;
