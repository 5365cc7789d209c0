/**
 * `npm run codegen` writes generated/ from catalog/; `npm run codegen -- --check` writes nothing and exits 1 naming
 * every stale, missing or extra file. The only stage that touches the disk.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { CatalogError } from './catalog/load.js';
import { readCatalog } from './catalog/read.js';
import { generate } from './generate.js';

const OUT = join(import.meta.dirname, '..', 'generated');

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? listFiles(p) : [relative(OUT, p)];
  });
}

function main(argv: readonly string[]): number {
  const check = argv.includes('--check');
  let files: ReadonlyMap<string, string>;
  try {
    files = generate(readCatalog());
  } catch (e) {
    if (e instanceof CatalogError) { console.error(e.message); return 2; }
    throw e;
  }
  const existing = new Set(listFiles(OUT));
  const stale: string[] = [];
  for (const [path, text] of files) {
    const target = join(OUT, path);
    const same = existing.has(path) && readFileSync(target, 'utf8') === text;
    existing.delete(path);
    if (same) continue;
    stale.push(`${existsSync(target) ? 'stale' : 'missing'}: generated/${path}`);
    if (!check) { mkdirSync(dirname(target), { recursive: true }); writeFileSync(target, text); }
  }
  for (const extra of existing) {
    stale.push(`extra: generated/${extra}`);
    if (!check) rmSync(join(OUT, extra));
  }
  if (check) {
    if (stale.length) { console.error(`generated/ is out of date with catalog/ (run npm run codegen):\n${stale.join('\n')}`); return 1; }
    console.log(`generated/ is up to date (${files.size} files)`);
    return 0;
  }
  console.log(`codegen: ${files.size} files, ${stale.length} written or removed`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
