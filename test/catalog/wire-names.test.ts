import { describe, expect, it } from 'vitest';
import { readCatalog } from '../../codegen/catalog/read.js';
import { loadCatalog, CatalogError } from '../../codegen/catalog/load.js';
import { readSdkModel } from '../../codegen/import/sdk.js';

describe('wire names (jsonName)', () => {
  it('the catalog records exactly the members the SDK sends under another JSON key', () => {
    const catalog = readCatalog();
    const ours = [...catalog.shapes.values()].flatMap((s) => (s.kind === 'structure' ? s.members.filter((m) => m.wireName).map((m) => `${s.name}.${m.name}=${m.wireName}`) : []));
    const sdk = Object.entries(readSdkModel().shapes).flatMap(([name, s]) => (s.kind === 'structure' && s.wireNames ? Object.entries(s.wireNames).map(([m, w]) => `${name}.${m}=${w}`) : []));
    expect(ours.sort()).toEqual(sdk.sort());
    expect(ours).toContain('SimpleCondition.SegmentDimensions=segmentDimensions');
  });

  it('rejects a wire name for a member the structure does not have, at its location', () => {
    const shapes = 'A:\n  members:\n    Id: string\n  wireNames:\n    Nope: nope\n';
    const error = (() => { try { loadCatalog({ shapes: [{ path: 'catalog/shapes.yaml', text: shapes }], actions: [] }); } catch (e) { return e; } })();
    expect(error).toBeInstanceOf(CatalogError);
    expect((error as CatalogError).message).toContain('catalog/shapes.yaml:5:5: A.wireNames.Nope: "Nope" is not a member of A');
  });
});
