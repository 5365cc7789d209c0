/**
 * PutEvents: each batch item updates (or creates) its endpoint and records its events in `mock.store.apps.get(id).events`.
 * As Pinpoint, the call answers 202 with a result per endpoint and per event: `202 Accepted`, or `400` with the reason
 * for an event without `EventType` or a valid `Timestamp` (the other events of the batch are still recorded).
 */
import type { EventsBatch, EventsRequest, EventsResponse, ItemResponse } from '../../../generated/shapes.js';
import type { HandlerTable } from '../context.js';
import { badRequest } from '../errors.js';
import { upsert } from './endpoints.js';

const ACCEPTED = { Message: 'Accepted', StatusCode: 202 } as const;

/**
 * Why Pinpoint would refuse one event (in its item of the answer), or `undefined`. The body check has already refused
 * a request whose event lacks EventType or Timestamp; a Timestamp that is no date is refused here, per event.
 */
function eventProblem(event: { Timestamp?: unknown }): string | undefined {
  if (typeof event.Timestamp !== 'string' || Number.isNaN(Date.parse(event.Timestamp))) return 'Event is missing a valid Timestamp (ISO 8601)';
  return undefined;
}

export const eventHandlers: HandlerTable = {
  PutEvents: (ctx) => {
    const app = ctx.app();
    const { BatchItem } = ctx.body as unknown as EventsRequest;
    if (BatchItem === null || typeof BatchItem !== 'object' || Array.isArray(BatchItem)) throw badRequest('EventsRequest: BatchItem must be a map of endpoint ids to batches');
    const Results: Record<string, ItemResponse> = {};
    for (const [endpointId, batch] of Object.entries(BatchItem as Record<string, EventsBatch>)) {
      upsert(ctx, app, endpointId, batch.Endpoint ?? {});
      const EventsItemResponse: ItemResponse['EventsItemResponse'] = {};
      for (const [eventId, event] of Object.entries(batch.Events ?? {})) {
        const problem = eventProblem(event);
        if (problem === undefined) app.events.push({ endpointId, eventId, event });
        EventsItemResponse[eventId] = problem === undefined ? { ...ACCEPTED } : { Message: problem, StatusCode: 400 };
      }
      Results[endpointId] = { EndpointItemResponse: { ...ACCEPTED }, EventsItemResponse };
    }
    const response: EventsResponse = { Results };
    return response;
  },
};
