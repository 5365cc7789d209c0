/**
 * SendMessages and SendUsersMessages: recorded in `mock.store.messages`, answered with one result per address,
 * endpoint or user endpoint. Delivery is `SUCCESSFUL` (200) except for an endpoint that does not exist
 * (`PERMANENT_FAILURE`, 404), that opted out (`OPT_OUT`, 400) or is `INACTIVE` (`PERMANENT_FAILURE`, 400).
 */
import type {
  EndpointMessageResult, EndpointResponse, MessageRequest, MessageResponse, MessageResult, SendUsersMessageRequest, SendUsersMessageResponse,
} from '../../../generated/shapes.js';
import type { HandlerContext, HandlerTable } from '../context.js';

/** A `SUCCESSFUL` delivery with a fresh message id. */
export function delivered(ctx: HandlerContext): MessageResult {
  const MessageId = `mock-${ctx.store.nextId()}`;
  return { DeliveryStatus: 'SUCCESSFUL', StatusCode: 200, MessageId, StatusMessage: `MessageId: ${MessageId}` };
}

function toEndpoint(ctx: HandlerContext, endpoint: EndpointResponse | undefined, id: string): EndpointMessageResult {
  if (!endpoint) return { DeliveryStatus: 'PERMANENT_FAILURE', StatusCode: 404, StatusMessage: `Endpoint ${id} not found` };
  if (endpoint.OptOut !== undefined && endpoint.OptOut !== 'NONE') return { Address: endpoint.Address, DeliveryStatus: 'OPT_OUT', StatusCode: 400, StatusMessage: 'Endpoint has opted out' };
  if (endpoint.EndpointStatus === 'INACTIVE') return { Address: endpoint.Address, DeliveryStatus: 'PERMANENT_FAILURE', StatusCode: 400, StatusMessage: 'Endpoint is inactive' };
  return { Address: endpoint.Address, ...delivered(ctx) };
}

export const messageHandlers: HandlerTable = {
  SendMessages: (ctx) => {
    const app = ctx.app();
    const request = ctx.body as unknown as MessageRequest;
    const response: MessageResponse = { ApplicationId: app.app.Id, RequestId: ctx.requestId };
    if (request.Addresses) response.Result = Object.fromEntries(Object.keys(request.Addresses).map((address) => [address, delivered(ctx)]));
    if (request.Endpoints) {
      response.EndpointResult = Object.fromEntries(Object.keys(request.Endpoints).map((id) => [id, toEndpoint(ctx, app.endpoints.get(id), id)]));
    }
    ctx.store.messages.push({ operation: 'SendMessages', applicationId: app.app.Id, sentAt: ctx.now(), request, response });
    return response;
  },
  SendUsersMessages: (ctx) => {
    const app = ctx.app();
    const request = ctx.body as unknown as SendUsersMessageRequest;
    const endpoints = [...app.endpoints.values()];
    const Result = Object.fromEntries(Object.keys(request.Users).map((userId) => [
      userId,
      Object.fromEntries(endpoints.filter((e) => e.User?.UserId === userId).map((e) => [e.Id ?? '', toEndpoint(ctx, e, e.Id ?? '')])),
    ]));
    const response: SendUsersMessageResponse = { ApplicationId: app.app.Id, RequestId: ctx.requestId, Result };
    ctx.store.messages.push({ operation: 'SendUsersMessages', applicationId: app.app.Id, sentAt: ctx.now(), request, response });
    return response;
  },
};
