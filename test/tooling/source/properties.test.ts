/**
 * Property: in any project built from call-site templates (aliases, wrappers, destructuring, bind, callbacks, class
 * fields, paginators, dead branches, calls through any, computed names, conditional callees, non-client calls, and the
 * official SDK's send of a command written at the call, behind a const or passed in, its aggregated client, a union of
 * commands and a command of type any), every
 * call site appears in exactly one statement — the one granting its action on the resource its ids fix — or in the
 * unresolved list, and nothing else does. One ts-morph project is reused: each run replaces its in-memory files.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Project } from 'ts-morph';
import { matchWildcard } from '../../../src/policy/index.js';
import { policyOfProject } from '../../../src/tooling/source/analyze.js';
import { loadTsMorph, type TsMorphModule } from '../../../src/tooling/source/load.js';
import { siteText } from '../../../src/tooling/source/types.js';
import { ROOT } from '../../cli/support.js';
import { ARN, ENV } from './expectations.js';

const DIR = `${ROOT}test/tooling/source/generated-project`;
const HEADER = [
  "import { PinpointClient, paginateGetSegments } from '../../../../../src/index.js';",
  "import * as sdk from '@aws-sdk/client-pinpoint';",
  "const client = new PinpointClient({ region: 'us-east-1', accountId: '123456789012', mode: 'off' });",
  "const sdkClient = new sdk.PinpointClient({ region: 'us-east-1' });",
  "const aggregated = new sdk.Pinpoint({ region: 'us-east-1' });",
];
/** `getSegment` → `sdk.GetSegmentCommand`: the SDK's command for a method. */
const command = (method: string) => `sdk.${method[0]?.toUpperCase()}${method.slice(1)}Command`;

type Group = 'app' | 'segment';
const METHODS: Readonly<Record<Group, readonly (readonly [method: string, action: string])[]>> = {
  app: [['getApp', 'GetApp'], ['deleteApp', 'DeleteApp'], ['getApplicationSettings', 'GetApplicationSettings']],
  segment: [['getSegment', 'GetSegment'], ['deleteSegment', 'DeleteSegment'], ['getSegmentVersions', 'GetSegmentVersions']],
};

/** How an id is written: its expression (with `p` a parameter in scope), a line to declare before, and its value. */
type IdForm = 'literal' | 'const' | 'parameter' | 'constTemplate' | 'parameterTemplate';
const idCode = (form: IdForm, i: number, value: string): { expr: string; before: string[]; fixed: string | undefined } => ({
  literal: { expr: `'${value}'`, before: [], fixed: value },
  const: { expr: `K${i}`, before: [`const K${i} = '${value}';`], fixed: value },
  parameter: { expr: 'p', before: [], fixed: undefined },
  constTemplate: { expr: `\`pre-\${K${i}}\``, before: [`const K${i} = '${value}';`], fixed: `pre-${value}` },
  parameterTemplate: { expr: '`pre-${p}`', before: [], fixed: undefined },
})[form];

type Shape = 'direct' | 'wrapper' | 'alias' | 'destructured' | 'callback' | 'bind' | 'classField' | 'deadBranch' | 'paginator' | 'any' | 'computed' | 'conditional' | 'notClient'
  | 'sdkSend' | 'sdkCommandConst' | 'sdkCommandPassed' | 'sdkAggregated' | 'sdkUnion' | 'sdkAny';

interface Snippet { readonly shape: Shape; readonly group: Group; readonly method: number; readonly other: number; readonly app: IdForm; readonly segment: IdForm }

