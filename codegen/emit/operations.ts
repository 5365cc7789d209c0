/**
 * Emits generated/operations.ts (the frozen `operations` table and the operation- and action-name types) and
 * generated/actions.ts (the `actions` and `legacyActionNames` tables). Two files because the client loads `operations`
 * on every import, and the action tables only serve the tooling: apart, the bundled root carries none of them.
 */
import type { Model } from '../model.js';
import { docText, literal, newSourceFile, render } from './format.js';
import { toLiteral } from './literal.js';

export function emitOperations(model: Model): string {
  const file = newSourceFile('operations.ts');
  file.addImportDeclaration({ moduleSpecifier: '../src/client/freeze.js', namedImports: ['deepFreeze'] });
  file.addImportDeclaration({ moduleSpecifier: '../src/client/spec.js', isTypeOnly: true, namedImports: ['OperationSpec'] });

  const ops = Object.fromEntries(model.operations.map((o) => [o.spec.name, o.spec]));
  // Written as text: ts-morph re-indents variable initialisers, and the literal is already laid out.
  file.addStatements([
    '/** Every REST operation of the catalog: its IAM action, HTTP binding, resource ARN template, access level, group and lifecycle. Frozen. */',
    `export const operations = deepFreeze(${toLiteral(ops)} as const satisfies Record<string, OperationSpec>);`,
  ]);
  file.addTypeAlias({ name: 'OperationName', isExported: true, type: 'keyof typeof operations', docs: ['The name of a REST operation, `GetSegment`.'] });
  file.addTypeAlias({
    name: 'PinpointAction', isExported: true, docs: ['Every IAM action of Amazon Pinpoint, with its service prefix, for typing policies.'],
    type: model.entries.map((e) => literal(e.entry.action)).join(' | '),
  });
  const byStatus = (s: string): string =>
    model.operations.filter((o) => o.spec.lifecycle.status === s).map((o) => literal(o.spec.name)).join(' | ') || 'never';
  file.addTypeAlias({ name: 'SupportedOperationName', isExported: true, type: byStatus('supported'), docs: [docText('Operations AWS names as continuing after Pinpoint\'s end of support (2026-10-30), under AWS End User Messaging.')] });
  file.addTypeAlias({ name: 'EndOfSupportOperationName', isExported: true, type: byStatus('end-of-support'), docs: [docText('Operations on resources AWS names as retired on 2026-10-30 (endpoints, segments, campaigns, journeys, analytics).')] });
  return render(file);
}

export function emitActions(model: Model): string {
  const file = newSourceFile('actions.ts');
  file.addImportDeclaration({ moduleSpecifier: '../src/client/freeze.js', namedImports: ['deepFreeze'] });
  file.addImportDeclaration({ moduleSpecifier: '../src/client/spec.js', isTypeOnly: true, namedImports: ['ActionSpec'] });
  const actions = Object.fromEntries(model.entries.map((e) => [e.entry.actionName, e.spec]));
  file.addStatements([
    '/** Every IAM action of the catalog, console-only ones (without an operation) included. Frozen. */',
    `export const actions = deepFreeze(${toLiteral(actions)} as const satisfies Record<string, ActionSpec>);`,
  ]);
  // Seed names that are no IAM action, from the catalog's errata: lint and check point them at today's name.
  const real = new Set(model.entries.map((e) => e.entry.action.toLowerCase()));
  const legacy = Object.fromEntries(model.entries.flatMap((e) => e.entry.errata
    .filter((x) => x.field === 'action' && !real.has(x.seed.toLowerCase()))
    .map((x) => [x.seed, x.truth] as const)).sort(([a], [b]) => (a < b ? -1 : 1)));
  file.addStatements([
    '/** Action names printed by the seed documentation that IAM does not know, each with the action to use instead. */',
    `export const legacyActionNames = deepFreeze(${toLiteral(legacy)} as const satisfies Record<string, string>);`,
  ]);
  return render(file);
}
