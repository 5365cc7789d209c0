/**
 * Journeys, their states, runs and execution metrics.
 *
 * - A journey is created `DRAFT` (or `ACTIVE`, published at once). Only a `DRAFT` journey can be updated (an update
 *   may publish it with `State: 'ACTIVE'`); updating any other is a `ConflictException`, as Pinpoint answers.
 * - UpdateJourneyState moves it along {@link TRANSITIONS}; any other change is a `BadRequestException` naming the
 *   allowed ones.
 * - Publishing starts a run (`RUNNING`) that takes in every endpoint of the project at that moment; cancelling the
 *   journey cancels its running run. Execution metrics count those endpoints: the journey's and the run's
 *   `ENDPOINT_ENTERED` / `ENDPOINT_PRODUCED`, and per activity `ENTERED` for the start activity (0 for the others).
 */
import type {
  Activity, JourneyExecutionActivityMetricsResponse, JourneyExecutionMetricsResponse, JourneyResponse, JourneyRunResponse, JourneyRunExecutionActivityMetricsResponse,
  JourneyRunExecutionMetricsResponse, JourneyStateRequest, State, WriteJourneyRequest,
} from '../../../generated/shapes.js';
import type { HandlerContext, HandlerTable } from '../context.js';
import type { StoredJourney } from '../store.js';
import { MockServiceError, badRequest, notFound } from '../errors.js';

/** The states UpdateJourneyState may move a journey to, from each state. */
const TRANSITIONS: Readonly<Record<State, readonly State[]>> = {
  DRAFT: ['CANCELLED'],
  ACTIVE: ['PAUSED', 'CANCELLED'],
  PAUSED: ['ACTIVE', 'CANCELLED'],
  COMPLETED: [],
  CANCELLED: [],
  CLOSED: [],
};

/** The states a journey may be created or updated into. */
const WRITABLE: readonly State[] = ['DRAFT', 'ACTIVE'];

/** Pinpoint's activity type for each member of `Activity`. */
const ACTIVITY_TYPES: Readonly<Record<string, string>> = {
  CUSTOM: 'CUSTOM', ConditionalSplit: 'CONDITIONAL_SPLIT', EMAIL: 'EMAIL', Holdout: 'HOLDOUT', MultiCondition: 'MULTI_CONDITION',
  PUSH: 'PUSH', RandomSplit: 'RANDOM_SPLIT', SMS: 'SMS', Wait: 'WAIT', ContactCenter: 'CONTACT_CENTER',
};

export function journeyOf(ctx: HandlerContext, id = ctx.params.JourneyId ?? ''): StoredJourney {
  const journey = ctx.app().journeys.get(id);
  if (!journey) throw notFound('Journey', id);
  return journey;
}

/** Checks what a create or update writes: a state it may be written in, a start activity among its activities. */
function checkWrite(req: WriteJourneyRequest): void {
  if (req.State !== undefined && !WRITABLE.includes(req.State)) {
    throw badRequest(`Invalid State ${JSON.stringify(req.State)}: a journey is written as ${WRITABLE.join(' or ')}; use UpdateJourneyState to change the state of a published journey`);
  }
  if (req.StartActivity !== undefined && !Object.hasOwn(req.Activities ?? {}, req.StartActivity)) {
    throw badRequest(`Invalid StartActivity ${JSON.stringify(req.StartActivity)}: it must name one of the journey's Activities (${Object.keys(req.Activities ?? {}).join(', ') || 'none given'})`);
  }
}

/** Starts a run: `RUNNING`, taking in every endpoint of the project now. */
function startRun(ctx: HandlerContext, stored: StoredJourney): void {
  const now = ctx.now();
  const run: JourneyRunResponse = { RunId: ctx.store.nextId(), CreationTime: now, LastUpdateTime: now, Status: 'RUNNING' };
  stored.runs.push(run);
  stored.entered.set(run.RunId, ctx.app().endpoints.size);
}

function setState(ctx: HandlerContext, stored: StoredJourney, state: State): JourneyResponse {
  const now = ctx.now();
  const running = stored.runs.find((r) => r.Status === 'RUNNING');
  if (state === 'CANCELLED' && running) Object.assign(running, { Status: 'CANCELLED', LastUpdateTime: now });
  stored.journey = { ...stored.journey, State: state, LastModifiedDate: now };
  return stored.journey;
}

/** The body as a journey stores it: dates come from the mock's clock, not the request. */
function written(req: WriteJourneyRequest): Omit<WriteJourneyRequest, 'CreationDate' | 'LastModifiedDate'> {
  const { CreationDate: _c, LastModifiedDate: _m, ...rest } = req;
  return rest;
}

function activityOf(ctx: HandlerContext, stored: StoredJourney): { id: string; type: string } {
  const id = ctx.params.JourneyActivityId ?? '';
  const activity: Activity | undefined = stored.journey.Activities?.[id];
  if (!activity || !Object.hasOwn(stored.journey.Activities ?? {}, id)) throw notFound('Journey activity', id);
  const member = Object.keys(activity).find((k) => Object.hasOwn(ACTIVITY_TYPES, k));
  return { id, type: member === undefined ? 'UNKNOWN' : ACTIVITY_TYPES[member]! };
}

function runOf(ctx: HandlerContext, stored: StoredJourney): JourneyRunResponse {
  const id = ctx.params.RunId ?? '';
  const run = stored.runs.find((r) => r.RunId === id);
  if (!run) throw notFound('Journey run', id);
  return run;
}

