/**
 * Action names the seed documentation printed that IAM does not know (catalog errata), and what to write instead.
 * Kept as an explicit table, like iam-floyd's fixes: a reviewer sees every rename in one place.
 */
import { catalogActions, shortName } from './catalog.js';
import { nearest } from './distance.js';

export const LEGACY_ACTIONS: Readonly<Record<string, string>> = Object.freeze({
  'mobiletargeting:getuser': 'mobiletargeting:GetUserEndpoints',
  'mobiletargeting:deleteuser': 'mobiletargeting:DeleteUserEndpoints',
  'mobiletargeting:createexportjobs': 'mobiletargeting:CreateExportJob',
});

/** What to write instead of an unknown Pinpoint action: its legacy rename, else the nearest catalog name. */
export function suggestAction(action: string): { readonly suggestion: string; readonly legacy: boolean } | undefined {
  const legacy = LEGACY_ACTIONS[action.toLowerCase()];
  if (legacy !== undefined) return { suggestion: legacy, legacy: true };
  const near = nearest(shortName(action), catalogActions.map((a) => shortName(a.action)));
  return near === undefined ? undefined : { suggestion: `mobiletargeting:${near}`, legacy: false };
}
