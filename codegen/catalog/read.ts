/** Reads the catalog folder from disk (the only disk access of the load stage). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadCatalog, type SourceText } from './load.js';
import type { Catalog } from './types.js';

export const CATALOG_DIR = join(import.meta.dirname, '..', '..', 'catalog');

export function readCatalog(dir: string = CATALOG_DIR): Catalog {
  const rel = (p: string): string => relative(join(dir, '..'), p);
  const read = (p: string): SourceText => ({ path: rel(p), text: readFileSync(p, 'utf8') });
  const actionsDir = join(dir, 'actions');
  const actions = readdirSync(actionsDir).filter((f) => f.endsWith('.yaml')).sort().map((f) => read(join(actionsDir, f)));
  const optional = (file: string): SourceText | undefined => (existsSync(join(dir, file)) ? read(join(dir, file)) : undefined);
  const files = {
    conditionKeys: optional('condition-keys.yaml'), facts: optional('aws-facts.yaml'), descriptions: optional('descriptions.yaml'),
    caveats: optional('lifecycle-caveats.yaml'), examples: optional('examples.yaml'),
  };
  return loadCatalog({
    shapes: [read(join(dir, 'shapes.yaml'))], actions,
    ...Object.fromEntries(Object.entries(files).filter(([, f]) => f !== undefined)),
  });
}