/** Journey-level counts over `runs`. */
function journeyMetrics(stored: StoredJourney, runs: readonly JourneyRunResponse[]): Record<string, string> {
  const entered = runs.reduce((sum, r) => sum + (stored.entered.get(r.RunId) ?? 0), 0);
  return { ENDPOINT_PRODUCED: String(entered), ENDPOINT_ENTERED: String(entered), ENDPOINT_REENTERED: '0' };
}

/** Activity-level counts over `runs`: the start activity takes in every entered endpoint; the mock moves none further. */
function activityMetrics(stored: StoredJourney, activityId: string, runs: readonly JourneyRunResponse[]): Record<string, string> {
  const entered = activityId === stored.journey.StartActivity ? runs.reduce((sum, r) => sum + (stored.entered.get(r.RunId) ?? 0), 0) : 0;
  return { ENTERED: String(entered), EXITED: '0' };
}

const lastEvaluated = (stored: StoredJourney, runs: readonly JourneyRunResponse[]): string =>
  runs.map((r) => r.LastUpdateTime).sort().at(-1) ?? stored.journey.LastModifiedDate ?? stored.journey.CreationDate ?? '';

export const journeyHandlers: HandlerTable = {
  CreateJourney: (ctx) => {
    const app = ctx.app();
    const req = ctx.body as unknown as WriteJourneyRequest;
    checkWrite(req);
    const now = ctx.now();
    const id = ctx.store.nextId();
    const stored: StoredJourney = {
      journey: { ...written(req), ApplicationId: app.app.Id, Id: id, CreationDate: now, LastModifiedDate: now, State: req.State ?? 'DRAFT' },
      runs: [], entered: new Map(),
    };
    app.journeys.set(id, stored);
    if (stored.journey.State === 'ACTIVE') startRun(ctx, stored);
    return stored.journey;
  },
  GetJourney: (ctx) => journeyOf(ctx).journey,
  ListJourneys: (ctx) => ctx.page([...ctx.app().journeys.values()].map((j) => j.journey)),
  UpdateJourney: (ctx) => {
    const stored = journeyOf(ctx);
    const state = stored.journey.State ?? 'DRAFT';
    if (state !== 'DRAFT') {
      throw new MockServiceError('ConflictException', `Journey ${stored.journey.Id} is ${state}: only a DRAFT journey can be updated; change its state with UpdateJourneyState`);
    }
    const req = ctx.body as unknown as WriteJourneyRequest;
    checkWrite(req);
    stored.journey = { ...stored.journey, ...written(req), State: req.State ?? 'DRAFT', LastModifiedDate: ctx.now() };
    if (stored.journey.State === 'ACTIVE') startRun(ctx, stored);
    return stored.journey;
  },
  UpdateJourneyState: (ctx) => {
    const stored = journeyOf(ctx);
    const to = (ctx.body as JourneyStateRequest).State!;
    const from = stored.journey.State ?? 'DRAFT';
    const allowed = TRANSITIONS[from] ?? [];
    if (!allowed.includes(to)) {
      throw badRequest(`Invalid State ${JSON.stringify(to)}: a ${from} journey can move to ${allowed.length ? allowed.join(' or ') : 'no other state'}`);
    }
    return setState(ctx, stored, to);
  },
  DeleteJourney: (ctx) => {
    const stored = journeyOf(ctx);
    ctx.app().journeys.delete(stored.journey.Id);
    return stored.journey;
  },
  GetJourneyRuns: (ctx) => ctx.page(journeyOf(ctx).runs),
  GetJourneyExecutionMetrics: (ctx): JourneyExecutionMetricsResponse => {
    const stored = journeyOf(ctx);
    return { ApplicationId: stored.journey.ApplicationId, JourneyId: stored.journey.Id, LastEvaluatedTime: lastEvaluated(stored, stored.runs), Metrics: journeyMetrics(stored, stored.runs) };
  },
  GetJourneyRunExecutionMetrics: (ctx): JourneyRunExecutionMetricsResponse => {
    const stored = journeyOf(ctx);
    const run = runOf(ctx, stored);
    return { ApplicationId: stored.journey.ApplicationId, JourneyId: stored.journey.Id, RunId: run.RunId, LastEvaluatedTime: run.LastUpdateTime, Metrics: journeyMetrics(stored, [run]) };
  },
  GetJourneyExecutionActivityMetrics: (ctx): JourneyExecutionActivityMetricsResponse => {
    const stored = journeyOf(ctx);
    const activity = activityOf(ctx, stored);
    return {
      ActivityType: activity.type, ApplicationId: stored.journey.ApplicationId, JourneyActivityId: activity.id, JourneyId: stored.journey.Id,
      LastEvaluatedTime: lastEvaluated(stored, stored.runs), Metrics: activityMetrics(stored, activity.id, stored.runs),
    };
  },
  GetJourneyRunExecutionActivityMetrics: (ctx): JourneyRunExecutionActivityMetricsResponse => {
    const stored = journeyOf(ctx);
    const run = runOf(ctx, stored);
    const activity = activityOf(ctx, stored);
    return {
      ActivityType: activity.type, ApplicationId: stored.journey.ApplicationId, JourneyActivityId: activity.id, JourneyId: stored.journey.Id, RunId: run.RunId,
      LastEvaluatedTime: run.LastUpdateTime, Metrics: activityMetrics(stored, activity.id, [run]),
    };
  },
};
