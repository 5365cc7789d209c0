/**
 * Pins every entry's exported names (values and types, sorted) in test/package/entries/<entry>.txt: an export added,
 * moved or removed shows up as a diff of that file. The root stays small enough to hold in mind: at most 400 names,
 * none of the generic shape names that mean something else in an IAM package, no internals.
 */
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Each package entry and its source (package.json `exports`, tsconfig `paths` and the vitest aliases agree). */
const ENTRIES = {
  'pinpoint-guard': 'src/index.ts',
  'pinpoint-guard/shapes': 'src/shapes/index.ts',
  'pinpoint-guard/policy': 'src/policy/index.ts',
  'pinpoint-guard/tooling': 'src/tooling/index.ts',
  'pinpoint-guard/principal': 'src/principal/index.ts',
  'pinpoint-guard/aws-sdk': 'src/aws-sdk/index.ts',
  'pinpoint-guard/testing': 'src/testing/index.ts',
  'pinpoint-guard/testing/msw': 'src/testing/msw/index.ts',
} as const;
type Entry = keyof typeof ENTRIES;

const GENERIC = ['Action', 'Condition', 'Effect', 'Mode', 'Type', 'State'];

let program: ts.Program | undefined;
/** Every name an entry exports (values and types), from the TypeScript checker. */
function exportedNames(entry: Entry): string[] {
  const file = `${root}${ENTRIES[entry]}`;
  if (program === undefined) {
    const config = ts.getParsedCommandLineOfConfigFile(`${root}tsconfig.json`, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
    program = ts.createProgram(Object.values(ENTRIES).map((f) => `${root}${f}`), { ...config.options, noEmit: true });
  }
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file)!;
  const symbol = checker.getSymbolAtLocation(source)!;
  return checker.getExportsOfModule(symbol).map((s) => s.getName()).sort();
}

/** The names that exist at run time. */
async function valueNames(entry: Entry): Promise<Set<string>> {
  return new Set(Object.keys((await import(/* @vite-ignore */ entry)) as object));
}

async function listing(entry: Entry): Promise<string> {
  const values = await valueNames(entry);
  return `${exportedNames(entry).map((n) => `${values.has(n) ? 'value' : 'type '} ${n}`).join('\n')}\n`;
}

describe('package entries', () => {
  it.each(Object.keys(ENTRIES) as Entry[])('%s exports the pinned names', async (entry) => {
    const file = `./entries/${entry.replace(/\//g, '__')}.txt`;
    await expect(await listing(entry)).toMatchFileSnapshot(file);
  }, 120_000);

  it('the root holds at most 400 names, none generic and none internal', async () => {
    const names = exportedNames('pinpoint-guard');
    expect(names.length).toBeLessThanOrEqual(400);
    for (const generic of GENERIC) expect(names, generic).not.toContain(generic);
    expect(names.filter((n) => n.startsWith('__'))).toEqual([]);
    expect(new Set(names).size).toBe(names.length);
    // Accidental contract the root no longer has.
    for (const gone of ['serviceErrorFor', 'legacyActionNames', 'LEGACY_ACTIONS', 'evaluate', 'checkPermission', 'loadPrincipal', 'GetSegmentRequest']) {
      expect(names, gone).not.toContain(gone);
    }
    // One input and one output name for each operation, and the client.
    for (const n of ['PinpointClient', 'GetSegmentInput', 'GetSegmentOutput', 'AccessDeniedError', 'ClientConfig']) expect(names).toContain(n);
  }, 120_000);

  it('the legacy action table is public once, keyed as IAM prints it; no entry exposes internal tables', async () => {
    const all = (Object.keys(ENTRIES) as Entry[]).flatMap((e) => exportedNames(e).map((n) => [e, n] as const));
    expect(all.filter(([, n]) => n === 'legacyActionNames').map(([e]) => e)).toEqual(['pinpoint-guard/tooling']);
    expect(all.filter(([, n]) => n === 'LEGACY_ACTIONS' || n === 'serviceErrorFor')).toEqual([]);
  }, 120_000);

  it('pinpoint-guard/shapes has each operation under the AWS SDK names, and is types only', async () => {
    const names = exportedNames('pinpoint-guard/shapes');
    for (const n of ['GetSegmentCommandInput', 'GetSegmentCommandOutput', 'GetSegmentRequest', 'GetSegmentResponse', 'Action', 'Condition']) expect(names).toContain(n);
    expect([...(await valueNames('pinpoint-guard/shapes'))]).toEqual([]);
  }, 120_000);
});
