/**
 * GetInAppMessages: the in-app messages an endpoint would be shown — every campaign of the project whose current
 * version carries an in-app message (its own, or an in-app template's: the version it names, else the active one),
 * that is not paused, and whose schedule has not ended.
 */
import type { CampaignResponse, InAppMessage, InAppMessageCampaign } from '../../../generated/shapes.js';
import type { HandlerContext, HandlerTable } from '../context.js';
import { templateKey } from '../store.js';
import { notFound } from '../errors.js';
import { latest } from './versioned.js';

/** The in-app content a campaign carries, or `undefined`. */
function messageOf(ctx: HandlerContext, campaign: CampaignResponse): InAppMessage | undefined {
  const own = campaign.MessageConfiguration?.InAppMessage;
  if (own) return { ...(own.Content ? { Content: own.Content } : {}), ...(own.CustomConfig ? { CustomConfig: own.CustomConfig } : {}), ...(own.Layout ? { Layout: own.Layout } : {}) };
  const ref = campaign.TemplateConfiguration?.InAppTemplate;
  const template = ref?.Name === undefined ? undefined : ctx.store.templates.get(templateKey('INAPP', ref.Name));
  if (!template) return undefined;
  const version = template.versions.find((v) => v.Version === (ref?.Version ?? template.active));
  if (!version) return undefined;
  const { Content, CustomConfig, Layout } = version as InAppMessage;
  return { ...(Content ? { Content } : {}), ...(CustomConfig ? { CustomConfig } : {}), ...(Layout ? { Layout } : {}) };
}

function shown(ctx: HandlerContext, campaign: CampaignResponse): InAppMessageCampaign | undefined {
  const message = messageOf(ctx, campaign);
  const ended = campaign.Schedule?.EndTime !== undefined && Date.parse(campaign.Schedule.EndTime) <= Date.parse(ctx.now());
  if (!message || campaign.IsPaused || campaign.State?.CampaignStatus === 'PAUSED' || ended) return undefined;
  const limits = campaign.Limits ?? {};
  const schedule = campaign.Schedule;
  return {
    CampaignId: campaign.Id, TreatmentId: '0', InAppMessage: message,
    ...(campaign.Priority !== undefined ? { Priority: campaign.Priority } : {}),
    ...(limits.Daily !== undefined ? { DailyCap: limits.Daily } : {}),
    ...(limits.Session !== undefined ? { SessionCap: limits.Session } : {}),
    ...(limits.Total !== undefined ? { TotalCap: limits.Total } : {}),
    ...(schedule ? { Schedule: { ...(schedule.EndTime ? { EndDate: schedule.EndTime } : {}), ...(schedule.EventFilter ? { EventFilter: schedule.EventFilter } : {}), ...(schedule.QuietTime ? { QuietTime: schedule.QuietTime } : {}) } } : {}),
  };
}

export const inAppHandlers: HandlerTable = {
  GetInAppMessages: (ctx) => {
    const app = ctx.app();
    const endpointId = ctx.params.EndpointId ?? '';
    if (!app.endpoints.has(endpointId)) throw notFound('Endpoint', endpointId);
    const InAppMessageCampaigns = [...app.campaigns.values()].map(latest).flatMap((c) => shown(ctx, c) ?? []);
    return { InAppMessageCampaigns };
  },
};
