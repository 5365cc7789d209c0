/** Emits generated/condition-keys.ts: the frozen table of condition keys and who knows each one. */
import type { Catalog } from '../catalog/types.js';
import { newSourceFile, render } from './format.js';
import { toLiteral } from './literal.js';

export function emitConditionKeys(catalog: Catalog): string {
  const file = newSourceFile('condition-keys.ts');
  file.addImportDeclaration({ moduleSpecifier: '../src/client/freeze.js', namedImports: ['deepFreeze'] });
  file.addImportDeclaration({ moduleSpecifier: '../src/guard/keys.js', isTypeOnly: true, namedImports: ['ConditionKeySpec'] });
  file.addStatements([
    '/** Every AWS global condition key and every mobiletargeting service key, with who knows its value inside the app (catalog/condition-keys.yaml). Frozen. */',
    `export const conditionKeys: readonly ConditionKeySpec[] = deepFreeze(${toLiteral(catalog.conditionKeys)} satisfies ConditionKeySpec[]);`,
  ]);
  return render(file);
}
