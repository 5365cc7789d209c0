/** The shapes `policyFromSource` and `checkSourcePolicy` answer with: plain, readonly JSON data. */
import type { Granularity, PolicyCheck, PolicyDocument } from '../generate.js';

/** Where a call is: the file relative to the project's folder (with `/`), 1-based line and column. */
export interface CallSite {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** `src/segments.ts:12` */
export const siteText = (s: CallSite): string => `${s.file}:${s.line}`;

/** A value and where it came from, as the report says it: `src/client.ts:3 (region of new PinpointClient)`, `--account`. */
export interface Sourced {
  readonly value: string;
  readonly from: string;
}

/** The project to read, what the code does not say (ARNs' environment, ids), and where to start reading. */
export interface SourceRequest {
  /** A tsconfig.json, or a folder: its tsconfig.json when it has one, else every .ts file under it. */
  readonly project: string;
  /**
   * The Region named in ARNs, over any the code gives. Without it: the `region` a client construction fixes as a
   * constant, else `us-east-1`.
   */
  readonly region?: string;
  /**
   * The 12-digit account named in ARNs, over any the code gives. Without it: the `accountId` a pinpoint-guard client
   * construction fixes as a constant; when nothing gives one, the analysis fails asking for it.
   */
  readonly accountId?: string;
  /**
   * Ids for input members the code does not fix (`{ ApplicationId: 'shopapp' }`), by the member's name as the client
   * and the SDK spell it. A member the code fixes keeps the code's value.
   */
  readonly ids?: Readonly<Record<string, string>>;
  /** How the report names where `region`, `accountId` and each id came from (`--app`, `AWS_REGION`); default `the request`. */
  readonly origins?: { readonly region?: string; readonly accountId?: string; readonly ids?: Readonly<Record<string, string>> };
  /**
   * Files (relative to the working folder, or absolute) whose imports bound the analysis: only they and what they
   * import, transitively, are read. Without it, every source file of the project.
   */
  readonly entries?: readonly string[];
}

/** What `policyFromSource` is asked. */
export interface SourcePolicyRequest extends SourceRequest {
  /** `exact` (default): resources narrowed to the ids the source names; `app`: per project. */
  readonly granularity?: Granularity;
}

/** What `checkSourcePolicy` is asked: the source's needs against an existing identity policy (its JSON). */
export interface SourceCheckRequest extends SourceRequest {
  readonly policy: unknown;
  /** How reasons name the policy (`current-policy.json "ReadProjects"`): its file, say. Default `policy`. */
  readonly policyLabel?: string;
}

/** How ts-morph is loaded; tests inject a failing loader to see the missing-dependency error. */
export interface SourceOptions {
  readonly loadTsMorph?: () => Promise<unknown>;
}

/** One id a call's ARN needs that the source does not fix: the policy holds a wildcard there. */
export interface SourceWildcard {
  readonly site: CallSite;
  readonly operation: string;
  /** The ARN placeholder (`SegmentId`). */
  readonly member: string;
  /** Why it is not known: `segmentId is a parameter of loadSegment`. */
  readonly reason: string;
}

/** A call of the client found by type: its operation, its action, and the resource built from its ids. */
export interface SourceCall {
  readonly site: CallSite;
  /** The method or paginator called: `getSegment`, `paginateGetSegments`. */
  readonly callee: string;
  /** The IAM action: `mobiletargeting:GetSegment`. */
  readonly action: string;
  /** The ARN the call needs, `*` in place of each id in `anyIds`. */
  readonly resource: string;
  readonly anyIds: readonly string[];
}

/** A call that may reach the client but whose operation cannot be known from the types: never guessed, never granted. */
export interface UnresolvedCall {
  readonly site: CallSite;
  /** The call's text, shortened. */
  readonly text: string;
  readonly reason: string;
}

/** One statement of the generated policy, with every call site that needs it. */
export interface SourceStatement {
  readonly Sid: string;
  readonly callSites: readonly (CallSite & { readonly callee: string; readonly action: string })[];
}

/** Which package a client comes from: this one's `PinpointClient`, or the official SDK's `PinpointClient`/`Pinpoint`. */
export type ClientKind = 'pinpoint-guard' | 'aws-sdk';

/** A call of a client group: where, which method (or `send(XCommand)`), which action. */
export type GroupedCall = CallSite & { readonly callee: string; readonly action: string };

/**
 * The calls that go through one client construction, with the Region and account their ARNs name and where each came
 * from. Calls whose client cannot be traced to one construction (passed in as a parameter, a subclass calling itself,
 * a method taken off its client) form one group without a construction, with the reason for each.
 */
export interface ClientGroup {
  readonly construction?: { readonly site: CallSite; readonly kind: ClientKind; readonly text: string };
  readonly region: Sourced;
  readonly accountId: Sourced;
  readonly calls: readonly (GroupedCall & { readonly untraced?: string })[];
}

/** An id given from outside the code, and every call site where it stood for a member the code does not fix. */
export interface FilledId {
  readonly member: string;
  readonly value: string;
  readonly from: string;
  /** Empty when no call needed it. */
  readonly sites: readonly (CallSite & { readonly callee: string })[];
}

/** The least-privilege policy a project's source needs, its self-check, and what explains it. */
export interface SourcePolicy {
  /** What to paste into IAM. */
  readonly policy: PolicyDocument;
  /** The same self-check as `generatePolicy`: every found call allowed, nothing else in the catalog on its resources. */
  readonly check: PolicyCheck;
  /** Per statement (by Sid), the call sites that need it; every found call site is in exactly one. */
  readonly statements: readonly SourceStatement[];
  readonly calls: readonly SourceCall[];
  readonly wildcards: readonly SourceWildcard[];
  readonly unresolved: readonly UnresolvedCall[];
  /** How many source files were read. */
  readonly files: number;
  /** The calls grouped by the client construction they go through; untraced calls last. */
  readonly clients: readonly ClientGroup[];
  /** The ids given from outside the code, with the call sites that used each. */
  readonly filled: readonly FilledId[];
}

/** A call the existing policy would deny, with its decision's reason. */
export interface DeniedSourceCall {
  readonly action: string;
  readonly resource: string;
  readonly reason: string;
  readonly sites: readonly CallSite[];
}

/** A grant of the existing policy that no found call uses: one Action and one Resource entry of one statement. */
export interface UnusedGrant {
  /** The statement as every report names it: its Sid in quotes, else `Statement[i]` (see `statementName`). */
  readonly statement: string;
  readonly action: string;
  readonly resource: string;
}

/** The source's needs against an existing policy. */
export interface SourcePolicyCheck {
  readonly allowsEveryCall: boolean;
  readonly denied: readonly DeniedSourceCall[];
  readonly unusedGrants: readonly UnusedGrant[];
  readonly calls: readonly SourceCall[];
  readonly unresolved: readonly UnresolvedCall[];
  readonly files: number;
  readonly clients: readonly ClientGroup[];
  readonly filled: readonly FilledId[];
}
