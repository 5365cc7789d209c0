/**
 * Endpoints and user endpoints. UpdateEndpoint and UpdateEndpointsBatch create or update (top-level members given
 * replace the stored ones) and answer 202 `{ Message: 'Accepted', RequestID }`, as Pinpoint does.
 */
import type { EndpointBatchRequest, EndpointRequest, EndpointResponse, MessageBody } from '../../../generated/shapes.js';
import type { HandlerContext, HandlerTable } from '../context.js';
import type { StoredApp } from '../store.js';
import { notFound } from '../errors.js';

function endpointOf(ctx: HandlerContext): EndpointResponse {
  const id = ctx.params.EndpointId ?? '';
  const endpoint = ctx.app().endpoints.get(id);
  if (!endpoint) throw notFound('Endpoint', id);
  return endpoint;
}

/** A stable cohort (0–99) from the id, as Pinpoint assigns one per endpoint. */
const cohortOf = (id: string): string => String([...id].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7) % 100);

/** Creates or updates endpoint `id` of `app` from `req` (top-level members given replace the stored ones). */
export function upsert(ctx: HandlerContext, app: StoredApp, id: string, req: EndpointRequest): void {
  const now = ctx.now();
  const current = app.endpoints.get(id);
  const base: EndpointResponse = current ?? {
    ApplicationId: app.app.Id, Id: id, CohortId: cohortOf(id), CreationDate: now, EffectiveDate: now, EndpointStatus: 'ACTIVE', OptOut: 'NONE',
  };
  app.endpoints.set(id, { ...base, ...req, ApplicationId: app.app.Id, Id: id, EffectiveDate: req.EffectiveDate ?? now, RequestId: req.RequestId ?? ctx.requestId });
}

const accepted = (ctx: HandlerContext): MessageBody => ({ Message: 'Accepted', RequestID: ctx.requestId });

function userEndpoints(ctx: HandlerContext): EndpointResponse[] {
  const userId = ctx.params.UserId ?? '';
  const found = [...ctx.app().endpoints.values()].filter((e) => e.User?.UserId === userId);
  if (found.length === 0) throw notFound('User', userId);
  return found;
}

export const endpointHandlers: HandlerTable = {
  GetEndpoint: (ctx) => endpointOf(ctx),
  UpdateEndpoint: (ctx) => {
    upsert(ctx, ctx.app(), ctx.params.EndpointId ?? '', ctx.body as EndpointRequest);
    return accepted(ctx);
  },
  UpdateEndpointsBatch: (ctx) => {
    const app = ctx.app();
    for (const { Id, ...item } of (ctx.body as unknown as EndpointBatchRequest).Item) upsert(ctx, app, Id ?? '', item);
    return accepted(ctx);
  },
  DeleteEndpoint: (ctx) => {
    const endpoint = endpointOf(ctx);
    ctx.app().endpoints.delete(endpoint.Id ?? '');
    return endpoint;
  },
  GetUserEndpoints: (ctx) => ({ Item: userEndpoints(ctx) }),
  DeleteUserEndpoints: (ctx) => {
    const found = userEndpoints(ctx);
    for (const e of found) ctx.app().endpoints.delete(e.Id ?? '');
    return { Item: found };
  },
};
