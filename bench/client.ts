/**
 * `npm run bench:client`: per-call cost, in one process against an in-process axios adapter (no sockets), of
 * (1) our unguarded call, (2) our guarded call, (3) @aws-sdk/client-pinpoint sending the same GetSegment through a
 * no-op request handler; then the ratios. Not a test.
 */
import axios from 'axios';
import { Readable } from 'node:stream';
import { PinpointClient as SdkClient, GetSegmentCommand } from '@aws-sdk/client-pinpoint';
import { HttpResponse } from '@smithy/core/protocols';
import { PinpointClient, compilePolicies, buildArn, operations } from '../src/index.js';
import { bindCall } from '../src/client/bind.js';
import { requestContext } from '../src/guard/context.js';
import { credentialKind, unknownKeysFor } from '../src/guard/keys.js';

const body = JSON.stringify({ Id: 'segment-1', ApplicationId: 'app-1', Arn: 'arn', CreationDate: '2026-01-01', SegmentType: 'DIMENSIONAL', Name: 'n' });
const adapter = axios.create({ adapter: async (config) => ({ data: body, status: 200, statusText: 'OK', headers: { 'x-amzn-requestid': 'r' }, config, request: {} }) });
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const policy = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'Read', Effect: 'Allow', Action: ['mobiletargeting:Get*'], Resource: 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/app-1*' },
    { Sid: 'NoDeletes', Effect: 'Deny', Action: 'mobiletargeting:Delete*', Resource: '*' },
    { Sid: 'Region', Effect: 'Allow', Action: 'mobiletargeting:Send*', Resource: '*', Condition: { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } } },
  ],
};
const common = { region: 'us-east-1', accountId: '123456789012', credentials, axios: adapter, lifecycle: 'off' as const };
const unguarded = new PinpointClient({ ...common });
const guarded = new PinpointClient({ ...common, policy });
const sdk = new SdkClient({
  region: 'us-east-1', credentials,
  requestHandler: { handle: async () => ({ response: new HttpResponse({ statusCode: 200, headers: {}, body: Readable.from([Buffer.from(body)]) }) }) } as never,
});
const input = { ApplicationId: 'app-1', SegmentId: 'segment-1' };

async function measure(label: string, call: () => Promise<unknown>, ms = 2500): Promise<number> {
  for (let i = 0; i < 300; i++) await call(); // warm-up
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < ms) { await call(); n++; }
  const us = ((performance.now() - start) * 1000) / n;
  console.log(`${label.padEnd(44)} ${us.toFixed(1).padStart(8)} µs/call  (${n} calls)`);
  return us;
}

const rounds: { u: number; g: number; s: number }[] = [];
for (let r = 0; r < 2; r++) {
  // Interleaved rounds, so drift in machine speed hits all three alike.
  const u = await measure('pinpoint-guard, guard off', () => unguarded.getSegment(input));
  const g = await measure('pinpoint-guard, guarded (3-statement policy)', () => guarded.getSegment(input));
  const s = await measure('@aws-sdk/client-pinpoint GetSegmentCommand', () => sdk.send(new GetSegmentCommand(input)));
  rounds.push({ u, g, s });
}
// The guard's own work per call, measured alone (whole-call timings above differ by more than the guard costs).
const compiled = compilePolicies({ policies: [policy] });
const unknownKeys = unknownKeysFor(credentialKind(credentials), true);
const guardOnly = (callInput: typeof input = input): unknown => {
  const bound = bindCall(operations.GetSegment, callInput);
  const arn = buildArn(operations.GetSegment.resource, bound.params, { region: 'us-east-1', accountId: '123456789012' });
  const ctx = requestContext(undefined, undefined, { now: new Date(), region: 'us-east-1', secureTransport: true, tags: undefined });
  // The client's own unknown keys (static long-term keys here), as every guarded call passes them.
  return compiled.evaluate(operations.GetSegment.action, arn, ctx, { unknownKeys });
};
const unboundOnly = (): unknown => bindCall(operations.GetSegment, input);
const guardUs = await measure('guard alone: bind + ARN + context + decide', async () => guardOnly(), 1500);
const bindUs = await measure('baseline: bind alone (done unguarded too)', async () => unboundOnly(), 1500);
// A segment id never seen before on every call: the decision cannot come from the cache.
let fresh = 0;
const freshInput = () => ({ ...input, SegmentId: `fresh-${fresh++}` });
const guardFreshUs = await measure('guard alone, a never-seen segment each call', async () => guardOnly(freshInput()), 1500);
const bindFreshUs = await measure('baseline: bind alone, same inputs', async () => bindCall(operations.GetSegment, freshInput()), 1500);
const best = (k: 'u' | 'g' | 's'): number => Math.min(...rounds.map((r) => r[k]));
const [u, g, s] = [best('u'), best('g'), best('s')];
console.log(`guard overhead, whole-call timings: ${(((g - u) / u) * 100).toFixed(1)}% (noisy: same order as run-to-run variation)`);
console.log(`guard overhead, measured alone: ${(((guardUs - bindUs) / u) * 100).toFixed(2)}% of an unguarded call (goal ≤ 2%)`);
console.log(`guarded / AWS SDK: ${(g / s).toFixed(2)} (goal ≤ 0.5)`);
console.log(`guard decision for a never-seen resource: ${(guardFreshUs - bindFreshUs).toFixed(2)} µs (ARN + context + decide; goal < 2 µs)`);
