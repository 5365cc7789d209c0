import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { checkSourcePolicy, MissingPeerDependencyError, policyFromSource } from '../../../src/tooling/source/index.js';
import { ToolingInputError } from '../../../src/tooling/index.js';
import { ROOT } from '../../cli/support.js';
import { ENV, FIXTURE } from './expectations.js';

/** A loader that fails as Node's import of a package that is not installed does. */
const missing = () => Promise.reject(Object.assign(new Error("Cannot find package 'ts-morph' imported from /app/node_modules/pinpoint-guard/dist/src/tooling/source/load.js"), { code: 'ERR_MODULE_NOT_FOUND' }));

describe('ts-morph as an optional peer dependency', () => {
  it('names the missing package and how to install it, as an input error (exit 2 on the command line)', async () => {
    const failure = policyFromSource({ project: FIXTURE, ...ENV }, { loadTsMorph: missing });
    await expect(failure).rejects.toBeInstanceOf(MissingPeerDependencyError);
    await expect(failure).rejects.toBeInstanceOf(ToolingInputError);
    await expect(failure).rejects.toThrow(/optional peer dependency ts-morph, which is not installed .*; install it with `npm install --save-dev ts-morph`/);
    await expect(checkSourcePolicy({ project: FIXTURE, ...ENV, policy: {} }, { loadTsMorph: missing })).rejects.toThrow(/ts-morph/);
  });

  it('does not hide another failure of the import behind that message', async () => {
    const broken = () => Promise.reject(new SyntaxError('Unexpected token in ts-morph'));
    await expect(policyFromSource({ project: FIXTURE, ...ENV }, { loadTsMorph: broken })).rejects.toThrow(SyntaxError);
  });

  it('is not loaded by importing the package root or pinpoint-guard/tooling, which exports policyFromSource', async () => {
    const script = `
      import { createRequire } from 'node:module';
      await import('./src/index.ts');
      const root = await import('./src/tooling/index.ts');
      const loaded = Object.keys(createRequire(import.meta.url).cache).filter((f) => /[\\\\/]ts-morph[\\\\/]|[\\\\/]typescript[\\\\/]/.test(f));
      console.log(JSON.stringify({ exported: typeof root.policyFromSource, loaded }));`;
    const out = await new Promise<string>((resolve, reject) => execFile(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, timeout: 60_000 },
      (error, stdout) => (error ? reject(error) : resolve(stdout))));
    expect(JSON.parse(out)).toEqual({ exported: 'function', loaded: [] });
  }, 70_000);
});
