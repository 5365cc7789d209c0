/** The project's event stream: Put replaces it, Get and Delete answer `NotFoundException` when there is none. */
import type { EventStream, WriteEventStream } from '../../../generated/shapes.js';
import type { HandlerContext, HandlerTable } from '../context.js';
import { notFound } from '../errors.js';

function streamOf(ctx: HandlerContext): EventStream {
  const stream = ctx.app().eventStream;
  if (!stream) throw notFound('Event stream of application', ctx.params.ApplicationId ?? '');
  return stream;
}

export const eventStreamHandlers: HandlerTable = {
  GetEventStream: (ctx) => streamOf(ctx),
  PutEventStream: (ctx) => {
    const app = ctx.app();
    const { DestinationStreamArn, RoleArn } = ctx.body as unknown as WriteEventStream;
    app.eventStream = { ApplicationId: app.app.Id, DestinationStreamArn, RoleArn, LastModifiedDate: ctx.now(), LastUpdatedBy: 'pinpoint-guard-mock' };
    return app.eventStream;
  },
  DeleteEventStream: (ctx) => {
    const stream = streamOf(ctx);
    ctx.app().eventStream = undefined;
    return stream;
  },
};
