/**
 * `npm run bench:startup`: cold start, measured as a user meets it — a new node process that imports the built
 * package (dist/, as published) — side by side with a new process that requires @aws-sdk/client-pinpoint, and the CLI's
 * `--version` and `--help` against a bare `node -e 0`. Two figures per import: the whole process (node's own start-up
 * included, the same on both sides) and the import alone, timed inside that fresh process around the `import()` /
 * `require()` — the part a package controls. Runs are interleaved, so load on the machine hits every candidate alike,
 * and each figure is a median. Prints the ratios; not a test.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const ROUNDS = Number(process.env.ROUNDS ?? 21);

if (!existsSync(join(ROOT, 'dist/src/index.js'))) {
  console.error('bench:startup measures the built package: run `npm run build` first');
  process.exit(2);
}

const CANDIDATES = {
  'node -e 0': ['-e', '0'],
  "import('pinpoint-guard')": ['--input-type=module', '-e', "await import('pinpoint-guard')"],
  "import('pinpoint-guard/testing')": ['--input-type=module', '-e', "await import('pinpoint-guard/testing')"],
  "require('@aws-sdk/client-pinpoint')": ['-e', "require('@aws-sdk/client-pinpoint')"],
  'pinpoint-guard --version': ['dist/src/cli/main.js', '--version'],
  'pinpoint-guard --help': ['dist/src/cli/main.js', '--help'],
} as const satisfies Record<string, readonly string[]>;
type Name = keyof typeof CANDIDATES;

// The import alone, timed in a fresh process: the child prints the milliseconds its import took.
const IMPORT_ALONE = {
  "import('pinpoint-guard')": [
    '--input-type=module',
    '-e',
    "const t = performance.now(); await import('pinpoint-guard'); console.log(performance.now() - t)",
  ],
  "require('@aws-sdk/client-pinpoint')": [
    '-e',
    "const t = performance.now(); require('@aws-sdk/client-pinpoint'); console.log(performance.now() - t)",
  ],
} as const satisfies Record<string, readonly string[]>;
type ImportName = keyof typeof IMPORT_ALONE;

function run(args: readonly string[]): { readonly ms: number; readonly stdout: string } {
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (child.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${child.stderr.toString()}`);
  return { ms, stdout: child.stdout.toString() };
}
const once = (args: readonly string[]): number => run(args).ms;
function importAlone(args: readonly string[]): number {
  const ms = Number(run(args).stdout.trim());
  if (!Number.isFinite(ms)) throw new Error(`node ${args.join(' ')} printed no duration`);
  return ms;
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;

const samples = Object.fromEntries(Object.keys(CANDIDATES).map((k) => [k, [] as number[]])) as Record<Name, number[]>;
const alone = Object.fromEntries(Object.keys(IMPORT_ALONE).map((k) => [k, [] as number[]])) as Record<ImportName, number[]>;
for (const args of Object.values(CANDIDATES)) once(args); // warm the file cache once
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, args] of Object.entries(CANDIDATES) as [Name, readonly string[]][]) samples[name].push(once(args));
  for (const [name, args] of Object.entries(IMPORT_ALONE) as [ImportName, readonly string[]][]) {
    alone[name].push(importAlone(args));
  }
}
const m = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)])) as Record<Name, number>;
for (const name of Object.keys(m) as Name[]) console.log(`${name.padEnd(38)} ${m[name].toFixed(1).padStart(7)} ms (median of ${ROUNDS})`);
const bare = m['node -e 0'];
console.log();
const ours = m["import('pinpoint-guard')"];
const sdk = m["require('@aws-sdk/client-pinpoint')"];
const oursAlone = median(alone["import('pinpoint-guard')"]);
const sdkAlone = median(alone["require('@aws-sdk/client-pinpoint')"]);
console.log(
  `the import alone, in a fresh process: ${oursAlone.toFixed(1)} ms vs ${sdkAlone.toFixed(1)} ms — ` +
    `import('pinpoint-guard') / require('@aws-sdk/client-pinpoint'): ${(oursAlone / sdkAlone).toFixed(2)} (goal ≤ 0.5)`,
);
// The whole-process ratio carries node's own start-up on both sides, which neither package controls.
console.log(`the whole process: ${(ours / sdk).toFixed(2)} (node -e 0 alone is ${(bare / sdk).toFixed(2)} of the SDK's)`);
console.log(`  time above bare node: ${(ours - bare).toFixed(1)} ms vs ${(sdk - bare).toFixed(1)} ms (${((ours - bare) / (sdk - bare)).toFixed(2)})`);
console.log(`pinpoint-guard --version above bare node: ${(m['pinpoint-guard --version'] - bare).toFixed(1)} ms (goal ≤ 100)`);
console.log(`pinpoint-guard --help above bare node: ${(m['pinpoint-guard --help'] - bare).toFixed(1)} ms (goal ≤ 100)`);
