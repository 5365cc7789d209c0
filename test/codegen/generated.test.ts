import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readCatalog } from '../../codegen/catalog/read.js';
import { buildModel } from '../../codegen/model.js';
import { exampleResource, exampleValue } from '../../codegen/examples.js';
import { bindCall } from '../../src/client/bind.js';
import { buildArn } from '../../src/resource/arn.js';
import { PinpointClient } from '../../src/index.js';
import { actions, operations } from '../../src/tooling/index.js';
import { evaluate, parsePolicy } from '../../src/policy/index.js';

const catalog = readCatalog();
const model = buildModel(catalog);

describe('generated client (smoke)', () => {
  const client = new PinpointClient({ region: 'us-east-1', accountId: '123456789012', credentials: { accessKeyId: 'AKID', secretAccessKey: 'S' } });

  it.each(model.operations.map((o) => [o.spec.name, o.names.method] as const))('%s is a client method %s and an operations entry', (name, method) => {
    expect(typeof (client as unknown as Record<string, unknown>)[method]).toBe('function');
    const entry = (operations as Record<string, { action: string; name: string }>)[name];
    expect(entry?.name).toBe(name);
    expect(entry?.action).toBe(`mobiletargeting:${catalog.entries.find((e) => e.operation?.name === name)!.actionName}`);
  });

  it('has every catalog action in `actions`, console-only ones without an operation', () => {
    expect(Object.keys(actions).sort()).toEqual(catalog.entries.map((e) => e.actionName).sort());
    expect((actions as Record<string, { operation?: string }>).GetReports?.operation).toBeUndefined();
    expect(Object.keys(operations)).toHaveLength(122);
  });

  it('freezes the tables', () => {
    expect(Object.isFrozen(operations)).toBe(true);
    expect(Object.isFrozen(operations.GetSegment.labels)).toBe(true);
    expect(() => { (operations.GetSegment as { method: string }).method = 'DELETE'; }).toThrow(TypeError);
  });
});

describe('docs least-privilege snippets', () => {
  it.each(model.entries.map((e) => [e.entry.actionName, e] as const))('%s: the page policy parses and allows its own call', (_, e) => {
    const page = readFileSync(new URL(`../../generated/docs/actions/${e.names.docPage}`, import.meta.url), 'utf8');
    const json = /## Least-privilege policy[\s\S]*?```json\n([\s\S]*?)\n```/.exec(page)?.[1];
    expect(json, 'the page has a policy block').toBeDefined();
    const policy = parsePolicy(json!);
    // The ARN the client itself would check for a call with the page's example ids (console-only actions: the template).
    const spec = e.operation?.spec;
    const resource = spec
      ? buildArn(spec.resource, bindCall(spec, Object.fromEntries(spec.labels.map((l) => [l, exampleValue(l)]))).params, { region: exampleValue('Region'), accountId: exampleValue('Account') })
      : exampleResource(e.entry);
    const decision = evaluate({ policies: [policy], action: e.entry.action, resource });
    expect(decision.decision).toBe('Allow');
    // Least privilege: the same statement must not allow a different action on that resource.
    const other = e.entry.action === 'mobiletargeting:GetApp' ? 'mobiletargeting:DeleteApp' : 'mobiletargeting:GetApp';
    expect(evaluate({ policies: [policy], action: other, resource }).decision).toBe('ImplicitDeny');
  });
});
