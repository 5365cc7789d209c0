/** Emits generated/shapes.ts: every structure as an interface and every enum as a string-literal union. */
import type { Model } from '../model.js';
import type { TypeRef } from '../catalog/types.js';
import { StructureKind, type InterfaceDeclarationStructure, type TypeAliasDeclarationStructure } from 'ts-morph';
import { literal, newSourceFile, render } from './format.js';

export function tsType(t: TypeRef): string {
  switch (t.kind) {
    case 'primitive':
      return { string: 'string', number: 'number', boolean: 'boolean', timestamp: 'Date', blob: 'Uint8Array', document: 'unknown' }[t.name];
    case 'ref': return t.name;
    case 'list': return `${wrap(tsType(t.item))}[]`;
    case 'map': return t.key ? `Partial<Record<${t.key}, ${tsType(t.value)}>>` : `Record<string, ${tsType(t.value)}>`;
  }
}
const wrap = (s: string): string => (/[ |&]/.test(s) ? `(${s})` : s);

export function emitShapes(model: Model): string {
  const file = newSourceFile('shapes.ts');
  const names = [...model.catalog.shapes.keys()].sort();
  // One bulk insertion: ts-morph re-parses the file after every manipulation, so adding shapes one by one is quadratic.
  file.addStatements(names.map((name): InterfaceDeclarationStructure | TypeAliasDeclarationStructure => {
    const shape = model.catalog.shapes.get(name)!;
    if (shape.kind === 'enum') return { kind: StructureKind.TypeAlias, name, isExported: true, type: shape.values.map(literal).join(' | ') };
    return {
      kind: StructureKind.Interface,
      name,
      isExported: true,
      properties: shape.members.map((m) => ({ name: m.name, type: tsType(m.type), hasQuestionToken: !m.required })),
    };
  }));
  return render(file);
}
