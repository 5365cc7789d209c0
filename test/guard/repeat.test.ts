/**
 * A guard keeps the last decision it made for each operation and gives it again to a call that names the same ids
 * within the same second, with the same principal and account, and no per-call keys or request tags. Whatever is
 * kept, every decision must be the one a guard that keeps nothing makes for that call at that time.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { operations } from '../../generated/operations.js';
import { bindCall, type BoundCall } from '../../src/client/bind.js';
import type { OperationSpec } from '../../src/client/spec.js';
import type { ClientConfig } from '../../src/client/types.js';
import { Guard, type GuardIo } from '../../src/guard/guard.js';
import type { GuardOutcome } from '../../src/guard/decide.js';
import type { RequestContext } from '../../src/policy/index.js';
import { ACCOUNT, CREDENTIALS, REGION } from '../client/support.js';
import { callerContext, inputFor, statement } from './arbitraries.js';

const specs = Object.values(operations) as readonly OperationSpec[];
const quiet = { debug: () => undefined, warn: () => undefined };
const io: GuardIo = { credentials: async () => ({ ...CREDENTIALS }), logger: quiet, secureTransport: true, callerAccount: async () => ACCOUNT };
const START = Date.parse('2026-12-06T12:00:00Z');
/** A statement that holds only before START + 3 s: a decision kept past its second would show. */
const untilThreeSeconds = (spec: OperationSpec) => statement(spec).map((s) => ({ ...s, Condition: { DateLessThan: { 'aws:CurrentTime': '2026-12-06T12:00:03Z' } } }));

afterEach(() => { vi.useRealTimers(); });

/** What a call was decided as, or why its input was refused, as a comparable value. */
const settle = (decide: () => GuardOutcome | undefined): unknown => {
  try {
    return decide();
  } catch (e) {
    return `${(e as Error).name}: ${(e as Error).message}`;
  }
};

const bind = (spec: OperationSpec, input: unknown): BoundCall | undefined => {
  try {
    return bindCall(spec, input);
  } catch {
    return undefined;
  }
};

describe('Guard: a repeated call gets the decision made for it', () => {
  it('a sequence of calls (few ids, so many repeats; time moving by 0–1.5 s) decides as a guard that keeps nothing', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const caseFor = fc.shuffledSubarray(specs as OperationSpec[], { minLength: 1, maxLength: 3 }).chain((chosen) => fc.record({
      policy: fc.tuple(...chosen.map((spec) => fc.array(fc.oneof(statement(spec), untilThreeSeconds(spec)), { minLength: 1, maxLength: 3 })))
        .map((lists) => ({ Version: '2012-10-17', Statement: lists.flat() })),
      calls: fc.array(fc.constantFrom(...chosen).chain((spec) => fc.record({
        spec: fc.constant(spec),
        input: inputFor(spec),
        context: fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: callerContext }),
        stepMs: fc.constantFrom(0, 0, 0, 300, 700, 1500),
      })), { minLength: 2, maxLength: 25 }),
    }));
    fc.assert(fc.property(caseFor, ({ policy, calls }) => {
      vi.setSystemTime(START);
      const config: ClientConfig = { region: REGION, accountId: ACCOUNT, policy, logger: quiet };
      const kept = new Guard(config, io);
      for (const { spec, input, context, stepMs } of calls) {
        vi.setSystemTime(Date.now() + stepMs);
        const bound = bind(spec, input);
        if (bound === undefined) continue;
        const call: { context?: RequestContext } = context ? { context } : {};
        expect(settle(() => kept.decideNow(bound, call))).toEqual(settle(() => new Guard(config, io).decideNow(bound, call)));
      }
    }), { numRuns: 300 });
  }, 120_000);

  it('a decision that held in one second is not given in the next, where the policy no longer allows', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.parse('2026-12-06T12:00:02.900Z'));
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'mobiletargeting:GetSegment', Resource: '*', Condition: { DateLessThan: { 'aws:CurrentTime': '2026-12-06T12:00:03Z' } } }] };
    const guard = new Guard({ region: REGION, accountId: ACCOUNT, policy, logger: quiet }, io);
    const bound = bindCall(operations.GetSegment as OperationSpec, { ApplicationId: 'a1', SegmentId: 's1' });
    expect(guard.decideNow(bound)?.decision.decision).toBe('Allow');
    expect(guard.decideNow(bindCall(operations.GetSegment as OperationSpec, { ApplicationId: 'a1', SegmentId: 's1' }))?.decision.decision).toBe('Allow');
    vi.setSystemTime(Date.parse('2026-12-06T12:00:03.000Z'));
    expect(guard.decideNow(bound)?.decision.decision).toBe('ImplicitDeny');
  });

  it('another id, per-call keys or request tags are decided afresh', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(START);
    const policy = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'mobiletargeting:*', Resource: `arn:aws:mobiletargeting:${REGION}:${ACCOUNT}:apps/a1*` },
        { Effect: 'Deny', Action: '*', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } },
        { Effect: 'Deny', Action: '*', Resource: '*', Condition: { StringEquals: { 'aws:RequestTag/env': 'prod' } } },
      ],
    };
    const guard = new Guard({ region: REGION, accountId: ACCOUNT, policy, logger: quiet }, io);
    const get = (ApplicationId: string) => bindCall(operations.GetApp as OperationSpec, { ApplicationId });
    const ip = { context: { 'aws:SourceIp': '198.51.100.1' } };
    expect(guard.decideNow(get('a1'), ip)?.decision.decision).toBe('Allow');
    expect(guard.decideNow(get('a2'), ip)?.decision.decision).toBe('ImplicitDeny');
    expect(guard.decideNow(get('a1'), ip)?.decision.decision).toBe('Allow');
    expect(guard.decideNow(get('a1'), { context: { 'aws:SourceIp': '203.0.113.7' } })?.decision.decision).toBe('ExplicitDeny');
    const plain = new Guard({ region: REGION, accountId: ACCOUNT, policy: { Version: '2012-10-17', Statement: [policy.Statement[0]] }, logger: quiet }, io);
    expect(plain.decideNow(get('a1'))?.decision.decision).toBe('Allow');
    expect(plain.decideNow(get('a2'))?.decision.decision).toBe('ImplicitDeny');
    const tag = (env: string) => bindCall(operations.TagResource as OperationSpec, { ResourceArn: `arn:aws:mobiletargeting:${REGION}:${ACCOUNT}:apps/a1`, TagsModel: { tags: { env } } });
    expect(guard.decideNow(tag('dev'), ip)?.decision.decision).toBe('Allow');
    expect(guard.decideNow(tag('prod'), ip)?.decision.decision).toBe('ExplicitDeny');
  });
});
