/**
 * Times the full permission matrix (123 actions) for a 200-statement policy, against a baseline measured in the same
 * process: 123 one-shot `evaluate` calls on the same policy. Goal: under 50 ms per matrix. Not a test.
 */
import { performance } from 'node:perf_hooks';
import { evaluate, parsePolicy } from '../src/policy/index.js';
import { catalogActions } from '../src/tooling/catalog.js';
import { permissionMatrix } from '../src/tooling/index.js';

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
const GOAL_MS = 50;

/** 200 statements of the kinds real policies have: per-project reads, per-segment writes, wildcards, conditions, denies. */
function bigPolicy(): object {
  const statements = Array.from({ length: 200 }, (_, i) => {
    const app = `arn:aws:mobiletargeting:${REGION}:${ACCOUNT}:apps/app${i % 40}`;
    const kinds = [
      { Effect: 'Allow', Action: ['mobiletargeting:Get*', 'mobiletargeting:List*'], Resource: [app, `${app}/*`] },
      { Effect: 'Allow', Action: ['mobiletargeting:UpdateSegment', 'mobiletargeting:DeleteSegment'], Resource: `${app}/segments/seg${i}` },
      { Effect: 'Allow', Action: 'mobiletargeting:Send*', Resource: app, Condition: { StringEquals: { 'aws:RequestedRegion': REGION } } },
      { Effect: 'Deny', Action: 'mobiletargeting:Delete*', Resource: `${app}/campaigns/*` },
      { Effect: 'Allow', NotAction: 'mobiletargeting:Delete*', Resource: `arn:aws:mobiletargeting:*:${ACCOUNT}:templates/t${i}/*` },
    ];
    return { Sid: `S${i}`, ...kinds[i % kinds.length] };
  });
  return { Version: '2012-10-17', Statement: statements };
}

function time(runs: number, fn: () => void): number {
  for (let i = 0; i < 5; i++) fn(); // warm up the JIT
  const start = performance.now();
  for (let i = 0; i < runs; i++) fn();
  return (performance.now() - start) / runs;
}

const RUNS = 50;
const doc = bigPolicy();
const request = { region: REGION, accountId: ACCOUNT, resources: { ApplicationId: 'app7', SegmentId: 'seg7' } };
const resource = `arn:aws:mobiletargeting:${REGION}:${ACCOUNT}:apps/app7`;

// A fresh document each run, so neither side profits from the engine's per-document parse/compile cache.
const matrixMs = time(RUNS, () => permissionMatrix({ ...request, policies: [structuredClone(doc)] }));
const parsedMatrixMs = time(RUNS, () => permissionMatrix({ ...request, policies: [parsePolicy(structuredClone(doc))] }));
const baselineMs = time(RUNS, () => {
  for (const a of catalogActions) evaluate({ policies: [structuredClone(doc)], action: a.action, resource });
});
// The same 123 evaluate() calls on one document object: parsed and compiled once by the engine's cache.
const cachedBaselineMs = time(RUNS, () => {
  for (const a of catalogActions) evaluate({ policies: [doc], action: a.action, resource });
});
const warmMatrixMs = time(RUNS, () => permissionMatrix({ ...request, policies: [doc] }));

const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
console.log(`permission matrix, 200-statement policy, ${catalogActions.length} actions (mean of ${RUNS} runs)`);
console.log(`  full matrix (parse + compile + 123 decisions):      ${fmt(matrixMs)}  goal < ${GOAL_MS} ms: ${matrixMs < GOAL_MS ? 'met' : 'MISSED'}`);
console.log(`  matrix with parse inside the timing via parsePolicy: ${fmt(parsedMatrixMs)}`);
console.log(`  matrix, document already parsed and compiled:        ${fmt(warmMatrixMs)}`);
console.log(`  baseline: 123 one-shot evaluate() calls (each parses): ${fmt(baselineMs)}`);
console.log(`  baseline, document cached by the engine:             ${fmt(cachedBaselineMs)}`);
console.log(`  ratio full matrix / baseline: ${(matrixMs / baselineMs).toFixed(3)}; warm matrix / cached baseline: ${(warmMatrixMs / cachedBaselineMs).toFixed(2)}`);
