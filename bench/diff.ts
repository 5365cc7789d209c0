/**
 * Times `diffPolicies` on two 200-statement policies with conditions (the second a typical change of the first: one
 * statement widened, one condition relaxed, one deny dropped, statements reordered), against a baseline measured in the
 * same process: the permission matrix of the same two policies (123 decisions each). Goal: under 2 s per diff. Not a test.
 */
import { performance } from 'node:perf_hooks';
import { diffPolicies, permissionMatrix } from '../src/tooling/index.js';

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
const GOAL_MS = 2000;

/** 200 statements of the kinds real policies have, with conditions on a third of them. */
function bigPolicy(change: boolean): { Version: string; Statement: object[] } {
  const statements: Record<string, unknown>[] = Array.from({ length: 200 }, (_, i) => {
    const app = `arn:aws:mobiletargeting:${REGION}:${ACCOUNT}:apps/app${i % 40}`;
    const kinds: object[] = [
      { Effect: 'Allow', Action: ['mobiletargeting:Get*', 'mobiletargeting:List*'], Resource: [app, `${app}/*`] },
      { Effect: 'Allow', Action: ['mobiletargeting:UpdateSegment', 'mobiletargeting:DeleteSegment'], Resource: `${app}/segments/seg${i}`, Condition: { IpAddress: { 'aws:SourceIp': `10.${i % 8}.0.0/16` } } },
      { Effect: 'Allow', Action: 'mobiletargeting:Send*', Resource: app, Condition: { StringEquals: { 'aws:RequestedRegion': REGION }, Bool: { 'aws:SecureTransport': 'true' } } },
      { Effect: 'Deny', Action: 'mobiletargeting:Delete*', Resource: `${app}/campaigns/*`, Condition: { StringNotEquals: { 'aws:PrincipalTag/team': 'ops' } } },
      { Effect: 'Allow', Action: 'mobiletargeting:*Template*', Resource: `arn:aws:mobiletargeting:*:${ACCOUNT}:templates/t${i}/*`, Condition: { DateLessThan: { 'aws:CurrentTime': '2027-01-01T00:00:00Z' } } },
    ];
    return { Sid: `S${i}`, ...(kinds[i % kinds.length] as object) };
  });
  if (change) {
    statements[0] = { ...statements[0], Resource: `arn:aws:mobiletargeting:${REGION}:${ACCOUNT}:apps/*` };
    statements[1] = { ...statements[1], Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } };
    statements.splice(3, 1);
    statements.reverse();
  }
  return { Version: '2012-10-17', Statement: statements };
}

/** CPU milliseconds of this process per run, beside the wall time: on a shared machine the wall time also counts waiting. */
const cpu: Record<string, number> = {};

function time(runs: number, fn: () => void, label = ''): number {
  fn(); // warm up the JIT
  const start = performance.now();
  const startCpu = process.cpuUsage();
  for (let i = 0; i < runs; i++) fn();
  const used = process.cpuUsage(startCpu);
  cpu[label] = (used.user + used.system) / 1000 / runs;
  return (performance.now() - start) / runs;
}

const RUNS = 3;
const before = bigPolicy(false);
const after = bigPolicy(true);
let summary = '';
// Fresh documents each run, so no cache of the engine or of diff carries over.
const diffMs = time(RUNS, () => {
  const d = diffPolicies({ before: { policies: [structuredClone(before)] }, after: { policies: [structuredClone(after)] } });
  summary = `${d.verdict}: ${d.added.length} added, ${d.removed.length} removed, ${d.notes.length} notes`;
}, 'diff');
const sameMs = time(RUNS, () => {
  diffPolicies({ before: { policies: [structuredClone(before)] }, after: { policies: [structuredClone(before)] } });
}, 'same');
const baselineMs = time(RUNS, () => {
  for (const doc of [before, after]) permissionMatrix({ policies: [structuredClone(doc)], region: REGION, accountId: ACCOUNT, resources: { ApplicationId: 'app7' } });
}, 'baseline');

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
console.log(`diffPolicies, two 200-statement policies with conditions (mean of ${RUNS} runs)`);
console.log(`  a change (${summary}):  ${fmt(diffMs)} wall, ${fmt(cpu.diff ?? 0)} CPU  goal < ${GOAL_MS} ms: ${diffMs < GOAL_MS ? 'met' : 'MISSED'}`);
console.log(`  the same policy on both sides:             ${fmt(sameMs)} wall, ${fmt(cpu.same ?? 0)} CPU`);
console.log(`  baseline: the permission matrix of each side: ${fmt(baselineMs)} wall, ${fmt(cpu.baseline ?? 0)} CPU`);
console.log(`  ratio diff / baseline: ${(diffMs / baselineMs).toFixed(1)}`);
