/**
 * ts-morph is an optional peer dependency needed only to read a project's source: it is imported here, on demand, and
 * its absence becomes one clear error instead of a module-resolution stack trace.
 */
import type * as TsMorph from 'ts-morph';
import { MissingPeerDependencyError } from './errors.js';

/** The ts-morph module object, as a dynamic import gives it. */
export type TsMorphModule = typeof TsMorph;

/** How ts-morph is imported; tests inject one that fails as a missing package does. */
export type TsMorphLoader = () => Promise<TsMorphModule>;

/** The optional peer dependency's name: the only place it is spelled, so the root import never resolves it statically. */
export const TS_MORPH = 'ts-morph';

const importTsMorph: TsMorphLoader = async () => {
  const mod = (await import(TS_MORPH)) as TsMorphModule & { default?: TsMorphModule };
  // ts-morph is CommonJS: Node exposes its exports as named exports and as `default`.
  return mod.Project !== undefined ? mod : (mod.default as TsMorphModule);
};

const isNotFound = (e: unknown): boolean => {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  return code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND' || /Cannot find (package|module)/.test(String((e as Error | null)?.message));
};

/** ts-morph, or @throws MissingPeerDependencyError naming it when it is not installed. Other failures are rethrown. */
export async function loadTsMorph(loader: TsMorphLoader = importTsMorph): Promise<TsMorphModule> {
  try {
    return await loader();
  } catch (e) {
    if (isNotFound(e)) throw new MissingPeerDependencyError(TS_MORPH, (e as Error).message.split('\n')[0] as string);
    throw e;
  }
}
