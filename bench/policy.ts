/**
 * Policy engine benchmark: decisions per second (uncached and cached) for a 3- and a 200-statement
 * policy, compile time for 1,000 statements, and a pathological wildcard against a 10 kB ARN.
 * Every figure is printed with its ratio to a baseline measured in the same process, so numbers
 * from different machines can be compared. Not a test: nothing here asserts timings.
 */
import { compilePolicies, evaluate, matchArn, matchWildcard, parsePolicy, type RequestContext } from '../src/policy/index.js';

const ACCT = '123456789012';
const APP = `arn:aws:mobiletargeting:us-east-1:${ACCT}:apps/abc`;
const SEG = `${APP}/segments/s1`;

let sink = 0;

/** Calls per second of `fn` over about `ms` milliseconds, after a warm-up. */
function rate(fn: (i: number) => unknown, ms = 700): number {
  for (let i = 0; i < 20_000; i++) sink += fn(i) ? 1 : 0;
  let n = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < 2_000; i++, n++) sink += fn(n) ? 1 : 0;
    now = performance.now();
  }
  return (n / (now - start)) * 1000;
}

/** Median duration of `fn` in milliseconds. */
function duration(fn: () => unknown, runs = 15): number {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    sink += fn() ? 1 : 0;
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)] as number;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

// Baselines: a trivial string compare through an indirect call (what "doing nothing" costs).
const words = ['mobiletargeting:GetSegment', 'mobiletargeting:GetApp', 'mobiletargeting:DeleteApp', 'x'];
const baselineCompare = rate((i) => words[i & 3] === 'mobiletargeting:GetApp');

// 3 statements: read, a conditional write, a deny.
const small = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'Read', Effect: 'Allow', Action: ['mobiletargeting:Get*', 'mobiletargeting:List*'], Resource: `arn:aws:mobiletargeting:us-east-1:${ACCT}:apps/*` },
    { Sid: 'Write', Effect: 'Allow', Action: 'mobiletargeting:Update*', Resource: `${APP}/*`, Condition: { StringEquals: { 'aws:PrincipalTag/team': 'ops' } } },
    { Sid: 'NoDelete', Effect: 'Deny', Action: 'mobiletargeting:Delete*', Resource: '*' },
  ],
};
const context: RequestContext = { 'aws:PrincipalTag/team': 'ops', 'aws:SourceIp': '203.0.113.5', 'aws:CurrentTime': '2024-06-01T00:00:00Z' };
const requests = [
  ['mobiletargeting:GetSegment', SEG],
  ['mobiletargeting:UpdateSegment', SEG],
  ['mobiletargeting:DeleteApp', APP],
  ['mobiletargeting:CreateCampaign', APP],
] as const;

// 200 statements over many actions and apps, a quarter with conditions, a few wildcards.
const verbs = ['Get', 'Update', 'Create', 'Delete', 'List', 'Put', 'Send', 'Remove'];
const nouns = ['App', 'Segment', 'Campaign', 'Journey', 'Endpoint', 'Template', 'Channel', 'Settings', 'Export', 'Import'];
function bigPolicy(statements: number): object {
  return {
    Version: '2012-10-17',
    Statement: Array.from({ length: statements }, (_, i) => ({
      Sid: `S${i}`,
      Effect: i % 10 === 9 ? 'Deny' : 'Allow',
      Action:
        i % 25 === 0
          ? `mobiletargeting:${verbs[i % verbs.length]}*`
          : [`mobiletargeting:${verbs[i % verbs.length]}${nouns[(i >> 3) % nouns.length]}`, `mobiletargeting:${verbs[(i + 1) % verbs.length]}${nouns[i % nouns.length]}`],
      Resource: `arn:aws:mobiletargeting:us-east-1:${ACCT}:apps/app${i % 40}/*`,
      ...(i % 4 === 1 ? { Condition: { StringEquals: { 'aws:PrincipalTag/team': ['ops', `team${i}`] }, IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } } : {}),
    })),
  };
}
const big = bigPolicy(200);
const bigRequests = Array.from({ length: 64 }, (_, i) => [
  `mobiletargeting:${verbs[i % verbs.length]}${nouns[(i * 3) % nouns.length]}`,
  `arn:aws:mobiletargeting:us-east-1:${ACCT}:apps/app${i % 40}/segments/s${i}`,
] as const);

