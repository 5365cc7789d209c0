/**
 * Action names the seed documentation printed that IAM does not know, and what to write instead. The table is the
 * catalog's errata (generated `legacyActionNames`), keyed here in lower case because IAM action names are.
 */
import { legacyActionNames } from '../../generated/actions.js';
import { catalogActions, findAction, operationOf, SERVICE, shortName } from './catalog.js';
import { nearest } from './distance.js';

/** Lower-cased legacy action name → today's action. */
export const LEGACY_ACTIONS: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(Object.entries(legacyActionNames).map(([seed, truth]) => [seed.toLowerCase(), truth])),
);

/** What to write instead of an unknown Pinpoint action (`GetUser` or `mobiletargeting:GetUser`): its legacy rename, else the nearest catalog name. */
export function suggestAction(action: string): { readonly suggestion: string; readonly legacy: boolean } | undefined {
  const legacy = LEGACY_ACTIONS[(action.includes(':') ? action : `${SERVICE}:${action}`).toLowerCase()];
  if (legacy !== undefined) return { suggestion: legacy, legacy: true };
  const near = nearest(shortName(action), catalogActions.map((a) => shortName(a.action)));
  return near === undefined ? undefined : { suggestion: `mobiletargeting:${near}`, legacy: false };
}

/**
 * The hint that ends a message about an unknown action: ` (did you mean mobiletargeting:GetSegments?)`, naming a
 * legacy rename as such; empty when nothing in the catalog is near.
 */
export function didYouMean(action: string): string {
  const hint = suggestAction(action);
  if (hint === undefined) return '';
  return hint.legacy ? ` (did you mean ${hint.suggestion}? ${shortName(action)} is the seed's legacy name)` : ` (did you mean ${hint.suggestion}?)`;
}

/**
 * The same hint for an operation name (`getUser` → ` (did you mean getUserEndpoints? getUser is the seed's legacy
 * name)`), spelled as it was typed: an SDK command (`GetUser`) or a client method (`getUser`).
 */
export function didYouMeanOperation(name: string): string {
  const hint = suggestAction(shortName(name));
  const spec = hint === undefined ? undefined : findAction(hint.suggestion);
  const op = spec === undefined ? undefined : operationOf(spec);
  if (hint === undefined || op === undefined) return '';
  const spelled = /^[a-z]/.test(name) ? `${op.name.charAt(0).toLowerCase()}${op.name.slice(1)}` : op.name;
  return hint.legacy ? ` (did you mean ${spelled}? ${name} is the seed's legacy name)` : ` (did you mean ${spelled}?)`;
}
