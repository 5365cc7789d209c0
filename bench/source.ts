/**
 * Times `policyFromSource` on the fixture backend, the SDK backend and a synthetic 500-file project (generated into a
 * temp dir, three client calls and one SDK call per file), each against a baseline measured in the same process on the
 * same project: a plain ts-morph load plus a full type check (`getPreEmitDiagnostics`), the least any type-based reading
 * must do. Prints the ratio and the per-file cost. One run each: a project load takes seconds. Not a test.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Project } from 'ts-morph';
import { policyFromSource } from '../src/tooling/source/index.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FIXTURE = join(ROOT, 'test/tooling/source/fixture');
const BACKEND_SDK = join(ROOT, 'test/tooling/source/backends/sdk');
const ENV = { region: 'us-east-1', accountId: '123456789012' };
const FILES = 500;

const TSCONFIG = { compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: true, noEmit: true, types: [] }, include: ['src'] };

/**
 * 500 files: each imports the repository's client and the official SDK and makes four calls (literal ids, a parameter,
 * a paginator, an SDK `send`).
 */
function synthetic(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pinpoint-guard-bench-source-'));
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(TSCONFIG));
  const client = JSON.stringify(join(ROOT, 'src/index.js'));
  // The official SDK by path: the temp folder has no node_modules above it.
  const sdk = JSON.stringify(join(ROOT, 'node_modules/@aws-sdk/client-pinpoint/dist-types/index.js'));
  for (let i = 0; i < FILES; i++) {
    writeFileSync(join(dir, 'src', `f${i}.ts`), [
      `import { paginateGetSegments, type PinpointClient } from ${client};`,
      `import { SendMessagesCommand, type PinpointClient as SdkClient } from ${sdk};`,
      `const APP = 'app${i % 20}';`,
      `export const get${i} = (c: PinpointClient) => c.getSegment({ ApplicationId: APP, SegmentId: 'seg${i}' });`,
      `export const update${i} = (c: PinpointClient, id: string) => c.updateEndpoint({ ApplicationId: APP, EndpointId: id, EndpointRequest: {} });`,
      `export const text${i} = (c: SdkClient, to: string) => c.send(new SendMessagesCommand({ ApplicationId: APP, MessageRequest: { Addresses: { [to]: { ChannelType: 'SMS' } } } }));`,
      `export async function count${i}(c: PinpointClient) { let n = 0; for await (const p of paginateGetSegments(c, { ApplicationId: APP })) n += p.SegmentsResponse.Item.length; return n; }`,
      '',
    ].join('\n'));
  }
  return dir;
}

async function time<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

const baseline = (tsconfig: string) => {
  const project = new Project({ tsConfigFilePath: tsconfig });
  return project.getPreEmitDiagnostics().length;
};

async function measure(label: string, dir: string): Promise<number> {
  const base = await time(() => baseline(join(dir, 'tsconfig.json')));
  const run = await time(() => policyFromSource({ project: dir, ...ENV }));
  const r = run.value;
  console.log(`${label}: ${r.files} files, ${r.calls.length} calls, ${r.unresolved.length} unresolved, ${r.policy.Statement.length} statements`);
  console.log(`  policyFromSource ${run.ms.toFixed(0)} ms (${(run.ms / r.files).toFixed(1)} ms/file); baseline load + type check ${base.ms.toFixed(0)} ms; ratio ${(run.ms / base.ms).toFixed(2)}x`);
  return run.ms / r.files;
}

await policyFromSource({ project: FIXTURE, ...ENV }); // warm up: module loading and the JIT
const fixturePerFile = await measure('fixture', FIXTURE);
await measure('backend on the official SDK (server + admin)', BACKEND_SDK);
const dir = synthetic();
try {
  const syntheticPerFile = await measure(`synthetic ${FILES}-file project`, dir);
  console.log(`per-file cost, synthetic vs fixture: ${(syntheticPerFile / fixturePerFile).toFixed(2)}x (the fixture's cost is mostly loading the client's types once)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
