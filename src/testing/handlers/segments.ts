/** Segments and their version history: every update adds a version; GetSegmentVersion(s) read the history. */
import type { SegmentResponse, WriteSegmentRequest } from '../../../generated/shapes.js';
import type { HandlerContext, HandlerTable } from '../context.js';
import type { StoredSegment } from '../store.js';
import { notFound } from '../errors.js';

const latest = (s: StoredSegment): SegmentResponse => s.versions[s.versions.length - 1]!;

/** The segment named by the `SegmentId` label, or a `NotFoundException`. */
export function segmentOf(ctx: HandlerContext, id = ctx.params.SegmentId ?? ''): StoredSegment {
  const segment = ctx.app().segments.get(id);
  if (!segment) throw notFound('Segment', id);
  return segment;
}

/** The segment's response at a `Version` label, or a `NotFoundException`. */
function versionOf(ctx: HandlerContext): SegmentResponse {
  const version = ctx.params.Version ?? '';
  const found = segmentOf(ctx).versions.find((v) => String(v.Version) === version);
  if (!found) throw notFound('Segment version', version);
  return found;
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
    const stored = segmentOf(ctx);
    const current = latest(stored);
    // Tags are set when the segment is created; an update does not change them.
    const { tags: _tags, ...req } = ctx.body as WriteSegmentRequest;
    const next: SegmentResponse = { ...current, ...req, LastModifiedDate: ctx.now(), Version: (current.Version ?? 0) + 1 };
    stored.versions.push(next);
    return next;
  },
  DeleteSegment: (ctx) => {
    const stored = segmentOf(ctx);
    ctx.app().segments.delete(ctx.params.SegmentId ?? '');
    return latest(stored);
  },
  GetSegmentVersion: (ctx) => versionOf(ctx),
  GetSegmentVersions: (ctx) => ctx.page(segmentOf(ctx).versions),
};
