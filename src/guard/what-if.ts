/** Which context keys a simulation was given as what-if values: keys the guard itself sets at run time. */
import type { RequestContext } from '../policy/index.js';
import { conditionKeyOf } from './keys.js';

/** The keys of `context` that the condition key table says the guard sets (time, Region, TLS, request tags). */
export function whatIfKeys(context: RequestContext | undefined): readonly string[] {
  return Object.keys(context ?? {}).filter((k) => conditionKeyOf(k)?.known === 'guard');
}