/** The snippet's lines; the call's line ends with `// @site <Action> <resource>` or `// @site unresolved`. */
function render(s: Snippet, i: number): string[] {
  const [method, action] = METHODS[s.group][s.method % 3] as readonly [string, string];
  const [other] = METHODS[s.group][(s.method + 1 + (s.other % 2)) % 3] as readonly [string, string];
  const app = idCode(s.app, i, `app${i}`);
  const seg = idCode(s.segment, i + 1000, `seg${i}`);
  const input = s.group === 'app' ? `{ ApplicationId: ${app.expr} }` : `{ ApplicationId: ${app.expr}, SegmentId: ${seg.expr} }`;
  const resource = s.group === 'app' ? `apps/${app.fixed ?? '*'}` : `apps/${app.fixed ?? '*'}/segments/${seg.fixed ?? '*'}`;
  const site = `// @site ${action} ${resource}`;
  const before = [...app.before, ...(s.group === 'segment' ? seg.before : [])];
  const lines: Readonly<Record<Shape, () => string[]>> = {
    direct: () => [`export const f${i} = (p: string) => client.${method}(${input}); ${site}`],
    wrapper: () => [`export function f${i}(c: PinpointClient, p: string) {`, `  return c.${method}(${input}); ${site}`, '}'],
    alias: () => [`const a${i} = client;`, `export const f${i} = (p: string) => a${i}.${method}(${input}); ${site}`],
    destructured: () => [`const { ${method}: d${i} } = client;`, `export const f${i} = (p: string) => d${i}(${input}); ${site}`],
    callback: () => [`export const f${i} = (ps: string[]) => ps.map((p) => client.${method}(${input})); ${site}`],
    bind: () => [`const b${i} = client.${method}.bind(client);`, `export const f${i} = (p: string) => b${i}(${input}); ${site}`],
    classField: () => [`export class C${i} {`, '  constructor(private readonly c: PinpointClient) {}', `  readonly run = (p: string) => this.c.${method}(${input}); ${site}`, '}'],
    deadBranch: () => [`export async function f${i}(p: string) {`, `  if (false as boolean) await client.${method}(${input}); ${site}`, '}'],
    paginator: () => [`export async function f${i}(p: string) {`, `  for await (const page of paginateGetSegments(client, { ApplicationId: ${app.expr} })) void page; // @site GetSegments apps/${app.fixed ?? '*'}`, '}'],
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    any: () => [`export const f${i} = (c: any, p: string) => c.${method}(${input}); // @site unresolved`],
    computed: () => [`export const f${i} = (k: '${method}' | '${other}', p: string) => client[k](${input} as never); // @site unresolved`],
    conditional: () => [`export const f${i} = (b: boolean, p: string) => (b ? client.${method} : client.${other})(${input} as never); // @site unresolved`],
    notClient: () => [`export const f${i} = (p: string) => [p].map((x) => x.toUpperCase()).join(${app.expr});`],
    sdkSend: () => [`export const f${i} = (p: string) => sdkClient.send(new ${command(method)}(${input})); ${site}`],
    sdkCommandConst: () => [`export const f${i} = (p: string) => {`, `  const c = new ${command(method)}(${input});`, `  return sdkClient.send(c); ${site}`, '};'],
    // A command built by the caller: its ids are not read, so every id is a wildcard.
    sdkCommandPassed: () => [`export const f${i} = (c: ${command(method)}) => sdkClient.send(c); // @site ${action} ${s.group === 'app' ? 'apps/*' : 'apps/*/segments/*'}`],
    sdkAggregated: () => [`export const f${i} = (p: string) => aggregated.${method}(${input}); ${site}`],
    sdkUnion: () => [`export const f${i} = (b: boolean, p: string) => sdkClient.send((b ? new ${command(method)}(${input}) : new ${command(other)}(${input})) as never); // @site unresolved`],
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    sdkAny: () => [`export const f${i} = (c: any) => sdkClient.send(c); // @site unresolved`],
  };
  return [...before, ...lines[s.shape]()];
}

const snippet: fc.Arbitrary<Snippet> = fc.record({
  shape: fc.constantFrom<Shape>('direct', 'wrapper', 'alias', 'destructured', 'callback', 'bind', 'classField', 'deadBranch', 'paginator', 'any', 'computed', 'conditional', 'notClient',
    'sdkSend', 'sdkCommandConst', 'sdkCommandPassed', 'sdkAggregated', 'sdkUnion', 'sdkAny'),
  group: fc.constantFrom<Group>('app', 'segment'),
  method: fc.nat(2),
  other: fc.nat(1),
  app: fc.constantFrom<IdForm>('literal', 'const', 'parameter', 'constTemplate', 'parameterTemplate'),
  segment: fc.constantFrom<IdForm>('literal', 'const', 'parameter', 'constTemplate', 'parameterTemplate'),
});
const project = fc.array(fc.array(snippet, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 3 });

let tsm: TsMorphModule;
let shared: Project;
beforeAll(async () => {
  tsm = await loadTsMorph();
  shared = new tsm.Project({ compilerOptions: { strict: true, target: tsm.ts.ScriptTarget.ES2022, module: tsm.ts.ModuleKind.NodeNext, moduleResolution: tsm.ts.ModuleResolutionKind.NodeNext, skipLibCheck: true, noEmit: true } });
}, 60_000);

describe('policy from source: every call site in exactly one statement or unresolved', () => {
  it('holds for projects generated from call-site templates', () => {
    fc.assert(fc.property(project, (files) => {
      for (const f of shared.getSourceFiles(`${DIR}/**`)) shared.removeSourceFile(f);
      const expected: { site: string; what: string }[] = [];
      const sources = files.map((snippets, n) => {
        let i = n * 100;
        const lines = [...HEADER, ...snippets.flatMap((s) => render(s, i++))];
        lines.forEach((line, k) => {
          const m = /\/\/ @site (.+)$/.exec(line);
          if (m) expected.push({ site: `src/f${n}.ts:${k + 1}`, what: m[1] as string });
        });
        return shared.createSourceFile(`${DIR}/src/f${n}.ts`, lines.join('\n'), { overwrite: true });
      });
      const result = policyOfProject(tsm, { project: shared, files: sources, root: DIR }, ENV, 'exact');
      const placed = [...result.statements.flatMap((s) => s.callSites.map((c) => ({ site: siteText(c), sid: s.Sid }))), ...result.unresolved.map((u) => ({ site: siteText(u.site), sid: 'unresolved' }))];
      expect(placed.map((p) => p.site).sort()).toEqual(expected.map((e) => e.site).sort());
      for (const e of expected) {
        const where = placed.find((p) => p.site === e.site)?.sid;
        if (e.what === 'unresolved') { expect(where, e.site).toBe('unresolved'); continue; }
        const [action, resource] = e.what.split(' ') as [string, string];
        const statement = result.policy.Statement.find((s) => s.Sid === where);
        expect(statement?.Action, e.site).toContain(`mobiletargeting:${action}`);
        expect(statement?.Resource.some((r) => matchWildcard(r, `${ARN}${resource}`)), e.site).toBe(true);
      }
      expect(result.check.allowsEveryCall).toBe(true);
    }), { numRuns: 12 });
  }, 300_000);
});
