/**
 * Policy engine benchmark: decisions per second (uncached and cached) for a 3- and a 200-statement
 * policy, one-shot `evaluate()` on the same raw document (text, frozen object, plain object), a
 * decision for a resource never seen before, decisions with unknown keys, compile time for 1,000
 * statements, and a pathological wildcard against a 10 kB ARN.
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

/** One-shot `evaluate()` on the same raw document, called repeatedly. */
function oneShotPerSecond(doc: object | string, reqs: readonly (readonly [string, string])[]): number {
  const mask = reqs.length - 1;
  return rate((i) => {
    const [action, resource] = reqs[i & mask] as readonly [string, string];
    return evaluate({ policies: [doc], action, resource, context }).decision === 'Allow';
  });
}
function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null) for (const x of Object.values(v)) deepFreeze(x);
  return Object.freeze(v);
}
const bigText = JSON.stringify(big);
const bigOneShotText = oneShotPerSecond(bigText, bigRequests);
const bigOneShotFrozen = oneShotPerSecond(deepFreeze(bigPolicy(200)), bigRequests);
const bigOneShotObject = oneShotPerSecond(big, bigRequests);

/**
 * Microseconds per decision when every request names a resource never seen before (a cache miss
 * each time). The ARN is built per call, as the guard builds it, so the figure includes that; the
 * median of several windows, since a miss allocates and a single window may catch a collection.
 */
function freshResourceMicros(policy: object, action: string, ctx: RequestContext = context): number {
  const compiled = compilePolicies({ policies: [policy] });
  let next = 0;
  const windows: number[] = [];
  for (let w = 0; w < 7; w++) {
    windows.push(1e6 / rate(() => compiled.evaluate(action, `arn:aws:mobiletargeting:us-east-1:${ACCT}:apps/app${next % 40}/segments/fresh${next++}`, ctx).decision === 'Allow', 200));
  }
  return windows.sort((a, b) => a - b)[3] as number;
}
const freshSmall = freshResourceMicros(small, 'mobiletargeting:GetSegment');
// The row compared with iam-simulate (in a scratch folder, never from here: it is AGPL): 5 context keys, as a guarded
// call over TLS carries (the principal's tag, source IP, time, Region, secure transport).
const context5: RequestContext = { ...context, 'aws:RequestedRegion': 'us-east-1', 'aws:SecureTransport': 'true' };
const freshSmall5 = freshResourceMicros(small, 'mobiletargeting:GetSegment', context5);
const freshBig = freshResourceMicros(big, 'mobiletargeting:GetSegment');

// Unknown keys: the guard passes one frozen array per client; a Deny over aws:SourceIp makes the
// decision Conditional, an Allow that does not read it stays certain.
const guardrail = { ...small, Statement: [...small.Statement, { Effect: 'Deny', Action: '*', Resource: '*', Condition: { NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } }] };
const unknownKeys = Object.freeze(['aws:SourceIp', 'aws:ResourceTag/*']);
function unknownPerSecond(policy: object, cacheSize: number): number {
  const compiled = compilePolicies({ policies: [policy] }, { decisionCacheSize: cacheSize });
  const ctx = { 'aws:PrincipalTag/team': 'ops' };
  return rate((i) => {
    const [action, resource] = requests[i & 3] as readonly [string, string];
    return compiled.evaluate(action, resource, ctx, { unknownKeys }).decision === 'Allow';
  });
}
const unknownUncached = unknownPerSecond(guardrail, 0);
const unknownCached = unknownPerSecond(guardrail, 10_000);

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
  ['  cached / uncached (3 | 200 statements)', `${(smallCached / smallUncached).toFixed(2)}x | ${(bigCached / bigUncached).toFixed(2)}x`, 'goal > 1'],
  ['200 statements, evaluate() on the same JSON text', `${fmt(bigOneShotText)} /s`, `compiled uncached is ${(bigUncached / bigOneShotText).toFixed(2)}x faster (goal <= 1.5)`],
  ['200 statements, evaluate() on the same frozen object', `${fmt(bigOneShotFrozen)} /s`, `compiled uncached is ${(bigUncached / bigOneShotFrozen).toFixed(2)}x faster (goal <= 1.5)`],
  ['200 statements, evaluate() on the same plain object', `${fmt(bigOneShotObject)} /s`, `compiled uncached is ${(bigUncached / bigOneShotObject).toFixed(2)}x faster (content re-checked per call)`],
  ['never-seen resource, 3 statements (cache miss)', `${freshSmall.toFixed(2)} µs`, 'goal < 2 µs'],
  ['never-seen resource, 3 statements, 5-key context', `${fmt(1e6 / freshSmall5)} /s`, `${freshSmall5.toFixed(2)} µs per decision (the row compared with iam-simulate)`],
  ['never-seen resource, 200 statements (cache miss)', `${freshBig.toFixed(2)} µs`, ''],
  ['3 statements + aws:SourceIp guardrail, unknown keys, uncached', `${fmt(unknownUncached)} /s`, `${(unknownUncached / baselineCompare).toFixed(3)}x baseline`],
  ['  same, cached', `${fmt(unknownCached)} /s`, `${(unknownCached / unknownUncached).toFixed(2)}x uncached`],
  ['compile 1,000 statements (parse+compile)', `${compile1000.toFixed(2)} ms`, `goal < 50 ms`],
  ['  of which parse only (JSON text)', `${parseOnly.toFixed(2)} ms`, ''],
  ['pathological *a*a...*b (30 stars) vs 10 kB, matchWildcard', `${(pathologicalWildcard * 1000).toFixed(1)} µs`, `${(pathologicalWildcard / longCompare).toFixed(1)}x a 10 kB string compare`],
  ['same via matchArn against a 10 kB ARN', `${(pathologicalArn * 1000).toFixed(1)} µs`, `${(pathologicalArn / longCompare).toFixed(1)}x a 10 kB string compare`],
];
const width = Math.max(...rows.map((r) => r[0].length));
console.log(`policy engine benchmark (node ${process.version})`);
for (const [name, value, ratio] of rows) console.log(`${name.padEnd(width)}  ${value.padStart(16)}  ${ratio}`);
if (sink === -1) console.log(sink);
