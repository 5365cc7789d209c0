/** Runs the emit stage: model → every generated file as text, keyed by its path under generated/. Pure. */
import type { Catalog } from './catalog/types.js';
import { buildModel } from './model.js';
import { emitShapes } from './emit/shapes.js';
import { emitActions, emitOperations } from './emit/operations.js';
import { emitClient } from './emit/client.js';
import { emitCommands } from './emit/commands.js';
import { emitDocs } from './emit/docs.js';
import { emitConditionKeys } from './emit/condition-keys.js';
import { emitValidation } from './emit/validation.js';

export function generate(catalog: Catalog): ReadonlyMap<string, string> {
  const model = buildModel(catalog);
  const files = new Map<string, string>([
    ['actions.ts', emitActions(model)],
    ['shapes.ts', emitShapes(model)],
    ['operations.ts', emitOperations(model)],
    ['client.ts', emitClient(model)],
    ['commands.ts', emitCommands(model)],
    ['validation.ts', emitValidation(model)],
  ]);
  // Only a catalog with a condition key table gets one (test fixtures have none).
  if (catalog.conditionKeys.length > 0) files.set('condition-keys.ts', emitConditionKeys(catalog));
  for (const [path, text] of emitDocs(model)) files.set(path, text);
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}
