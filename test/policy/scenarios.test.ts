/**
 * Runs every scenario in scenarios/*.json. Each file names the AWS documentation rule it checks
 * and is evaluated three ways — `evaluate`, a compiled set without and with its decision cache —
 * which must all agree with the expectation.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compilePolicies, evaluate, PolicyParseError, type Decision, type EvaluationRequest, type PolicySet } from '../../src/policy/index.js';

interface Scenario {
  readonly rule: string;
  /** Objects, or JSON text where the text itself matters (a duplicated key). */
  readonly policies: readonly (object | string)[];
  readonly permissionsBoundary?: object;
  readonly serviceControlPolicies?: readonly (readonly object[])[];
  readonly sessionPolicy?: object;
  readonly request: Pick<EvaluationRequest, 'action' | 'resource' | 'context' | 'unknownKeys'>;
  readonly expect: {
    readonly decision: Decision['decision'];
    readonly statement?: { readonly policy: string; readonly index: number };
    readonly missingContextKeys?: readonly string[];
    readonly reasonContains?: string;
    readonly nearMiss?: { readonly policy: string; readonly index: number; readonly failed: string };
    readonly dependsOn?: readonly string[];
    readonly requirements?: readonly { readonly key: string; readonly effect: 'Allow' | 'Deny'; readonly text: string }[];
  };
}

const dir = fileURLToPath(new URL('./scenarios/', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const scenarios = files.map((f) => [f, JSON.parse(readFileSync(dir + f, 'utf8')) as Scenario] as const);

function check(d: Decision, want: Scenario['expect']): void {
  expect(d.decision, d.reason).toBe(want.decision);
  // The reason is plain words; the decision's name is in `decision`, not repeated in prose.
  expect(d.reason).not.toMatch(/^(Allow|ExplicitDeny|ImplicitDeny|Conditional)\b/);
  if (want.statement) expect(d.matchedStatements[0]).toMatchObject(want.statement);
  if (want.missingContextKeys) expect(d.missingContextKeys).toEqual(want.missingContextKeys);
  if (want.reasonContains) expect(d.reason).toContain(want.reasonContains);
  if (want.nearMiss) expect(d.nearMisses).toContainEqual(expect.objectContaining(want.nearMiss));
  expect(d.dependsOn).toEqual(want.dependsOn ?? []);
  if (want.requirements) expect(d.requirements.map((r) => ({ key: r.key, effect: r.effect, text: r.text }))).toEqual(want.requirements);
  else if (want.decision !== 'Conditional') expect(d.requirements).toEqual([]);
}

describe('policy scenarios', () => {
  it('has at least 60 scenarios, each naming its AWS documentation rule', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(60);
    for (const [, s] of scenarios) expect(s.rule).toMatch(/\(.+\)/);
  });

  it.each(scenarios)('%s', (_file, s) => {
    const set: PolicySet = {
      policies: s.policies,
      ...(s.permissionsBoundary ? { permissionsBoundary: s.permissionsBoundary } : {}),
      ...(s.serviceControlPolicies ? { serviceControlPolicies: s.serviceControlPolicies } : {}),
      ...(s.sessionPolicy ? { sessionPolicy: s.sessionPolicy } : {}),
    };
    const { action, resource, context, unknownKeys } = s.request;
    const options = unknownKeys ? { unknownKeys } : undefined;
    check(evaluate({ ...set, action, resource, ...(context ? { context } : {}), ...(unknownKeys ? { unknownKeys } : {}) }), s.expect);

    let compiled;
    try {
      compiled = compilePolicies(set);
    } catch (e) {
      expect(e).toBeInstanceOf(PolicyParseError);
      expect(s.expect.decision).toBe('ImplicitDeny');
      return;
    }
    const uncached = compilePolicies(set, { decisionCacheSize: 0 });
    check(uncached.evaluate(action, resource, context, options), s.expect);
    check(compiled.evaluate(action, resource, context, options), s.expect);
    expect(compiled.evaluate(action, resource, context, options)).toBe(compiled.evaluate(action, resource, context, options));
  });
});
