/**
 * `npm run bench:http`: calls per second over loopback HTTP at concurrency 32 of (1) our PinpointClient, guarded by the
 * 3-statement policy of the other call benchmarks, and (2) @aws-sdk/client-pinpoint with its defaults, both sending the
 * same GetSegment to the same local server in this run; then the ratio. Not a test.
 *
 * The server is a minimal node:http server answering GetSegment's fixed JSON, in a child process. Not the testing
 * kit: what is measured is the clients' work per call, and the kit's emulation (routing, store, auth and shape checks)
 * would add the same server time to both sides — on the same cores — and pull the ratio toward 1. A child process, so
 * that server time is not spent on the clients' event loop either.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { CREDENTIALS, POLICY, SEGMENT_BODY } from './fixtures.js';

const CONCURRENCY = 32;
const ROUND_MS = 3_000;
const ROUNDS = 3;

if (process.argv[2] === 'server') {
  // The child: answers every request with the segment once its body is read, over keep-alive connections.
  const headers = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(SEGMENT_BODY)), 'x-amzn-requestid': 'bench-request' };
  const server = createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
    req.resume();
    req.on('end', () => { res.writeHead(200, headers); res.end(SEGMENT_BODY); });
  });
  server.listen(0, '127.0.0.1', () => process.send!((server.address() as AddressInfo).port));
  process.on('disconnect', () => process.exit(0));
} else {
  await main();
}

async function main(): Promise<void> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), ['server'], { execArgv: process.execArgv, stdio: 'inherit' });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m) => resolve(m as number));
    child.once('exit', (code) => reject(new Error(`bench server exited (${code})`)));
  });
  const endpoint = `http://127.0.0.1:${port}`;

  const { PinpointClient } = await import('../src/index.js');
  const { PinpointClient: SdkClient, GetSegmentCommand } = await import('@aws-sdk/client-pinpoint');
  const ours = new PinpointClient({ region: 'us-east-1', accountId: '123456789012', credentials: CREDENTIALS, endpoint, policy: POLICY, lifecycle: 'off' });
  const sdk = new SdkClient({ region: 'us-east-1', credentials: CREDENTIALS, endpoint });
  const input = { ApplicationId: 'app-1', SegmentId: 'segment-1' };
  // Both must get the segment back, or the rates mean nothing.
  const check = (out: unknown): void => {
    if ((out as { SegmentResponse?: { Id?: string } }).SegmentResponse?.Id !== 'segment-1') throw new Error(`unexpected answer: ${JSON.stringify(out)}`);
  };
  check(await ours.getSegment(input));
  check(await sdk.send(new GetSegmentCommand(input)));

  /** Calls per second with CONCURRENCY calls in flight for about `ms`. */
  async function rate(call: () => Promise<unknown>, ms: number): Promise<number> {
    let n = 0;
    const start = performance.now();
    const end = start + ms;
    const worker = async (): Promise<void> => { while (performance.now() < end) { await call(); n += 1; } };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    return (n * 1000) / (performance.now() - start);
  }
  const callOurs = () => ours.getSegment(input);
  const callSdk = () => sdk.send(new GetSegmentCommand(input));
  await rate(callOurs, 1_000); // warm-up: JIT, sockets opened
  await rate(callSdk, 1_000);
  const best = { ours: 0, sdk: 0 };
  for (let round = 0; round < ROUNDS; round += 1) {
    // Interleaved, so drift in machine speed hits both alike; the order flips each round.
    const order = round % 2 === 0 ? (['ours', 'sdk'] as const) : (['sdk', 'ours'] as const);
    for (const who of order) {
      const r = await rate(who === 'ours' ? callOurs : callSdk, ROUND_MS);
      console.log(`  round ${round + 1} ${who.padEnd(4)} ${r.toFixed(0).padStart(7)} calls/s`);
      best[who] = Math.max(best[who], r);
    }
  }
  console.log(`GetSegment over loopback HTTP (node:http server in a child process), concurrency ${CONCURRENCY}, best of ${ROUNDS} rounds of ${ROUND_MS / 1000} s`);
  console.log(`${'pinpoint-guard, guarded (3-statement policy)'.padEnd(46)} ${best.ours.toFixed(0).padStart(7)} calls/s`);
  console.log(`${'@aws-sdk/client-pinpoint GetSegmentCommand'.padEnd(46)} ${best.sdk.toFixed(0).padStart(7)} calls/s`);
  console.log(`ratio pinpoint-guard / AWS SDK: ${(best.ours / best.sdk).toFixed(2)}x (goal >= 2)`);
  sdk.destroy();
  child.disconnect();
}
