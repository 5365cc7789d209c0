/** The version `pinpoint-guard --version` prints, read without loading anything else. */
import { readFileSync } from 'node:fs';

/**
 * The package's version, from the nearest `pinpoint-guard` package.json above this module (two levels up when run in
 * place from src/cli, three when built into dist/src/cli); `unknown` when there is none.
 */
export function packageVersion(): string {
  for (let dir = new URL('../', import.meta.url), i = 0; i < 4; dir = new URL('../', dir), i++) {
    try {
      const pkg = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === 'pinpoint-guard' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // not here: look one level up
    }
  }
  return 'unknown';
}
