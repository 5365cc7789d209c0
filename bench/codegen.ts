/**
 * `npm run bench:codegen`: times the generator on the real catalog and on a synthetic catalog of 1,000 operations
 * (the real entries cloned under new names), and prints both with their ratio per operation. Not a test.
 */
import { readCatalog } from '../codegen/catalog/read.js';
import { generate } from '../codegen/generate.js';
import type { Catalog, CatalogEntry } from '../codegen/catalog/types.js';

function synthetic(real: Catalog, size: number): Catalog {
  const withOps = real.entries.filter((e) => e.operation);
  const entries: CatalogEntry[] = [];
  for (let i = 0; entries.length < size; i++) {
    const e = withOps[i % withOps.length]!;
    const n = Math.floor(i / withOps.length);
    const name = n === 0 ? e.actionName : `${e.actionName}X${n}`;
    entries.push({ ...e, action: `mobiletargeting:${name}`, actionName: name, operation: { ...e.operation!, name } });
  }
  return { ...real, entries };
}

function time(label: string, run: () => unknown, repeat: number): number {
  run(); // warm-up: module loading and JIT should not count
  const start = performance.now();
  for (let i = 0; i < repeat; i++) run();
  const ms = (performance.now() - start) / repeat;
  console.log(`${label.padEnd(34)} ${ms.toFixed(0).padStart(6)} ms`);
  return ms;
}

const loadStart = performance.now();
const real = readCatalog();
console.log(`${'load + validate real catalog'.padEnd(34)} ${(performance.now() - loadStart).toFixed(0).padStart(6)} ms`);
const big = synthetic(real, 1000);
const realOps = real.entries.filter((e) => e.operation).length;
const a = time(`generate real catalog (${realOps} ops)`, () => generate(real), 3);
const b = time('generate synthetic (1,000 ops)', () => generate(big), 2);
const perOpRatio = b / 1000 / (a / realOps);
console.log(`ratio synthetic/real: ${(b / a).toFixed(2)}x for ${(1000 / realOps).toFixed(2)}x the operations`);
console.log(`per-operation cost ratio (1,000 vs ${realOps}): ${perOpRatio.toFixed(2)} (≤ ~1 means no worse than linear)`);
console.log(`goal: real catalog under 5,000 ms — ${a < 5000 ? 'met' : 'NOT met'}`);
