/**
 * Shared fixtures of the SDK plugin tests: the official `@aws-sdk/client-pinpoint` pointed at the testing kit's msw
 * handlers (its default endpoint, intercepted), a command for every catalog operation with an input the guard
 * accepts, and outcomes compared as a user sees them (sent, or which error before sending).
 */
import * as sdk from '@aws-sdk/client-pinpoint';
import { PinpointClient as SdkClient, type PinpointClientConfig } from '@aws-sdk/client-pinpoint';
import { operations } from '../../generated/operations.js';
import type { OperationSpec, QuerySpec } from '../../src/client/spec.js';

export const REGION = 'us-east-1';
export const ACCOUNT = '123456789012';
export const KEYS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' } as const;
/** The SDK client's credentials as a provider, as the SDK holds any credentials: the project's client gets the same. */
export const keysProvider = async (): Promise<typeof KEYS> => KEYS;

export const ADMIN = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'mobiletargeting:*', Resource: '*' }] } as const;
export const DENY_ALL = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] } as const;

export const OPERATIONS: readonly OperationSpec[] = Object.values(operations) as readonly OperationSpec[];

/** An SDK client at its default endpoint (the kit's msw handlers answer there), one attempt unless told. */
export function sdkClient(config: Partial<PinpointClientConfig> = {}): SdkClient {
  return new SdkClient({ region: REGION, credentials: KEYS, maxAttempts: 1, ...config });
}

export const OWN_ARN = `arn:aws:mobiletargeting:${REGION}:${ACCOUNT}:apps/app-1`;

function labelValue(member: string): string {
  if (member === 'ResourceArn') return OWN_ARN;
  if (member === 'TemplateType') return 'SMS';
  return `id-${member}`;
}

function queryValue(q: QuerySpec): unknown {
  return { string: `q-${q.member}`, number: 5, boolean: true, timestamp: new Date(Date.UTC(2026, 0, 2)), list: [`${q.member}-1`] }[q.type];
}

/**
 * An input of the SDK's type for an operation: every label, every query member, an empty body object, and an
 * explicitly `undefined` optional member where the operation has a query (the SDK's types allow it).
 */
export function sdkInput(spec: OperationSpec, labels: Readonly<Record<string, string>> = {}): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const l of spec.labels) input[l] = labels[l] ?? labelValue(l);
  spec.query.forEach((q, i) => { input[q.member] = i === 0 ? undefined : queryValue(q); });
  if (spec.body) input[spec.body] = {};
  return input;
}

type CommandClass = new (input: object) => object;

/** The SDK's command class of an operation (looked up by the SDK's export name; the plugin never reads it). */
export function commandOf(spec: OperationSpec): CommandClass {
  const cls = (sdk as unknown as Record<string, CommandClass | undefined>)[`${spec.name}Command`];
  if (!cls) throw new Error(`@aws-sdk/client-pinpoint has no ${spec.name}Command`);
  return cls;
}

/** Sends an operation through an SDK client. */
export function sendOp(client: SdkClient, spec: OperationSpec, input: object): Promise<unknown> {
  return client.send(new (commandOf(spec))(input) as never);
}

/**
 * What a call came to: `sent` (an answer or a service error came back), or the name of the error thrown before
 * sending, with the guard's decision when it has one (`AccessDeniedError:ExplicitDeny`).
 */
export type Outcome = 'sent' | string;

export function outcomeOf(error: unknown): Outcome {
  if (error === undefined) return 'sent';
  const e = error as { name?: string; $fault?: string; $response?: unknown; $metadata?: { httpStatusCode?: number } };
  // A service error carries the HTTP status of the answer: the request was sent.
  if (e.$metadata?.httpStatusCode !== undefined || (e as { statusCode?: number }).statusCode !== undefined) return 'sent';
  const decision = (error as { decision?: unknown }).decision;
  return `${e.name ?? String(error)}${typeof decision === 'string' ? `:${decision}` : ''}`;
}

export async function outcome(call: () => Promise<unknown>): Promise<Outcome> {
  try {
    await call();
    return 'sent';
  } catch (e) {
    return outcomeOf(e);
  }
}
