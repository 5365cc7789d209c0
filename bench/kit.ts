/**
 * `npm run bench:kit`: requests per second the HTTP testing kit (`startPinpointMockServer`) serves at concurrency 32,
 * as a ratio against a bare node:http server answering the same JSON body, both on 127.0.0.1 in this process and
 * driven by the same keep-alive client. Bounded: a fixed number of requests per round, interleaved rounds. Not a test.
 */
import { createServer, request, Agent } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startPinpointMockServer } from '../src/testing/index.js';

const CONCURRENCY = 32;
const REQUESTS = 6_000;
const ROUNDS = 3;
const AUTH = 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261129/us-east-1/mobiletargeting/aws4_request, SignedHeaders=host;x-amz-date, Signature=00';

const kit = await startPinpointMockServer({ region: 'us-east-1' });
const created = await kit.mock.handle({ method: 'POST', path: '/v1/apps', headers: { authorization: AUTH }, body: '{"Name":"bench","tags":{"team":"a"}}' });
for (const name of ['welcome', 'reset', 'login']) {
  await kit.mock.handle({ method: 'POST', path: `/v1/templates/${name}/sms`, headers: { authorization: AUTH }, body: '{"Body":"hi"}' });
}
const path = `/v1/apps/${(JSON.parse(created.body) as { Id: string }).Id}`;
// The same answer GetApp gets from the kit, served by a server that does nothing else.
const { body, headers } = await kit.mock.handle({ method: 'GET', path, headers: { authorization: AUTH } });
const bare = createServer((req, res) => {
  req.resume();
  req.on('end', () => { res.writeHead(200, headers); res.end(body); });
});
await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`;

/** Sends `REQUESTS` GETs of `target` with `CONCURRENCY` in flight over keep-alive sockets; answers requests/second. */
async function drive(base: string, target: string): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const url = new URL(target, base);
  let sent = 0;
  const one = (): Promise<void> => new Promise((resolve, reject) => {
    const req = request(url, { agent, headers: { authorization: AUTH } }, (res) => {
      if (res.statusCode !== 200) reject(new Error(`${target} answered ${res.statusCode}`));
      res.resume();
      res.on('end', resolve);
    });
    req.on('error', reject);
    req.end();
  });
  const worker = async (): Promise<void> => { while (sent < REQUESTS) { sent += 1; await one(); } };
  const start = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();
  return REQUESTS / seconds;
}

const routes = [['GetApp', path], ['ListTemplates', '/v1/templates']] as const;
await drive(bareUrl, path); // warm-up
await drive(kit.url, path);
const best: Record<string, number> = {};
for (let round = 0; round < ROUNDS; round += 1) {
  // Interleaved, so drift in machine speed hits both alike.
  best.bare = Math.max(best.bare ?? 0, await drive(bareUrl, path));
  for (const [name, target] of routes) {
    best[name] = Math.max(best[name] ?? 0, await drive(kit.url, target));
  }
}
console.log(`concurrency ${CONCURRENCY}, ${REQUESTS} requests per round, best of ${ROUNDS} rounds, 127.0.0.1`);
console.log(`${'bare node:http, same JSON (baseline)'.padEnd(40)} ${best.bare!.toFixed(0).padStart(7)} req/s`);
for (const [name] of routes) {
  console.log(`${`kit ${name}`.padEnd(40)} ${best[name]!.toFixed(0).padStart(7)} req/s   ratio kit/bare ${(best[name]! / best.bare!).toFixed(2)}`);
}
await kit.close();
await new Promise<void>((resolve) => bare.close(() => resolve()));
