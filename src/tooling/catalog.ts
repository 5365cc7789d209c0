/**
 * The catalog as the dry-run tooling reads it: every action, its operation, its ARN template, and the inverse of
 * `buildArn` (which ids an ARN was built from). Lookups are case-insensitive and accept the action with or without its
 * `mobiletargeting:` prefix, because that is how people type them on a command line.
 */
import { operations } from '../../generated/operations.js';
import { actions } from '../../generated/actions.js';
import type { ActionSpec, OperationSpec } from '../client/spec.js';
import { buildArn, parseArn, type ArnEnvironment } from '../resource/arn.js';

/** The IAM service prefix of every catalog action. */
export const SERVICE = 'mobiletargeting';

/** A project's ARN template, as the catalog gives it for GetApp. */
export const PROJECT_TEMPLATE: string = actions.GetApp.resource;

/** Template placeholders filled from the environment rather than from a call's ids. */
const ENVIRONMENT_PLACEHOLDERS: ReadonlySet<string> = new Set(['Partition', 'Region', 'Account']);

/**
 * Action names are letters after one shared prefix, so comparing them lower-cased gives localeCompare's order without
 * its cost: the first localeCompare of a process loads ICU's collator, tens of milliseconds on every import.
 */
function byActionName(a: ActionSpec, b: ActionSpec): number {
  const x = a.action.toLowerCase();
  const y = b.action.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Every catalog action, sorted by action name so that every listing is deterministic. */
export const catalogActions: readonly ActionSpec[] = Object.freeze((Object.values(actions) as ActionSpec[]).slice().sort(byActionName));

const byLowerAction = new Map(catalogActions.map((a) => [a.action.toLowerCase(), a]));
const byLowerOperation = new Map((Object.values(operations) as OperationSpec[]).map((o) => [o.name.toLowerCase(), o]));

/** The action's name without its service prefix: `GetSegment`. */
export function shortName(action: string): string {
  const colon = action.indexOf(':');
  return colon < 0 ? action : action.slice(colon + 1);
}

/** The catalog action named `name` (`GetSegment`, `mobiletargeting:getsegment`), or undefined. */
export function findAction(name: string): ActionSpec | undefined {
  const lower = name.toLowerCase();
  return byLowerAction.get(lower.includes(':') ? lower : `${SERVICE}:${lower}`);
}

/** The operation named `name`, as the SDK command (`GetSegment`) or the client method (`getSegment`). */
export function findOperation(name: string): OperationSpec | undefined {
  return byLowerOperation.get(name.toLowerCase());
}

/** The REST operation an action authorizes, or undefined for console-only actions. */
export function operationOf(spec: ActionSpec): OperationSpec | undefined {
  return spec.operation === undefined ? undefined : findOperation(spec.operation);
}

/** The id placeholders of an ARN template (`ApplicationId`, `SegmentId`), in order; environment ones left out. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\$\{(\w+)\}/g)].map((m) => m[1] as string).filter((name) => !ENVIRONMENT_PLACEHOLDERS.has(name));
}

/** The catalog's groups, sorted, each with its actions. */
export function catalogGroups(): { readonly group: string; readonly actions: readonly ActionSpec[] }[] {
  const groups = new Map<string, ActionSpec[]>();
  for (const a of catalogActions) {
    const list = groups.get(a.group);
    if (list === undefined) groups.set(a.group, [a]);
    else list.push(a);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([group, list]) => ({ group, actions: list }));
}

/** The template as a reader writes it: `arn:<Partition>:mobiletargeting:<Region>:<Account>:apps/<ApplicationId>/segments/<SegmentId>`. */
export function readableTemplate(template: string): string {
  return template.replace(/\$\{(\w+)\}/g, (_, name: string) => `<${name}>`);
}

const WHOLE_PLACEHOLDER = /^\$\{(\w+)\}$/;

/**
 * The ids `template` was filled with to give `arn`, and the environment — the inverse of `buildArn` — or undefined
 * when `arn` is not of the template's resource type. Segments are compared one by one (ids never contain `/`), and the
 * answer is confirmed by building the ARN again with `buildArn`, so "fits" means exactly "the client could send it".
 */
export function paramsFromArn(template: string, arn: string): { params: Record<string, string>; env: ArnEnvironment } | undefined {
  const parsed = parseArn(arn);
  if (parsed === undefined || parsed.service !== SERVICE) return undefined;
  const env = { region: parsed.region, accountId: parsed.account };
  const params: Record<string, string> = {};
  const whole = WHOLE_PLACEHOLDER.exec(template);
  if (whole !== null) params[whole[1] as string] = arn;
  else {
    const prefix = 'arn:${Partition}:mobiletargeting:${Region}:${Account}:';
    if (!template.startsWith(prefix)) return undefined;
    const want = template.slice(prefix.length).split('/');
    const got = parsed.resource.split('/');
    if (want.length !== got.length) return undefined;
    for (let i = 0; i < want.length; i++) {
      const w = want[i] as string;
      const g = got[i] as string;
      const name = WHOLE_PLACEHOLDER.exec(w)?.[1];
      if (name !== undefined) {
        if (g === '' || (params[name] !== undefined && params[name] !== g)) return undefined;
        params[name] = g;
      } else if (w !== g) return undefined;
    }
  }
  try {
    return buildArn(template, params, env) === arn ? { params, env } : undefined;
  } catch {
    return undefined;
  }
}
