/**
 * `npm run codegen` writes generated/ from catalog/; `npm run codegen -- --check` writes nothing and exits 1 naming
 * every stale, missing or extra file; a malformed catalog exits 2 listing every problem. `--catalog DIR` and
 * `--out DIR` point elsewhere (tests use them). The only stage that touches the disk.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { CatalogError } from './catalog/load.js';
import { CATALOG_DIR, readCatalog } from './catalog/read.js';
import { generate } from './generate.js';

const DEFAULT_OUT = join(import.meta.dirname, '..', 'generated');

function listFiles(root: string, dir: string = root): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? listFiles(root, p) : [relative(root, p)];
  });
}

function option(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

function main(argv: readonly string[]): number {
  const check = argv.includes('--check');
  const out = resolve(option(argv, '--out') ?? DEFAULT_OUT);
  const catalogDir = resolve(option(argv, '--catalog') ?? CATALOG_DIR);
  const shown = (p: string): string => relative(process.cwd(), join(out, p));
  let files: ReadonlyMap<string, string>;
  try {
    files = generate(readCatalog(catalogDir));
  } catch (e) {
    if (e instanceof CatalogError) { console.error(e.message); return 2; }
    throw e;
  }
  const existing = new Set(listFiles(out));
  const stale: string[] = [];
  for (const [path, text] of files) {
    const target = join(out, path);
    const same = existing.has(path) && readFileSync(target, 'utf8') === text;
    existing.delete(path);
    if (same) continue;
    stale.push(`${existsSync(target) ? 'stale' : 'missing'}: ${shown(path)}`);
    if (!check) { mkdirSync(dirname(target), { recursive: true }); writeFileSync(target, text); }
  }
  for (const extra of existing) {
    stale.push(`extra: ${shown(extra)}`);
    if (!check) rmSync(join(out, extra));
  }
  if (check) {
    if (stale.length) { console.error(`${relative(process.cwd(), out) || '.'} is out of date with the catalog (run npm run codegen):\n${stale.join('\n')}`); return 1; }
    console.log(`${relative(process.cwd(), out) || '.'} is up to date (${files.size} files)`);
    return 0;
  }
  console.log(`codegen: ${files.size} files, ${stale.length} written or removed`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
