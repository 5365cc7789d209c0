/**
 * `npm run bench:http`: calls per second over loopback HTTP at concurrency 32 of (1) our PinpointClient, guarded by the
 * 3-statement policy of the other call benchmarks, and (2) @aws-sdk/client-pinpoint with its defaults, both sending the
 * same GetSegment to the same local server in this run; then the ratio. A bare node:http GET shows the transport's
 * floor. CPU µs per call (this process) is printed beside calls/s: on a shared machine it varies less. Not a test.
 *
 * The server is a minimal node:http server answering GetSegment's fixed JSON, in a child process. Not the testing
 * kit: what is measured is the clients' work per call, and the kit's emulation (routing, store, auth and shape checks)
 * would add the same server time to both sides — on the same cores — and pull the ratio toward 1. A child process, so
 * that server time is not spent on the clients' event loop either.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { CREDENTIALS, POLICY, SEGMENT_BODY } from './fixtures.js';

const CONCURRENCY = 32;
const ROUND_MS = 1_000;
const ROUNDS = 9;

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

  /** Calls per second and CPU µs per call (this process: user + system) with CONCURRENCY calls in flight for `ms`. */
  async function window(call: () => Promise<unknown>, ms: number): Promise<{ rate: number; cpu: number }> {
    let n = 0;
    const cpu0 = process.cpuUsage();
    const start = performance.now();
    const end = start + ms;
    const worker = async (): Promise<void> => { while (performance.now() < end) { await call(); n += 1; } };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const cpu = process.cpuUsage(cpu0);
    return { rate: (n * 1000) / (performance.now() - start), cpu: (cpu.user + cpu.system) / n };
  }
  // The floor: a bare node:http request on a keep-alive agent, the body read as text, nothing else.
  const agent = new Agent({ keepAlive: true, maxSockets: 50 });
  const segmentUrl = `${endpoint}/v1/apps/app-1/segments/segment-1`;
  const bare = (): Promise<string> => new Promise((resolve, reject) => {
    request(segmentUrl, { agent }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => { text += chunk; });
      res.on('end', () => resolve(text));
    }).on('error', reject).end();
  });
  const cases = {
    ours: () => ours.getSegment(input),
    sdk: () => sdk.send(new GetSegmentCommand(input)),
    bare,
  };
  type Case = keyof typeof cases;
  const samples: Record<Case, { rate: number; cpu: number }[]> = { ours: [], sdk: [], bare: [] };
  for (const call of Object.values(cases)) await window(call, 700); // warm-up: JIT, sockets opened
  for (let round = 0; round < ROUNDS; round += 1) {
    // Interleaved short windows, the order rotating, so drift in machine speed (other processes) hits all alike.
    const names = Object.keys(cases) as Case[];
    for (let i = 0; i < names.length; i += 1) {
      const name = names[(i + round) % names.length]!;
      samples[name].push(await window(cases[name], ROUND_MS));
    }
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const rate = (name: Case): number => median(samples[name].map((s) => s.rate));
  const cpu = (name: Case): number => median(samples[name].map((s) => s.cpu));
  const labels: Record<Case, string> = {
    ours: 'pinpoint-guard, guarded (3-statement policy)',
    sdk: '@aws-sdk/client-pinpoint GetSegmentCommand',
    bare: 'floor: bare node:http GET, keep-alive agent',
  };
  console.log(`GetSegment over loopback HTTP (node:http server in a child process), concurrency ${CONCURRENCY}, median of ${ROUNDS} interleaved ${ROUND_MS} ms windows`);
  for (const name of Object.keys(cases) as Case[]) {
    console.log(`${labels[name].padEnd(46)} ${rate(name).toFixed(0).padStart(7)} calls/s  ${cpu(name).toFixed(1).padStart(7)} CPU µs/call`);
  }
  console.log(`ratio pinpoint-guard / AWS SDK: ${(rate('ours') / rate('sdk')).toFixed(2)}x calls/s (goal >= 2), ${(cpu('sdk') / cpu('ours')).toFixed(2)}x less CPU per call`);
  agent.destroy();
  sdk.destroy();
  child.disconnect();
}
