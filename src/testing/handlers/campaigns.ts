/**
 * Campaigns, their version history and activities. Every version (the create and each update) schedules one
 * activity (`State: 'SCHEDULED'`, treatment `0`) for its schedule's start.
 */
import type { ActivityResponse, CampaignResponse, TreatmentResource, WriteCampaignRequest, WriteTreatmentResource } from '../../../generated/shapes.js';
import type { HandlerContext, HandlerTable } from '../context.js';
import type { StoredCampaign } from '../store.js';
import { notFound } from '../errors.js';
import { segmentOf } from './segments.js';
import { addVersion, latest, versionOf } from './versioned.js';

/** The campaign named by the `CampaignId` label, or a `NotFoundException`. */
export function campaignOf(ctx: HandlerContext): StoredCampaign {
  const id = ctx.params.CampaignId ?? '';
  const campaign = ctx.app().campaigns.get(id);
  if (!campaign) throw notFound('Campaign', id);
  return campaign;
}

/** The segment version a campaign targets: the one asked for, else the segment's current version. */
function targetVersion(ctx: HandlerContext, segmentId: string, asked: number | undefined): number {
  const segment = segmentOf(ctx, segmentId);
  if (asked === undefined) return segment.versions[segment.versions.length - 1]?.Version ?? 1;
  if (!segment.versions.some((v) => v.Version === asked)) throw notFound('Segment version', `${segmentId}/${asked}`);
  return asked;
}

/** Additional treatments get ids `1`, `2`, ... (the default treatment is `0`). */
const treatments = (written: readonly WriteTreatmentResource[] | undefined): TreatmentResource[] =>
  (written ?? []).map((t, i) => ({ ...t, Id: String(i + 1) }));

function activityFor(ctx: HandlerContext, campaign: CampaignResponse): ActivityResponse {
  return {
    ApplicationId: campaign.ApplicationId, CampaignId: campaign.Id, Id: ctx.store.nextId(), State: 'SCHEDULED', TreatmentId: '0',
    ScheduledStart: campaign.Schedule?.StartTime ?? ctx.now(),
  };
}

export const campaignHandlers: HandlerTable = {
  CreateCampaign: (ctx) => {
    const appId = ctx.app().app.Id;
    const { tags, AdditionalTreatments, ...req } = ctx.body as WriteCampaignRequest;
    const segmentId = req.SegmentId ?? '';
    const id = ctx.store.nextId();
    const now = ctx.now();
    const state = { CampaignStatus: req.IsPaused ? 'PAUSED' : 'SCHEDULED' } as const;
    const campaign: CampaignResponse = {
      ...req, ApplicationId: appId, Arn: ctx.resourceArn('GetCampaign', { ApplicationId: appId, CampaignId: id }), Id: id, CreationDate: now, LastModifiedDate: now,
      SegmentId: segmentId, SegmentVersion: targetVersion(ctx, segmentId, req.SegmentVersion), State: state, DefaultState: state, Version: 1,
      AdditionalTreatments: treatments(AdditionalTreatments), ...(tags ? { tags: { ...tags } } : {}),
    };
    ctx.app().campaigns.set(id, { versions: [campaign], activities: [activityFor(ctx, campaign)] });
    return campaign;
  },
  GetCampaign: (ctx) => latest(campaignOf(ctx)),
  GetCampaigns: (ctx) => ctx.page([...ctx.app().campaigns.values()].map(latest)),
  UpdateCampaign: (ctx) => {
    const stored = campaignOf(ctx);
    const current = latest(stored);
    const { tags: _tags, AdditionalTreatments, ...req } = ctx.body as WriteCampaignRequest;
    const segmentId = req.SegmentId ?? current.SegmentId;
    const asked = req.SegmentVersion ?? (req.SegmentId !== undefined ? undefined : current.SegmentVersion);
    const paused = req.IsPaused ?? current.IsPaused;
    const state = { CampaignStatus: paused ? 'PAUSED' : 'SCHEDULED' } as const;
    const next = addVersion(ctx, stored, {
      ...req, ...(AdditionalTreatments ? { AdditionalTreatments: treatments(AdditionalTreatments) } : {}), SegmentId: segmentId, SegmentVersion: targetVersion(ctx, segmentId, asked), State: state,
    });
    stored.activities.push(activityFor(ctx, next));
    return next;
  },
  DeleteCampaign: (ctx) => {
    const stored = campaignOf(ctx);
    ctx.app().campaigns.delete(ctx.params.CampaignId ?? '');
    return { ...latest(stored), State: { CampaignStatus: 'DELETED' } };
  },
  GetCampaignVersion: (ctx) => versionOf(ctx, campaignOf(ctx), 'Campaign version'),
  GetCampaignVersions: (ctx) => ctx.page(campaignOf(ctx).versions),
  GetCampaignActivities: (ctx) => ctx.page(campaignOf(ctx).activities),
};
