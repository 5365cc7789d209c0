/**
 * `npm run bench:sdk`: what the guard plugin adds to an `@aws-sdk/client-pinpoint` call, in one process. SDK clients
 * with a request handler that answers at once (no network): one bare, one with a do-nothing middleware at the
 * plugin's step (the SDK's own price of any middleware), one with `guardPlugin` (a 3-statement policy, account
 * given). They send the same GetSegmentCommand; one more case gives a segment id never seen before on every call, so
 * the guard's decision cannot come from what it kept; the bare call runs twice, as a noise floor.
 *
 * How: every round sends one call of each case, in a new random order, and times each call alone. A case's place in
 * the round (whose code ran just before it, what garbage it left) is then no part of its cost, which a fixed order
 * made it (a case always run after the bare client's call read up to 1 % faster than the bare call itself). Each
 * figure is over tens of thousands of calls: the median call (what a call costs), and the mean (tails and garbage
 * collection included), each with a 95 % bootstrap interval over rounds. Wall time per call, on a quiet machine:
 * the random order spreads whatever else runs over every case alike. Not a test.
 */
import { GetSegmentCommand, PinpointClient } from '@aws-sdk/client-pinpoint';
import { guardPlugin } from '../src/aws-sdk/index.js';
import { CREDENTIALS, POLICY, noNetworkHandler } from './fixtures.js';

const ROUNDS = Number(process.env.ROUNDS ?? 20_000);
const RESAMPLES = 200;

/** An SDK client whose request handler answers 200 with the segment at once: the SDK's own work, no socket. */
const sdkClient = (): PinpointClient => new PinpointClient({
  region: 'us-east-1', credentials: CREDENTIALS, requestHandler: noNetworkHandler,
});

const bare = sdkClient();
const guarded = sdkClient();
guarded.middlewareStack.use(guardPlugin({ client: guarded, policy: POLICY, accountId: '123456789012', lifecycle: 'off' }));
const oneMiddleware = sdkClient();
oneMiddleware.middlewareStack.add((next) => (args) => next(args), { step: 'initialize', priority: 'low', name: 'doNothing' });

const input = { ApplicationId: 'app-1', SegmentId: 'segment-1' };
let fresh = 0;

const BARE = 'SDK GetSegmentCommand, bare';
const AGAIN = 'SDK GetSegmentCommand, bare (again)';
const ONE = 'SDK GetSegmentCommand + a do-nothing middleware';
const GUARDED = 'SDK GetSegmentCommand + guardPlugin';
const FRESH = '  + guardPlugin, a new segment id per call';
const CASES: Readonly<Record<string, () => Promise<unknown>>> = {
  [BARE]: () => bare.send(new GetSegmentCommand(input)),
  // The same bare call again: how far two identical cases differ here is the noise floor of the ratios below.
  [AGAIN]: () => bare.send(new GetSegmentCommand(input)),
  [ONE]: () => oneMiddleware.send(new GetSegmentCommand(input)),
  [GUARDED]: () => guarded.send(new GetSegmentCommand(input)),
  [FRESH]: () => guarded.send(new GetSegmentCommand({ ...input, SegmentId: `fresh-${fresh++}` })),
};
const names = Object.keys(CASES);
const calls = names.map((n) => CASES[n]!);

// Warm-up: the guard resolves the client's Region and endpoint and compiles its policy on the first call.
for (const call of calls) for (let i = 0; i < 2000; i++) await call();

/** µs per call, by case and round. */
const times = names.map(() => new Float64Array(ROUNDS));
const order = names.map((_, i) => i);
for (let r = 0; r < ROUNDS; r++) {
  for (let i = order.length - 1; i > 0; i--) {
    const k = Math.floor(Math.random() * (i + 1));
    [order[i], order[k]] = [order[k]!, order[i]!];
  }
  for (const c of order) {
    const start = performance.now();
    await calls[c]!();
    times[c]![r] = (performance.now() - start) * 1000;
  }
}

const median = (xs: Float64Array): number => Float64Array.from(xs).sort()[xs.length >> 1]!;
const mean = (xs: Float64Array): number => xs.reduce((s, x) => s + x, 0) / xs.length;
const at = (xs: Float64Array, rounds: Uint32Array): Float64Array => rounds.reduce((out, r, i) => { out[i] = xs[r]!; return out; }, new Float64Array(rounds.length));

/** A statistic's ratio (case over base) on every round, and its 95 % interval from resampled rounds. */
function ratio(stat: (xs: Float64Array) => number, c: number, base: number): { readonly value: number; readonly low: number; readonly high: number } {
  const value = stat(times[c]!) / stat(times[base]!);
  const resampled: number[] = [];
  for (let b = 0; b < RESAMPLES; b++) {
    const rounds = Uint32Array.from({ length: ROUNDS }, () => Math.floor(Math.random() * ROUNDS));
    resampled.push(stat(at(times[c]!, rounds)) / stat(at(times[base]!, rounds)));
  }
  resampled.sort((a, b) => a - b);
  return { value, low: resampled[Math.floor(RESAMPLES * 0.025)]!, high: resampled[Math.floor(RESAMPLES * 0.975)]! };
}

for (let c = 0; c < names.length; c++) {
  console.log(`${names[c]!.padEnd(48)} median ${median(times[c]!).toFixed(1).padStart(6)} µs, mean ${mean(times[c]!).toFixed(1).padStart(6)} µs per call (${ROUNDS} calls)`);
}
const pct = (x: number): string => `${((x - 1) * 100).toFixed(1)} %`;
const line = (label: string, name: string, over = BARE): string => {
  const c = names.indexOf(name);
  const base = names.indexOf(over);
  const m = ratio(median, c, base);
  const a = ratio(mean, c, base);
  return `${label.padEnd(44)} median call ${pct(m.value).padStart(7)} [${pct(m.low)}, ${pct(m.high)}]   mean ${pct(a.value).padStart(7)} [${pct(a.low)}, ${pct(a.high)}]`;
};
console.log();
console.log('(95 % intervals in brackets)');
console.log(`${line('guardPlugin overhead over a bare SDK call:', GUARDED)}   goal ≤ 3 %`);
console.log(line('  with a new resource every call:', FRESH));
console.log(line('noise floor (the bare call against itself):', AGAIN));
console.log(line("the SDK's price of any one middleware:", ONE));
console.log(line('guardPlugin over a do-nothing middleware:', GUARDED, ONE));
