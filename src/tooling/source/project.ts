/** Opens the user's project with ts-morph: a tsconfig.json, or a folder (its tsconfig.json, else its .ts files). */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import type { Project, SourceFile } from 'ts-morph';
import { ToolingInputError } from '../errors.js';
import type { TsMorphModule } from './load.js';

export interface OpenProject {
  readonly project: Project;
  /** The project's own source files: under its folder, not declarations, not in node_modules. */
  readonly files: readonly SourceFile[];
  /** The folder call sites are named relative to. */
  readonly root: string;
}

/** Options for a folder without a tsconfig.json: strict, resolving packages as Node does. */
const folderOptions = ({ ts }: TsMorphModule) => ({
  strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, skipLibCheck: true, noEmit: true,
});

function tsconfigOf(path: string): string | undefined {
  const abs = resolve(path);
  if (!existsSync(abs)) throw new ToolingInputError(`project: ${path}: no such file or folder (expected a tsconfig.json or a folder of TypeScript sources)`);
  if (statSync(abs).isDirectory()) {
    const config = join(abs, 'tsconfig.json');
    return existsSync(config) ? config : undefined;
  }
  if (!abs.endsWith('.json')) throw new ToolingInputError(`project: ${path}: expected a tsconfig.json or a folder, got a file that is not JSON`);
  return abs;
}

/**
 * The project files reachable from `entries` through what they reference by module name (imports, re-exports,
 * a dynamic import of a literal, `require`), the entries included: the code that runs when they run.
 */
function reachable(project: Project, own: readonly SourceFile[], entries: readonly string[]): SourceFile[] {
  const mine = new Set(own);
  const start = entries.map((entry) => {
    const file = project.getSourceFile(resolve(entry));
    if (file === undefined || !mine.has(file)) throw new ToolingInputError(`entry: ${entry}: not a source file of the project (expected one of its .ts files, relative to the working folder)`);
    return file;
  });
  const seen = new Set<SourceFile>(start);
  const queue = [...start];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    for (const next of file.getReferencedSourceFiles()) if (mine.has(next) && !seen.has(next)) { seen.add(next); queue.push(next); }
  }
  return own.filter((f) => seen.has(f));
}

export function openProject(tsm: TsMorphModule, path: string, entries?: readonly string[]): OpenProject {
  const config = tsconfigOf(path);
  const root = config === undefined ? resolve(path) : dirname(config);
  let project: Project;
  try {
    if (config !== undefined) project = new tsm.Project({ tsConfigFilePath: config });
    else {
      project = new tsm.Project({ compilerOptions: folderOptions(tsm) });
      project.addSourceFilesAtPaths([`${root}/**/*.{ts,tsx,mts,cts}`, `!${root}/**/node_modules/**`, `!${root}/**/*.d.ts`]);
    }
  } catch (e) {
    throw new ToolingInputError(`project: ${config ?? path}: cannot load the project (${(e as Error).message.split('\n')[0]})`);
  }
  const inside = `${root}${sep}`;
  const files = project.getSourceFiles().filter((f) => !f.isDeclarationFile() && !f.isInNodeModules() && f.getFilePath().startsWith(inside.replaceAll('\\', '/')));
  if (files.length === 0) throw new ToolingInputError(`project: ${path}: no TypeScript source files in ${root}`);
  return { project, files: entries === undefined || entries.length === 0 ? files : reachable(project, files, entries), root };
}
