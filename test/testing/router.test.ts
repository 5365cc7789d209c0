import { describe, expect, it } from 'vitest';
import { operations } from '../../src/tooling/index.js';
import { route } from '../../src/testing/router.js';

describe(route.name, () => {
  it.each(Object.values(operations).map((op) => [op.name, op] as const))('%s: its own path routes back to it', (name, op) => {
    const path = op.path.replace(/\{(\w+)\}/g, (_, label: string) => encodeURIComponent(`${label.toLowerCase()} 1`));
    const result = route(op.method, path);
    expect(result.kind).toBe('match');
    if (result.kind !== 'match') return;
    expect(result.match.operation.name).toBe(name);
    expect(Object.keys(result.match.params).sort()).toEqual([...op.labels].sort());
    for (const label of op.labels) expect(result.match.params[label]).toBe(`${label.toLowerCase()} 1`);
  });

  const cases: readonly [string, { method: string; path: string }, Record<string, unknown>][] = [
    ['a literal beats a label', { method: 'GET', path: '/v1/apps/a/channels/sms' }, { kind: 'match', match: { operation: expect.objectContaining({ name: 'GetSmsChannel' }) } }],
    ['a known path under another method', { method: 'PATCH', path: '/v1/apps/a/segments' }, { kind: 'method-not-allowed', allowed: ['POST', 'GET'] }],
    ['an unknown path', { method: 'GET', path: '/v2/apps' }, { kind: 'none' }],
    ['a bad escape', { method: 'GET', path: '/v1/apps/%E0%A4%A' }, { kind: 'malformed' }],
  ];
  it.each(cases)('%s', (_, given, want) => {
    expect(route(given.method, given.path)).toMatchObject(want);
  });
});
