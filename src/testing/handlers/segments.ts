/** Segments and their version history: every update adds a version; GetSegmentVersion(s) read the history. */
import type { SegmentResponse, WriteSegmentRequest } from '../../../generated/shapes.js';
import type { HandlerContext, HandlerTable } from '../context.js';
import type { StoredSegment } from '../store.js';
import { notFound } from '../errors.js';
import { addVersion, latest, versionOf } from './versioned.js';

/** The segment named by the `SegmentId` label, or a `NotFoundException`. */
export function segmentOf(ctx: HandlerContext, id = ctx.params.SegmentId ?? ''): StoredSegment {
  const segment = ctx.app().segments.get(id);
  if (!segment) throw notFound('Segment', id);
  return segment;
}

export const segmentHandlers: HandlerTable = {
  CreateSegment: (ctx) => {
    const appId = ctx.app().app.Id;
    const req = ctx.body as WriteSegmentRequest;
    const id = ctx.store.nextId();
    const now = ctx.now();
    const segment: SegmentResponse = {
      ...req, ApplicationId: appId, Arn: ctx.resourceArn('GetSegment', { ApplicationId: appId, SegmentId: id }), Id: id, CreationDate: now, LastModifiedDate: now,
      SegmentType: 'DIMENSIONAL', Version: 1,
    };
    ctx.app().segments.set(id, { versions: [segment] });
    return segment;
  },
  GetSegment: (ctx) => latest(segmentOf(ctx)),
  GetSegments: (ctx) => ctx.page([...ctx.app().segments.values()].map(latest)),
  UpdateSegment: (ctx) => {
    // Tags are set when the segment is created; an update does not change them.
    const { tags: _tags, ...req } = ctx.body as WriteSegmentRequest;
    return addVersion(ctx, segmentOf(ctx), req);
  },
  DeleteSegment: (ctx) => {
    const stored = segmentOf(ctx);
    ctx.app().segments.delete(ctx.params.SegmentId ?? '');
    return latest(stored);
  },
  GetSegmentVersion: (ctx) => versionOf(ctx, segmentOf(ctx), 'Segment version'),
  GetSegmentVersions: (ctx) => ctx.page(segmentOf(ctx).versions),
};