function decisionsPerSecond(policy: object, reqs: readonly (readonly [string, string])[], cacheSize: number): number {
  const compiled = compilePolicies({ policies: [policy] }, { decisionCacheSize: cacheSize });
  const mask = reqs.length - 1;
  return rate((i) => {
    const [action, resource] = reqs[i & mask] as readonly [string, string];
    return compiled.evaluate(action, resource, context).decision === 'Allow';
  });
}

const smallUncached = decisionsPerSecond(small, requests, 0);
const smallCached = decisionsPerSecond(small, requests, 10_000);
const bigUncached = decisionsPerSecond(big, bigRequests, 0);
const bigCached = decisionsPerSecond(big, bigRequests, 10_000);
const oneShot = rate((i) => {
  const [action, resource] = requests[i & 3] as readonly [string, string];
  return evaluate({ policies: [small], action, resource, context }).decision === 'Allow';
});

// Fresh documents per run, built outside the timing, so neither the build nor the per-document
// parse cache is measured.
const docs1000 = Array.from({ length: 15 }, () => bigPolicy(1000));
let nextDoc = 0;
const compile1000 = duration(() => compilePolicies({ policies: [docs1000[nextDoc++] as object] }, { decisionCacheSize: 0 }));
const parse1000Text = JSON.stringify(bigPolicy(1000));
const parseOnly = duration(() => parsePolicy(parse1000Text));

const evil = `${'*a'.repeat(30)}*b`;
const longResource = `apps/${'a'.repeat(10_240)}`;
const longArn = `arn:aws:mobiletargeting:us-east-1:${ACCT}:${longResource}`;
const pathologicalWildcard = duration(() => matchWildcard(evil, longResource), 51);
const pathologicalArn = duration(() => matchArn(`arn:aws:mobiletargeting:us-east-1:${ACCT}:${evil}`, longArn), 51);
const longCompare = duration(() => longArn === `${longArn}`, 51);

const rows: [string, string, string][] = [
  ['baseline: string compare', `${fmt(baselineCompare)} /s`, '1.00x'],
  ['3 statements, uncached', `${fmt(smallUncached)} /s`, `${(smallUncached / baselineCompare).toFixed(3)}x baseline`],
  ['3 statements, cached', `${fmt(smallCached)} /s`, `${(smallCached / baselineCompare).toFixed(3)}x baseline`],
  ['3 statements, evaluate() on raw doc', `${fmt(oneShot)} /s`, `${(oneShot / baselineCompare).toFixed(3)}x baseline`],
  ['200 statements, uncached', `${fmt(bigUncached)} /s`, `${(bigUncached / baselineCompare).toFixed(3)}x baseline`],
  ['200 statements, cached', `${fmt(bigCached)} /s`, `${(bigCached / baselineCompare).toFixed(3)}x baseline`],
  ['compile 1,000 statements (parse+compile)', `${compile1000.toFixed(2)} ms`, `goal < 50 ms`],
  ['  of which parse only (JSON text)', `${parseOnly.toFixed(2)} ms`, ''],
  ['pathological *a*a...*b (30 stars) vs 10 kB, matchWildcard', `${(pathologicalWildcard * 1000).toFixed(1)} µs`, `${(pathologicalWildcard / longCompare).toFixed(1)}x a 10 kB string compare`],
  ['same via matchArn against a 10 kB ARN', `${(pathologicalArn * 1000).toFixed(1)} µs`, `${(pathologicalArn / longCompare).toFixed(1)}x a 10 kB string compare`],
];
const width = Math.max(...rows.map((r) => r[0].length));
console.log(`policy engine benchmark (node ${process.version})`);
for (const [name, value, ratio] of rows) console.log(`${name.padEnd(width)}  ${value.padStart(16)}  ${ratio}`);
if (sink === -1) console.log(sink);
