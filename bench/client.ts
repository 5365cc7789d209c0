/**
 * `npm run bench:client`: per-call cost, in one process against an in-process axios adapter (no sockets), of
 * (1) our unguarded call, (2) our guarded call, (3) @aws-sdk/client-pinpoint sending the same GetSegment through a
 * no-op request handler; then the ratios. Not a test.
 */
import axios from 'axios';
import { PinpointClient as SdkClient, GetSegmentCommand } from '@aws-sdk/client-pinpoint';
import { CREDENTIALS, POLICY, SEGMENT_BODY, noNetworkHandler } from './fixtures.js';
import { PinpointClient } from '../src/index.js';
import { operations } from '../src/tooling/index.js';
import { bindCall } from '../src/client/bind.js';
import { guardDecision } from '../src/guard/decide.js';
import { compileGuardPolicies } from '../src/guard/policies.js';
import { credentialKind } from '../src/guard/keys.js';

const body = SEGMENT_BODY;
const credentials = CREDENTIALS;
const policy = POLICY;
const adapter = axios.create({ adapter: async (config) => ({ data: body, status: 200, statusText: 'OK', headers: { 'x-amzn-requestid': 'r' }, config, request: {} }) });
const common = { region: 'us-east-1', accountId: '123456789012', credentials, axios: adapter, lifecycle: 'off' as const };
const unguarded = new PinpointClient({ ...common });
const guarded = new PinpointClient({ ...common, policy });
const sdk = new SdkClient({
  region: 'us-east-1', credentials,
  requestHandler: noNetworkHandler,
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
const policies = compileGuardPolicies({ policies: [policy] });
const facts = { credentials: credentialKind(credentials) };
const guardOnly = (callInput: typeof input = input): unknown => {
  const bound = bindCall(operations.GetSegment, callInput);
  // The guard's own decision, as the client's Guard makes it (static long-term keys here).
  return guardDecision({ call: bound }, { region: 'us-east-1', accountId: '123456789012', secureTransport: true, now: new Date() }, facts, policies);
};
const unboundOnly = (): unknown => bindCall(operations.GetSegment, input);
// A segment id never seen before on every call: the decision cannot come from the cache.
let fresh = 0;
const freshInput = () => ({ ...input, SegmentId: `fresh-${fresh++}` });

/**
 * Microseconds per call of synchronous work, as the median of interleaved windows: these figures are a few µs, so an
 * await per call (as in `measure`) or one unlucky window (a collection, another process) would swamp them.
 */
function perCallMedians(cases: Readonly<Record<string, () => unknown>>, rounds = 7, ms = 300): Record<string, number> {
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  for (const fn of Object.values(cases)) for (let i = 0; i < 20_000; i++) fn(); // warm-up
  for (let r = 0; r < rounds; r++) {
    for (const [name, fn] of Object.entries(cases)) {
      let n = 0;
      const start = performance.now();
      let now = start;
      while (now - start < ms) {
        for (let i = 0; i < 1_000; i++, n++) fn();
        now = performance.now();
      }
      samples[name]!.push(((now - start) * 1000) / n);
    }
  }
  const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  const out = Object.fromEntries(Object.entries(samples).map(([k, xs]) => [k, median(xs)]));
  for (const [k, us] of Object.entries(out)) console.log(`${k.padEnd(44)} ${us.toFixed(2).padStart(8)} µs/call  (median of ${rounds} windows)`);
  return out;
}
const alone = perCallMedians({
  'guard alone: bind + ARN + context + decide': () => guardOnly(),
  'baseline: bind alone (done unguarded too)': unboundOnly,
  'guard alone, a never-seen segment each call': () => guardOnly(freshInput()),
  'baseline: bind alone, same inputs': () => bindCall(operations.GetSegment, freshInput()),
});
const guardUs = alone['guard alone: bind + ARN + context + decide']!;
const bindUs = alone['baseline: bind alone (done unguarded too)']!;
const guardFreshUs = alone['guard alone, a never-seen segment each call']!;
const bindFreshUs = alone['baseline: bind alone, same inputs']!;
const best = (k: 'u' | 'g' | 's'): number => Math.min(...rounds.map((r) => r[k]));
const [u, g, s] = [best('u'), best('g'), best('s')];
console.log(`guard overhead, whole-call timings: ${(((g - u) / u) * 100).toFixed(1)}% (noisy: same order as run-to-run variation)`);
console.log(`guard overhead, measured alone: ${(((guardUs - bindUs) / u) * 100).toFixed(2)}% of an unguarded call (goal ≤ 2%)`);
console.log(`guarded / AWS SDK: ${(g / s).toFixed(2)} (goal ≤ 0.5)`);
console.log(`guard decision for a never-seen resource: ${(guardFreshUs - bindFreshUs).toFixed(2)} µs (ARN + context + decide; goal < 2 µs)`);
