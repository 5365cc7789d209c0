/**
 * `npm run bench:sdk`: what the guard plugin adds to an `@aws-sdk/client-pinpoint` call, in one process. Two SDK
 * clients with a request handler that answers at once (no network): one bare, one with `guardPlugin` (a 3-statement
 * policy, account given). Both send the same GetSegmentCommand; a third case gives a segment id never seen before on
 * every call, so the guard's decision cannot come from its cache; the bare call runs twice, as a noise floor. Windows
 * are interleaved, each round starting at another case, so drift in machine speed
 * hits every case alike; each figure is the median of its windows, in this process's CPU time per call (other
 * processes on the machine do not count). Prints the figures and the overhead ratios
 * (goal: ≤ 3 %). Not a test.
 */
import { GetSegmentCommand, PinpointClient } from '@aws-sdk/client-pinpoint';
import { guardPlugin } from '../src/aws-sdk/index.js';
import { CREDENTIALS, POLICY, noNetworkHandler } from './fixtures.js';

const ROUNDS = Number(process.env.ROUNDS ?? 9);
const WINDOW_MS = Number(process.env.WINDOW_MS ?? 400);

/** An SDK client whose request handler answers 200 with the segment at once: the SDK's own work, no socket. */
const sdkClient = (): PinpointClient => new PinpointClient({
  region: 'us-east-1', credentials: CREDENTIALS, requestHandler: noNetworkHandler,
});

const bare = sdkClient();
const guarded = sdkClient();
guarded.middlewareStack.use(guardPlugin({ client: guarded, policy: POLICY, accountId: '123456789012', lifecycle: 'off' }));

// The SDK's own price of one more middleware: a do-nothing one at the plugin's step and priority. What the guard adds
// beyond it is the guard's own work.
const oneMiddleware = sdkClient();
oneMiddleware.middlewareStack.add((next) => (args) => next(args), { step: 'initialize', priority: 'low', name: 'doNothing' });

const input = { ApplicationId: 'app-1', SegmentId: 'segment-1' };
let fresh = 0;

const CASES: Readonly<Record<string, () => Promise<unknown>>> = {
  'SDK GetSegmentCommand, bare': () => bare.send(new GetSegmentCommand(input)),
  // The same bare call again: how far two identical cases differ here is the noise floor of the ratios below.
  'SDK GetSegmentCommand, bare (again)': () => bare.send(new GetSegmentCommand(input)),
  'SDK GetSegmentCommand + a do-nothing middleware': () => oneMiddleware.send(new GetSegmentCommand(input)),
  'SDK GetSegmentCommand + guardPlugin': () => guarded.send(new GetSegmentCommand(input)),
  '  + guardPlugin, a new segment id per call': () => guarded.send(new GetSegmentCommand({ ...input, SegmentId: `fresh-${fresh++}` })),
};

/**
 * One window of calls, as CPU µs (user + system of this process) per call: on a machine shared with other busy
 * processes, wall time counts the time they take the cores away; this process's CPU time does not.
 */
async function window(call: () => Promise<unknown>): Promise<number> {
  let n = 0;
  const start = performance.now();
  const cpu = process.cpuUsage();
  while (performance.now() - start < WINDOW_MS) { await call(); n++; }
  const used = process.cpuUsage(cpu);
  return (used.user + used.system) / n;
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;

// Warm-up: the guard resolves the client's Region and endpoint and compiles its policy on the first call.
for (const call of Object.values(CASES)) for (let i = 0; i < 500; i++) await call();
const samples: Record<string, number[]> = Object.fromEntries(Object.keys(CASES).map((k) => [k, []]));
const entries = Object.entries(CASES);
for (let r = 0; r < ROUNDS; r++) {
  // Each round starts at another case: a case's place in the round (garbage left by the one before) is not its cost.
  for (let i = 0; i < entries.length; i++) {
    const [name, call] = entries[(r + i) % entries.length]!;
    samples[name]!.push(await window(call));
  }
}
const us = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)])) as Record<keyof typeof CASES, number>;

for (const [name, v] of Object.entries(us)) console.log(`${name.padEnd(46)} ${v.toFixed(1).padStart(8)} CPU µs/call (median of ${ROUNDS} windows of ${WINDOW_MS} ms)`);
const pct = (ratio: number): string => `${((ratio - 1) * 100).toFixed(1)} %`;
/** Both estimates: the ratio of the two medians, and the median of the rounds' ratios (drift between rounds cancels). */
const both = (name: string, over = 'SDK GetSegmentCommand, bare'): string => {
  const rounds = median(samples[name]!.map((v, r) => v / samples[over]![r]!));
  return `${pct(us[name]! / us[over]!).padStart(7)} (medians), ${pct(rounds).padStart(7)} (per round)`;
};
console.log();
console.log(`guardPlugin overhead over a bare SDK call: ${both('SDK GetSegmentCommand + guardPlugin')}  goal ≤ 3 %`);
console.log(`  with a new resource every call:          ${both('  + guardPlugin, a new segment id per call')}`);
console.log(`noise floor (the bare call against itself):${both('SDK GetSegmentCommand, bare (again)')}`);
console.log(`the SDK's price of any one middleware:     ${both('SDK GetSegmentCommand + a do-nothing middleware')}`);
console.log(`guardPlugin over a do-nothing middleware:  ${both('SDK GetSegmentCommand + guardPlugin', 'SDK GetSegmentCommand + a do-nothing middleware')}`);
