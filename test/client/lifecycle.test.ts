/**
 * Pinpoint's end of support at call time: an end-of-support operation warns once per operation and process through
 * the configured logger (`lifecycle: 'warn'`, the default), or throws EndOfSupportError before anything is sent
 * (`lifecycle: 'error'`).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { operations } from '../../generated/operations.js';
import type { OperationSpec } from '../../src/client/spec.js';
import type { Logger } from '../../src/client/types.js';
import { EndOfSupportError } from '../../src/errors/guard.js';
import { resetLifecycleWarnings } from '../../src/lifecycle/notice.js';
import { callByName, makeClient, rejection, useWire } from './support.js';

const wire = useWire();
const specs = Object.values(operations) as readonly OperationSpec[];

function capturingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, debug: () => {}, warn: (m) => warnings.push(m) };
}

beforeEach(() => resetLifecycleWarnings());

describe('lifecycle: warn (the default)', () => {
  it('warns once per operation and process, naming the operation, its action and the date, and still sends', async () => {
    wire.pinpoint();
    const logger = capturingLogger();
    const client = makeClient({ lifecycle: undefined, logger });
    await client.getSegment({ ApplicationId: 'a', SegmentId: 's' });
    await client.getSegment({ ApplicationId: 'a', SegmentId: 't' });
    expect(logger.warnings).toHaveLength(1);
    expect(logger.warnings[0]).toContain('GetSegment');
    expect(logger.warnings[0]).toContain('mobiletargeting:GetSegment');
    expect(logger.warnings[0]).toContain('2026-10-30');
    expect(logger.warnings[0]).toContain(operations.GetSegment.lifecycle.reason);

    // Per process, not per client: a second client does not warn again for the same operation...
    const other = capturingLogger();
    await makeClient({ logger: other, lifecycle: 'warn' }).getSegment({ ApplicationId: 'b', SegmentId: 's' });
    expect(other.warnings).toEqual([]);
    // ...but does for another end-of-support operation.
    await makeClient({ logger: other, lifecycle: 'warn' }).getCampaigns({ ApplicationId: 'b' });
    expect(other.warnings).toHaveLength(1);
    expect(other.warnings[0]).toContain('GetCampaigns');
    expect(wire.requests).toHaveLength(4);
  });

  it('does not warn for supported or unclear operations', async () => {
    wire.pinpoint();
    const logger = capturingLogger();
    const client = makeClient({ lifecycle: 'warn', logger });
    expect(operations.GetSmsChannel.lifecycle.status).toBe('supported');
    expect(operations.GetApp.lifecycle.status).toBe('supported');
    expect(operations.GetEventStream.lifecycle.status).toBe('unclear');
    await client.getSmsChannel({ ApplicationId: 'a' });
    await client.getApp({ ApplicationId: 'a' });
    await client.getEventStream({ ApplicationId: 'a' });
    expect(logger.warnings).toEqual([]);
  });

  it('resetLifecycleWarnings lets an operation warn again', async () => {
    wire.pinpoint();
    const logger = capturingLogger();
    const client = makeClient({ lifecycle: 'warn', logger });
    await client.deleteEndpoint({ ApplicationId: 'a', EndpointId: 'e' });
    resetLifecycleWarnings();
    await client.deleteEndpoint({ ApplicationId: 'a', EndpointId: 'e' });
    expect(logger.warnings).toHaveLength(2);
  });

  it('lifecycle: off never warns', async () => {
    wire.pinpoint();
    const logger = capturingLogger();
    await makeClient({ lifecycle: 'off', logger }).getSegment({ ApplicationId: 'a', SegmentId: 's' });
    expect(logger.warnings).toEqual([]);
  });
});

describe('lifecycle: error', () => {
  const endOfSupport = specs.filter((s) => s.lifecycle.status === 'end-of-support');

  it('covers the operations on retired resources', () => {
    expect(endOfSupport.map((s) => s.name)).toEqual(expect.arrayContaining(['GetSegment', 'CreateCampaign', 'UpdateEndpoint', 'PutEvents', 'CreateJourney']));
  });

  it.each(endOfSupport.map((s) => [s.name, s] as const))('%s throws EndOfSupportError and sends nothing', async (name, spec) => {
    wire.pinpoint();
    const input = Object.fromEntries(spec.labels.map((l) => [l, spec.arnEnums?.[l]?.[0] ?? `id-${l}`]));
    const err = await rejection(callByName(makeClient({ lifecycle: 'error' }), name, input));
    expect(err).toBeInstanceOf(EndOfSupportError);
    expect(err).toMatchObject({ name: 'EndOfSupportError', operation: name, reason: spec.lifecycle.reason });
    expect(err.message).toContain('Nothing was sent');
    expect(wire.requests).toHaveLength(0);
  });

  it('refuses in dry-run too, and lets other operations through', async () => {
    wire.pinpoint();
    expect(await rejection(makeClient({ lifecycle: 'error', mode: 'dry-run' }).getSegment({ ApplicationId: 'a', SegmentId: 's' }))).toBeInstanceOf(EndOfSupportError);
    const client = makeClient({ lifecycle: 'error' });
    await client.getSmsChannel({ ApplicationId: 'a' });
    await client.getApp({ ApplicationId: 'a' });
    expect(wire.requests).toHaveLength(2);
  });
});
