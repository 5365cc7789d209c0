/**
 * Lint, parse and check on large wildcard-heavy policies (issue 25): the time of each against the size of the policy,
 * in CPU milliseconds with the ratio of each size's time to the smallest one's, so near-linear growth shows as ratios near the size ratio.
 * Also a policy nested past any recursion limit. Not a test: nothing here asserts timings.
 *
 *   npx tsx bench/hostile-policy.ts [kB ...]    (default 15 30 60 120 240)
 */
import { lintPolicy } from '../src/tooling/lint/index.js';
import { checkPermission } from '../src/tooling/check.js';
import { parsePolicy } from '../src/policy/index.js';

const VERBS = ['Get', 'Create', 'Update', 'Delete', 'Send', 'List', 'Put', 'Remove'];
const KINDS = ['Segment', 'Campaign', 'Journey', 'Template', 'Endpoint', 'App', 'Channel', 'Job'];

/** A policy of about `kB` kilobytes: statements of wildcard actions and wildcard ARNs, every one distinct. */
export function wildcardPolicy(kB: number): string {
  const statements: object[] = [];
  let size = 0;
  for (let i = 0; size < kB * 1024; i++) {
    const verb = VERBS[i % VERBS.length]!;
    const kind = KINDS[(i >> 3) % KINDS.length]!;
    const s = {
      Sid: `S${i}`,
      Effect: i % 7 === 0 ? 'Deny' : 'Allow',
      Action: [`mobiletargeting:${verb}*`, `mobiletargeting:*${kind}*`, `mobiletargeting:${verb}${kind}*`, `mobiletargeting:*${i}*`],
      Resource: [`arn:aws:mobiletargeting:*:*:apps/*${i}*`, `arn:aws:mobiletargeting:us-*:*:apps/a${i}*/segments/*`, `arn:aws:mobiletargeting:*:*:apps/*/${kind.toLowerCase()}s/*${i}`],
    };
    size += JSON.stringify(s).length + 1;
    statements.push(s);
  }
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

/** CPU milliseconds of `fn` (user + system): on a shared machine, wall time mostly measures the neighbours. */
/** A policy of about `kB` kilobytes of many small statements, each one wildcard action on one wildcard ARN. */
export function manySmallStatements(kB: number): string {
  const statements: object[] = [];
  let size = 0;
  for (let i = 0; size < kB * 1024; i++) {
    const s = { Effect: 'Allow', Action: `mobiletargeting:${VERBS[i % VERBS.length]}*`, Resource: `arn:aws:mobiletargeting:*:*:apps/p${i}*/*` };
    size += JSON.stringify(s).length + 1;
    statements.push(s);
  }
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

/** A policy of about `kB` kilobytes where every statement grants every action on eight wildcard ARNs. */
export function broadStatements(kB: number): string {
  const statements: object[] = [];
  let size = 0;
  for (let i = 0; size < kB * 1024; i++) {
    const s = { Effect: 'Allow', Action: ['mobiletargeting:*', `mobiletargeting:Get*${i}`], Resource: Array.from({ length: 8 }, (_, k) => `arn:aws:mobiletargeting:*:*:apps/*${i}-${k}*/*`) };
    size += JSON.stringify(s).length + 1;
    statements.push(s);
  }
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

function time(fn: () => unknown): number {
  const before = process.cpuUsage();
  fn();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

function main(): void {
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const base: Record<string, number> = {};
// Warm-up: the catalog tables and the JIT, so the first size is not charged for them.
lintPolicy(wildcardPolicy(5));
for (const [shape, make] of [['wildcard statements', wildcardPolicy], ['many small statements', manySmallStatements], ['broad statements', broadStatements]] as const) {
console.log(shape);
for (const kB of sizes.length > 0 ? sizes : [15, 30, 60, 120, 240]) {
  const text = make(kB);
  const statements = (JSON.parse(text) as { Statement: unknown[] }).Statement.length;
  const parse = time(() => parsePolicy(text));
  const lint = time(() => lintPolicy(text, { now: new Date('2026-01-01') }));
  const check = time(() => checkPermission({ region: 'us-east-1', accountId: '123456789012', policies: [text], action: 'mobiletargeting:GetSegment', resource: 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/a12/segments/s1' }));
  const row = { parse, lint, check };
  const ratios = Object.entries(row).map(([k, v]) => `${k} ${v.toFixed(0)} ms (×${((base[k] ??= v) > 0 ? v / base[k]! : 0).toFixed(1)})`);
  console.log(`${String(Math.round(text.length / 1024)).padStart(4)} kB, ${String(statements).padStart(5)} statements: ${ratios.join(', ')}`);
}
for (const k of Object.keys(base)) delete base[k];
}

// Width: one Resource of 240 kB holding 80,000 wildcards (and a variable) once overflowed the stack in the parser.
const wide = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'mobiletargeting:GetApp', Resource: `arn:aws:mobiletargeting:*:*:apps/\${aws:username}${'*a?'.repeat(80_000)}` }] });
console.log(`wide pattern (${Math.round(wide.length / 1024)} kB): parse ${time(() => parsePolicy(wide)).toFixed(0)} ms, lint ${time(() => lintPolicy(wide)).toFixed(0)} ms`);

// Depth: a condition value nested 100,000 arrays deep must be refused with a finding, not overflow the stack.
const deep = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"mobiletargeting:GetApp","Resource":"*","Condition":{"StringEquals":{"aws:username":${'['.repeat(100_000)}${']'.repeat(100_000)}}}}]}`;
for (const [name, fn] of [['parse', () => parsePolicy(deep)], ['lint', () => lintPolicy(deep)]] as const) {
  try {
    fn();
    console.log(`deep nesting: ${name} returned`);
  } catch (e) {
    console.log(`deep nesting: ${name} threw ${(e as Error).name}: ${(e as Error).message.slice(0, 120)}`);
  }
}
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, '/'))) main();
