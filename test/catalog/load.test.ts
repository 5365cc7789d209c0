/**
 * The loader's contract: a valid catalog becomes the model; a malformed one throws `CatalogError` naming every problem
 * as `file:line:column: field: message`. Each fixture below is a small catalog written inline; line and column numbers
 * in the expectations are 1-based positions in those texts.
 */
import { describe, expect, it } from 'vitest';
import { CatalogError, formatProblem, loadCatalog, type SourceText } from '../../codegen/catalog/load.js';

const SHAPES_FILE = 'catalog/shapes.yaml';
const ACTIONS_FILE = 'catalog/actions/things.yaml';

// Line numbers: GetThingRequest 1, GetThingResponse 11, ThingResponse 16, ThingKind 20, PutThingRequest 24, ThingRequest 29.
const SHAPES = `GetThingRequest:
  members:
    ApplicationId: string
    ThingId: string
    PageSize: string
    Since: timestamp
    Tags: list<string>
  required:
    - ApplicationId
    - ThingId
GetThingResponse:
  members:
    ThingResponse: ThingResponse
  required:
    - ThingResponse
ThingResponse:
  members:
    Id: string
    Kind: ThingKind
ThingKind:
  enum:
    - ONE
    - TWO
PutThingRequest:
  members:
    ApplicationId: string
    ThingRequest: ThingRequest
  required: [ApplicationId, ThingRequest]
ThingRequest:
  members:
    Name: string
    Labels: map<string>
    Counts: map<ThingKind, number>
    Items: list<ThingResponse>
`;

// GetThing is lines 1-23, PutThing lines 24-43.
const ACTIONS = `- action: mobiletargeting:GetThing
  operation: GetThing
  group: Things
  summary: Retrieve a thing.
  accessLevel: Read
  docs: https://example.com/get-thing
  seed: false
  http:
    method: GET
    path: /v1/apps/{ApplicationId}/things/{ThingId}
    status: 200
    query:
      page-size: PageSize
      since: Since
      tags: Tags
  input: GetThingRequest
  output: GetThingResponse
  outputBody: ThingResponse
  resource: arn:\${Partition}:mobiletargeting:\${Region}:\${Account}:apps/\${ApplicationId}/things/\${ThingId}
  lifecycle:
    status: supported
    reason: a test fixture
    source: this test
- action: mobiletargeting:PutThing
  operation: PutThing
  group: Things
  summary: Create or replace a thing.
  accessLevel: Write
  docs: https://example.com/put-thing
  seed: { name: mobiletargeting:PutThings, line: 12 }
  http: { method: PUT, path: '/v1/apps/{ApplicationId}/things', status: 202, body: ThingRequest }
  input: PutThingRequest
  resource: arn:\${Partition}:mobiletargeting:\${Region}:\${Account}:apps/\${ApplicationId}
  lifecycle:
    status: end-of-support
    reason: a test fixture
    source: this test
    successor: nothing
  erratum:
    - field: action
      seed: mobiletargeting:PutThings
      truth: mobiletargeting:PutThing
      source: this test
`;

const shapes = (text: string = SHAPES): SourceText => ({ path: SHAPES_FILE, text });
const actions = (text: string = ACTIONS, path: string = ACTIONS_FILE): SourceText => ({ path, text });

