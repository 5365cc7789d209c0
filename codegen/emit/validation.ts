/**
 * Emits generated/validation.ts: for each operation with a request body, its body shape, and every structure and enum
 * reachable from one — members by wire name with their types, required members, enum values — for the testing kit to
 * reject what AWS rejects. One shape per line (JSON is valid TypeScript), so the file stays small and diffs stay legible.
 */
import type { Catalog, TypeRef } from '../catalog/types.js';
import type { Model } from '../model.js';
import type { ShapeRule, ValueRule } from '../../src/testing/shape-rules.js';
import { literal, newSourceFile, render } from './format.js';

function rule(t: TypeRef): ValueRule {
  switch (t.kind) {
    case 'primitive': return t.name;
    case 'ref': return { ref: t.name };
    case 'list': return { list: rule(t.item) };
    case 'map': return t.key ? { map: rule(t.value), key: t.key } : { map: rule(t.value) };
  }
}

/** Shape names a type refers to, directly or through lists and maps (map keys included). */
function refs(t: TypeRef): string[] {
  switch (t.kind) {
    case 'primitive': return [];
    case 'ref': return [t.name];
    case 'list': return refs(t.item);
    case 'map': return [...(t.key ? [t.key] : []), ...refs(t.value)];
  }
}

function shapeRule(name: string, shapes: Catalog['shapes']): ShapeRule {
  const shape = shapes.get(name);
  if (shape === undefined) throw new Error(`validation: shape ${name} is not in the catalog`);
  if (shape.kind === 'enum') return { enum: shape.values };
  const wire = (m: (typeof shape.members)[number]) => m.wireName ?? m.name;
  return {
    members: Object.fromEntries(shape.members.map((m) => [wire(m), rule(m.type)])),
    required: shape.members.filter((m) => m.required).map(wire),
  };
}

/**
 * The kit's check recurses through a body as deep as its shapes go; Pinpoint's request shapes have no cycle, so that is
 * bounded (8 nested structures today). A catalog whose shapes gained one would let a body nest without bound: refuse it
 * here, where the bound would have to be added.
 */
function assertAcyclic(names: ReadonlySet<string>, shapes: Catalog['shapes']): void {
  const done = new Set<string>();
  const visit = (name: string, path: readonly string[]): void => {
    if (path.includes(name)) throw new Error(`validation: request shapes refer to themselves (${[...path, name].join(' → ')}); the kit's body check needs a depth bound first`);
    if (done.has(name)) return;
    const shape = shapes.get(name);
    if (shape?.kind === 'structure') for (const m of shape.members) for (const r of refs(m.type)) visit(r, [...path, name]);
    done.add(name);
  };
  for (const name of names) visit(name, []);
}

export function emitValidation(model: Model): string {
  const shapes = model.catalog.shapes;
  const operations: [string, string][] = [];
  for (const o of model.operations) {
    const op = o.entry.operation;
    if (!op?.http.body) continue;
    const input = shapes.get(op.input);
    const body = input?.kind === 'structure' ? input.members.find((m) => m.name === op.http.body) : undefined;
    if (body?.type.kind !== 'ref') throw new Error(`validation: ${op.name}'s body member ${op.http.body} is not a shape`);
    operations.push([op.name, body.type.name]);
  }
  // Every shape reachable from a body shape, breadth first; recursive shapes end because each is visited once.
  const reached = new Set(operations.map(([, shape]) => shape));
  for (const name of reached) {
    const shape = shapes.get(name);
    if (shape?.kind === 'structure') for (const m of shape.members) for (const r of refs(m.type)) reached.add(r);
  }
  assertAcyclic(reached, shapes);
  const lines = [...reached].sort().map((name) => `    ${name}: ${JSON.stringify(shapeRule(name, shapes))},`);
  const file = newSourceFile('validation.ts');
  file.addImportDeclaration({ moduleSpecifier: '../src/client/freeze.js', namedImports: ['deepFreeze'] });
  file.addImportDeclaration({ moduleSpecifier: '../src/testing/shape-rules.js', isTypeOnly: true, namedImports: ['BodyRules'] });
  file.addStatements([
    '/** What the request body of each operation may hold, from catalog/shapes.yaml: the testing kit rejects anything else as AWS does. Frozen. */',
    'export const bodyRules: BodyRules = deepFreeze({',
    '  operations: {',
    ...operations.sort(([a], [b]) => (a < b ? -1 : 1)).map(([op, shape]) => `    ${op}: ${literal(shape)},`),
    '  },',
    '  shapes: {',
    ...lines,
    '  },',
    '});',
  ].join('\n'));
  return render(file);
}