/** Replaces exactly one occurrence, so a fixture edit that silently does nothing fails the test instead. */
function edit(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`fixture edit: "${from}" must occur exactly once`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** The formatted problems `loadCatalog` throws (fails when it does not throw `CatalogError`). */
function problemsOf(files: { shapes: SourceText[]; actions: SourceText[] }): string[] {
  try {
    loadCatalog(files);
  } catch (e) {
    if (!(e instanceof CatalogError)) throw e;
    return e.problems.map(formatProblem);
  }
  throw new Error('loadCatalog accepted a malformed catalog');
}

describe(loadCatalog.name, () => {
  describe('a valid catalog', () => {
    const catalog = loadCatalog({ shapes: [shapes()], actions: [actions()] });

    it('models each entry: name, labels, query bindings, body and resource placeholders', () => {
      expect(catalog.entries.map((e) => e.action)).toEqual(['mobiletargeting:GetThing', 'mobiletargeting:PutThing']);
      const [get, put] = catalog.entries;
      expect(get).toEqual({
        action: 'mobiletargeting:GetThing',
        actionName: 'GetThing',
        group: 'Things',
        summary: 'Retrieve a thing.',
        accessLevel: 'Read',
        docs: 'https://example.com/get-thing',
        seed: undefined,
        resource: 'arn:${Partition}:mobiletargeting:${Region}:${Account}:apps/${ApplicationId}/things/${ThingId}',
        resourceParams: ['ApplicationId', 'ThingId'],
        lifecycle: { status: 'supported', reason: 'a test fixture', source: 'this test', successor: undefined },
        errata: [],
        guard: {},
        operation: {
          name: 'GetThing',
          http: {
            method: 'GET',
            path: '/v1/apps/{ApplicationId}/things/{ThingId}',
            status: 200,
            query: [{ wire: 'page-size', member: 'PageSize' }, { wire: 'since', member: 'Since' }, { wire: 'tags', member: 'Tags' }],
            body: undefined,
            labels: ['ApplicationId', 'ThingId'],
          },
          input: 'GetThingRequest',
          output: 'GetThingResponse',
          outputBody: 'ThingResponse',
        },
        location: { file: ACTIONS_FILE, line: 1, column: 3 },
      });
      expect(put).toMatchObject({
        seed: { name: 'mobiletargeting:PutThings', line: 12 },
        resourceParams: ['ApplicationId'],
        lifecycle: { status: 'end-of-support', successor: 'nothing' },
        errata: [{ field: 'action', seed: 'mobiletargeting:PutThings', truth: 'mobiletargeting:PutThing', source: 'this test' }],
        operation: {
          http: { method: 'PUT', path: '/v1/apps/{ApplicationId}/things', status: 202, query: [], body: 'ThingRequest', labels: ['ApplicationId'] },
          output: undefined,
          outputBody: undefined,
        },
        location: { file: ACTIONS_FILE, line: 24, column: 3 },
      });
    });

    it('sorts entries by action name across files', () => {
      const [first, second] = ACTIONS.split(/(?=^- action: mobiletargeting:PutThing$)/m);
      const loaded = loadCatalog({ shapes: [shapes()], actions: [actions(second!, 'catalog/actions/b.yaml'), actions(first!, 'catalog/actions/a.yaml')] });
      expect(loaded.entries.map((e) => [e.actionName, e.location.file])).toEqual([['GetThing', 'catalog/actions/a.yaml'], ['PutThing', 'catalog/actions/b.yaml']]);
    });

    it('models shapes: members with parsed types and required flags, enums with their values', () => {
      expect([...catalog.shapes.keys()]).toEqual(['GetThingRequest', 'GetThingResponse', 'ThingResponse', 'ThingKind', 'PutThingRequest', 'ThingRequest']);
      expect(catalog.shapes.get('ThingKind')).toEqual({ kind: 'enum', name: 'ThingKind', values: ['ONE', 'TWO'], location: { file: SHAPES_FILE, line: 20, column: 1 } });
      expect(catalog.shapes.get('ThingRequest')).toEqual({
        kind: 'structure',
        name: 'ThingRequest',
        members: [
          { name: 'Name', type: { kind: 'primitive', name: 'string' }, required: false },
          { name: 'Labels', type: { kind: 'map', key: undefined, value: { kind: 'primitive', name: 'string' } }, required: false },
          { name: 'Counts', type: { kind: 'map', key: 'ThingKind', value: { kind: 'primitive', name: 'number' } }, required: false },
          { name: 'Items', type: { kind: 'list', item: { kind: 'ref', name: 'ThingResponse' } }, required: false },
        ],
        location: { file: SHAPES_FILE, line: 29, column: 1 },
      });
      const put = catalog.shapes.get('PutThingRequest');
      expect(put?.kind === 'structure' && put.members.map((m) => [m.name, m.required])).toEqual([['ApplicationId', true], ['ThingRequest', true]]);
    });
  });

  // One row per kind of malformed catalog: the fixture edit, and every problem the loader must report for it.
  const cases: [string, { given: { shapes?: string; actions?: string }; want: string[] }][] = [
    ['a missing required field', {
      given: { actions: edit(ACTIONS, '  summary: Retrieve a thing.\n', '') },
      want: [`${ACTIONS_FILE}:1:3: [0]: missing required field "summary"`],
    }],
    ['a missing field that the entry needs because it has an operation', {
      given: { actions: edit(ACTIONS, '  input: GetThingRequest\n', '') },
      want: [`${ACTIONS_FILE}:1:3: [0]: missing required field "input" (the entry has an operation)`],
    }],
    ['a missing HTTP binding, once (not also as an empty one)', {
      given: { actions: edit(ACTIONS, "  http: { method: PUT, path: '/v1/apps/{ApplicationId}/things', status: 202, body: ThingRequest }\n", '') },
      want: [`${ACTIONS_FILE}:24:3: [1]: missing required field "http" (the entry has an operation)`],
    }],
    ['a missing status code, once', {
      given: { actions: edit(ACTIONS, '    status: 200\n', '') },
      want: [`${ACTIONS_FILE}:9:5: [0].http: missing required field "status"`],
    }],
    ['a missing seed line, once', {
      given: { actions: edit(ACTIONS, ', line: 12 }', ' }') },
      want: [`${ACTIONS_FILE}:30:9: [1].seed: missing required field "line"`],
    }],
    ['guard data: arnEnums naming a member outside the ARN, a shape that is no enum, a resourceTags value of neither kind', {
      given: { actions: edit(ACTIONS, '  lifecycle:\n    status: supported\n    reason: a test fixture\n    source: this test\n- action: mobiletargeting:PutThing',
        '  guard:\n    resourceTags: writes\n    arnEnums: { PageSize: ThingKind, ThingId: ThingRequest }\n  lifecycle:\n    status: supported\n    reason: a test fixture\n    source: this test\n- action: mobiletargeting:PutThing') },
      want: [
        `${ACTIONS_FILE}:21:19: [0].guard.resourceTags: expected one of reads, changes, got "writes"`,
        `${ACTIONS_FILE}:22:17: [0].guard.arnEnums.PageSize: "PageSize" is not a placeholder of the resource ARN template`,
        `${ACTIONS_FILE}:22:47: [0].guard.arnEnums.ThingId: "ThingRequest" is not an enum in shapes.yaml`,
      ],
    }],
    ['an unknown field', {
      given: { actions: edit(ACTIONS, '  summary: Retrieve a thing.\n', '  owner: nobody\n  summary: Retrieve a thing.\n') },
      want: [`${ACTIONS_FILE}:4:3: [0].owner: unknown field; expected one of action, operation, group, summary, accessLevel, docs, seed, http, input, output, outputBody, resource, lifecycle, erratum, guard`],
    }],
    ['an unknown field of the HTTP binding', {
      given: { actions: edit(ACTIONS, '    status: 200\n', '    status: 200\n    headers: {}\n') },
      want: [`${ACTIONS_FILE}:12:5: [0].http.headers: unknown field; expected one of method, path, status, query, body`],
    }],
    ['a field of the wrong type: a list where a string belongs', {
      given: { actions: edit(ACTIONS, 'summary: Retrieve a thing.', 'summary: [Retrieve, a, thing]') },
      want: [`${ACTIONS_FILE}:4:12: [0].summary: expected a non-empty string, got a list`],
    }],
    ['a field of the wrong type: a string where a status code belongs', {
      given: { actions: edit(ACTIONS, 'status: 200', 'status: OK') },
      want: [`${ACTIONS_FILE}:11:13: [0].http.status: expected a 2xx status code, got string "OK"`],
    }],
    ['a field of the wrong type: a string where the HTTP mapping belongs', {
      given: { actions: edit(ACTIONS, "  http: { method: PUT, path: '/v1/apps/{ApplicationId}/things', status: 202, body: ThingRequest }", '  http: PUT /v1/apps/{ApplicationId}/things') },
      want: [`${ACTIONS_FILE}:31:9: [1].http: expected an HTTP binding { method, path, status, query?, body? } (a mapping), got string "PUT /v1/apps/{ApplicationId}/things"`],
    }],
    ['a field outside its allowed values', {
      given: { actions: edit(ACTIONS, 'accessLevel: Read', 'accessLevel: read') },
      want: [`${ACTIONS_FILE}:5:16: [0].accessLevel: expected one of Read, Write, List, Tagging, Permissions management, got "read"`],
    }],
    ['a duplicate action, compared case-insensitively', {
      given: { actions: edit(ACTIONS, '- action: mobiletargeting:PutThing\n  operation: PutThing', '- action: mobiletargeting:GETTHING\n  operation: PutThing') },
      want: [`${ACTIONS_FILE}:24:11: [1].action: duplicate action mobiletargeting:GETTHING (also at ${ACTIONS_FILE}:1:3)`],
    }],
    ['a duplicate operation', {
      given: { actions: edit(ACTIONS, '  operation: PutThing\n', '  operation: GetThing\n') },
      want: [`${ACTIONS_FILE}:25:14: [1].operation: duplicate operation GetThing (also at ${ACTIONS_FILE}:1:3)`],
    }],
    ['a path placeholder that is no input member', {
      given: { actions: edit(ACTIONS, 'path: /v1/apps/{ApplicationId}/things/{ThingId}', 'path: /v1/apps/{ApplicationId}/things/{ThingName}') },
      want: [
        `${ACTIONS_FILE}:10:11: [0].http.path: placeholder {ThingName} is not a member of GetThingRequest`,
        `${ACTIONS_FILE}:16:10: [0].input: member GetThingRequest.ThingId is bound to neither the path, the query nor the body`,
        `${ACTIONS_FILE}:19:13: [0].resource: placeholder \${ThingId} must be a path placeholder of /v1/apps/{ApplicationId}/things/{ThingName} (an input member bound to the URL path)`,
      ],
    }],
    ['a path placeholder bound to an optional member', {
      given: { actions: edit(ACTIONS, '{ApplicationId}/things/{ThingId}\n', '{ApplicationId}/things/{ThingId}/{PageSize}\n') },
      want: [`${ACTIONS_FILE}:10:11: [0].http.path: placeholder {PageSize} must be a required string member of GetThingRequest`],
    }],
    ['an ARN placeholder that is no input member', {
      given: { actions: edit(ACTIONS, 'things/${ThingId}\n', 'things/${ThingName}\n') },
      want: [`${ACTIONS_FILE}:19:13: [0].resource: placeholder \${ThingName} must be a path placeholder of /v1/apps/{ApplicationId}/things/{ThingId} (an input member bound to the URL path)`],
    }],
    ['an ARN placeholder that is an input member but not a path placeholder', {
      given: { actions: edit(ACTIONS, 'things/${ThingId}\n', 'things/${ThingId}/${PageSize}\n') },
      want: [`${ACTIONS_FILE}:19:13: [0].resource: placeholder \${PageSize} must be a path placeholder of /v1/apps/{ApplicationId}/things/{ThingId} (an input member bound to the URL path)`],
    }],
    ['an ARN placeholder in a console-only action', {
      given: {
        actions: `- action: mobiletargeting:GetThingReports
  group: Things
  summary: View reports.
  accessLevel: Read
  docs: https://example.com/reports
  seed: false
  resource: arn:\${Partition}:mobiletargeting:\${Region}:\${Account}:reports/\${ReportId}
  lifecycle: { status: unclear, reason: a test fixture, source: this test }
`,
      },
      want: [`${ACTIONS_FILE}:7:13: [0].resource: a console-only action (no operation) cannot have input placeholders, got \${ReportId}`],
    }],
    ['an ARN template with another service or no prefix', {
      given: { actions: edit(ACTIONS, 'resource: arn:${Partition}:mobiletargeting:${Region}:${Account}:apps/${ApplicationId}\n', 'resource: arn:aws:mobiletargeting:us-east-1:123456789012:apps/${ApplicationId}\n') },
      want: [`${ACTIONS_FILE}:33:13: [1].resource: expected an ARN template starting "arn:\${Partition}:mobiletargeting:\${Region}:\${Account}:" (or a single \${Member} for tagging actions), got "arn:aws:mobiletargeting:us-east-1:123456789012:apps/\${ApplicationId}"`],
    }],
    ['a method outside GET, POST, PUT, DELETE, PATCH', {
      given: { actions: edit(ACTIONS, 'method: GET', 'method: HEAD') },
      want: [`${ACTIONS_FILE}:9:13: [0].http.method: expected one of GET, POST, PUT, DELETE, PATCH, got "HEAD"`],
    }],
    ['a method in lower case', {
      given: { actions: edit(ACTIONS, 'method: PUT', 'method: put') },
      want: [`${ACTIONS_FILE}:31:19: [1].http.method: expected one of GET, POST, PUT, DELETE, PATCH, got "put"`],
    }],
    ['bad YAML syntax in an actions file', {
      given: { actions: edit(ACTIONS, 'summary: Retrieve a thing.', 'summary: @Retrieve a thing.') },
      want: [`${ACTIONS_FILE}:4:12: (yaml): Plain value cannot start with reserved character @`],
    }],
    ['bad YAML syntax: a duplicate key', {
      given: { actions: edit(ACTIONS, '  group: Things\n  summary: Retrieve a thing.', '  group: Things\n  group: Others\n  summary: Retrieve a thing.') },
      want: [`${ACTIONS_FILE}:4:3: (yaml): Map keys must be unique`],
    }],
    ['bad YAML syntax in shapes.yaml', {
      given: { shapes: edit(SHAPES, '  required: [ApplicationId, ThingRequest]', '  required: [ApplicationId, ThingRequest') },
      want: [`${SHAPES_FILE}:29:1: (yaml): Flow sequence in block collection must be sufficiently indented and end with a ]`],
    }],
    ['a member referencing an unknown shape', {
      given: { shapes: edit(SHAPES, 'Items: list<ThingResponse>', 'Items: list<ThingResponses>') },
      want: [`${SHAPES_FILE}:29:1: ThingRequest.members.Items: unknown shape "ThingResponses"`],
    }],
    ['a map keyed by a shape that is no enum', {
      given: { shapes: edit(SHAPES, 'Counts: map<ThingKind, number>', 'Counts: map<ThingResponse, number>') },
      want: [`${SHAPES_FILE}:29:1: ThingRequest.members.Counts: map key "ThingResponse" must be an enum shape`],
    }],
    ['a bad type expression', {
      given: { shapes: edit(SHAPES, 'Labels: map<string>', 'Labels: dict<string>') },
      want: [`${SHAPES_FILE}:32:13: ThingRequest.members.Labels: expected a type (string, number, boolean, timestamp, blob, document, a shape name, list<T> or map<T>), got "dict<string>"`],
    }],
    ['a list type with two arguments', {
      given: { shapes: edit(SHAPES, 'Tags: list<string>', 'Tags: list<string, number>') },
      want: [
        `${SHAPES_FILE}:7:11: GetThingRequest.members.Tags: list<T> takes one type, got "list<string, number>"`,
        // The member is dropped, so its query binding no longer resolves either.
        `${ACTIONS_FILE}:15:13: [0].http.query.tags: "Tags" is not a member of GetThingRequest`,
      ],
    }],
    ['a required member that is not a member', {
      given: { shapes: edit(SHAPES, '    - ThingResponse\n', '    - Thing\n') },
      want: [`${SHAPES_FILE}:15:7: GetThingResponse.required[0]: "Thing" is not a member of GetThingResponse`],
    }],
    ['an input shape that does not exist', {
      given: { actions: edit(ACTIONS, 'input: PutThingRequest', 'input: PutThingInput') },
      want: [`${ACTIONS_FILE}:32:10: [1].input: "PutThingInput" is not a structure in shapes.yaml`],
    }],
    ['an input member bound to nothing', {
      given: { actions: edit(ACTIONS, '      since: Since\n', '') },
      want: [`${ACTIONS_FILE}:15:10: [0].input: member GetThingRequest.Since is bound to neither the path, the query nor the body`],
    }],
    ['a query binding to a member the input lacks', {
      given: { actions: edit(ACTIONS, 'page-size: PageSize', 'page-size: Size') },
      want: [
        `${ACTIONS_FILE}:13:18: [0].http.query.page-size: "Size" is not a member of GetThingRequest`,
        `${ACTIONS_FILE}:16:10: [0].input: member GetThingRequest.PageSize is bound to neither the path, the query nor the body`,
      ],
    }],
    ['an outputBody that is not a member of the output', {
      given: { actions: edit(ACTIONS, 'outputBody: ThingResponse', 'outputBody: Thing') },
      want: [`${ACTIONS_FILE}:18:15: [0].outputBody: "Thing" is not a member of GetThingResponse`],
    }],
    ['an HTTP binding in a console-only action', {
      given: { actions: edit(ACTIONS, '  operation: PutThing\n', '') },
      want: [
        `${ACTIONS_FILE}:30:3: [1].http: only an entry with an operation can have this field (no operation: a console-only action)`,
        `${ACTIONS_FILE}:31:3: [1].input: only an entry with an operation can have this field (no operation: a console-only action)`,
        `${ACTIONS_FILE}:32:13: [1].resource: a console-only action (no operation) cannot have input placeholders, got \${ApplicationId}`,
      ],
    }],
    ['an erratum without a seed entry', {
      given: { actions: edit(ACTIONS, '  seed: { name: mobiletargeting:PutThings, line: 12 }', '  seed: false') },
      want: [`${ACTIONS_FILE}:40:5: [1].erratum: an erratum needs a seed entry (seed: false here)`],
    }],
    ['a seed line that is no line number', {
      given: { actions: edit(ACTIONS, 'line: 12 }', 'line: twelve }') },
      want: [`${ACTIONS_FILE}:30:50: [1].seed.line: expected a line number, got string "twelve"`],
    }],
  ];

  it.each(cases)('reports %s', (_, { given, want }) => {
    expect(problemsOf({ shapes: [shapes(given.shapes)], actions: [actions(given.actions)] })).toEqual(want);
  });

  it('reports a duplicate action in another file at the second one, pointing at the first', () => {
    const getThing = ACTIONS.split(/(?=^- action: mobiletargeting:PutThing$)/m)[0]!;
    expect(problemsOf({ shapes: [shapes()], actions: [actions(), actions(getThing, 'catalog/actions/more.yaml')] }))
      .toEqual([`catalog/actions/more.yaml:1:11: [0].action: duplicate action mobiletargeting:GetThing (also at ${ACTIONS_FILE}:1:3)`]);
  });

  it('reports several problems at once, across files, in one error message', () => {
    const badShapes = edit(SHAPES, 'Items: list<ThingResponse>', 'Items: list<Nothing>');
    const badActions = edit(edit(ACTIONS, 'method: GET', 'method: FETCH'), '  group: Things\n  summary: Create', '  summary: Create');
    let error: unknown;
    try {
      loadCatalog({ shapes: [shapes(badShapes)], actions: [actions(badActions)] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CatalogError);
    const problems = (error as CatalogError).problems;
    expect(problems).toEqual([
      { location: { file: SHAPES_FILE, line: 29, column: 1 }, field: 'ThingRequest.members.Items', message: 'unknown shape "Nothing"' },
      { location: { file: ACTIONS_FILE, line: 9, column: 13 }, field: '[0].http.method', message: 'expected one of GET, POST, PUT, DELETE, PATCH, got "FETCH"' },
      { location: { file: ACTIONS_FILE, line: 24, column: 3 }, field: '[1]', message: 'missing required field "group"' },
    ]);
    expect((error as CatalogError).name).toBe('CatalogError');
    expect((error as CatalogError).message).toBe([
      'the catalog has 3 problems:',
      `${SHAPES_FILE}:29:1: ThingRequest.members.Items: unknown shape "Nothing"`,
      `${ACTIONS_FILE}:9:13: [0].http.method: expected one of GET, POST, PUT, DELETE, PATCH, got "FETCH"`,
      `${ACTIONS_FILE}:24:3: [1]: missing required field "group"`,
    ].join('\n'));
  });

  it('says "1 problem" in the singular', () => {
    expect(() => loadCatalog({ shapes: [shapes()], actions: [actions(edit(ACTIONS, 'method: GET', 'method: HEAD'))] }))
      .toThrow(/^the catalog has 1 problem:\ncatalog\/actions\/things\.yaml:9:13: \[0\]\.http\.method: /);
  });
});
