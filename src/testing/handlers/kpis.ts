/**
 * Date-range KPIs of a project, campaign or journey, computed from what the mock holds, so the rows are the same for
 * the same history:
 *
 * - a project counts the successful deliveries of its messages (SendMessages, SendUsersMessages, SendOTPMessage);
 * - a journey counts the endpoints its runs took in (by the run's start);
 * - a campaign counts 0: the mock does not deliver campaigns.
 *
 * A KPI named `…-grouped-by-date` answers one row per UTC day from `start-time` to `end-time` (grouped by `Date`),
 * any other one row with the total. The range defaults to the 7 days before `end-time` (default: now), may span at
 * most 31 days, and must not end before it starts. Rows are paged by `page-size` and `next-token`.
 */
import type { BaseKpiResult, ResultRow } from '../../../generated/shapes.js';
import type { HandlerContext, HandlerTable } from '../context.js';
import type { SentMessage } from '../store.js';
import { badRequest } from '../errors.js';
import { campaignOf } from './campaigns.js';
import { journeyOf } from './journeys.js';

const DAY = 86_400_000;
const DEFAULT_DAYS = 7;
const MAX_DAYS = 31;
/** Pinpoint's KPI names: two or more lowercase terms joined by hyphens (`successful-delivery-rate`). */
const KPI_NAME = /^[a-z0-9]+(-[a-z0-9]+)+$/;
const GROUPED_BY_DATE = /-grouped-by-date$/;

/** An event the KPI counts: when it happened and how many it counts for. */
interface Counted { readonly at: number; readonly count: number }

function instant(ctx: HandlerContext, wire: 'start-time' | 'end-time', fallback: number): number {
  const raw = ctx.query[wire];
  if (raw === undefined) return fallback;
  const t = Date.parse(raw);
  if (Number.isNaN(t)) throw badRequest(`Invalid ${wire} ${JSON.stringify(raw)}: expected an ISO 8601 date and time`);
  return t;
}

/** The successful deliveries of one send. */
function deliveries(m: SentMessage): number {
  const results: { DeliveryStatus?: string }[] = m.operation === 'SendUsersMessages'
    ? Object.values(m.response.Result ?? {}).flatMap((r) => Object.values(r))
    : [...Object.values(m.response.Result ?? {}), ...Object.values(m.response.EndpointResult ?? {})];
  return results.filter((r) => r.DeliveryStatus === 'SUCCESSFUL').length;
}

const utcDay = (t: number): string => new Date(t).toISOString().slice(0, 10);
const total = (items: readonly Counted[]): string => String(items.reduce((sum, c) => sum + c.count, 0));
/** `successful-delivery-rate` → `SuccessfulDeliveryRate`, the value's key. */
const valueKey = (name: string): string => name.replace(GROUPED_BY_DATE, '').split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');

function rows(name: string, counted: readonly Counted[], start: number, end: number): ResultRow[] {
  const inRange = counted.filter((c) => c.at >= start && c.at <= end);
  const Key = valueKey(name);
  if (!GROUPED_BY_DATE.test(name)) return [{ GroupedBys: [], Values: [{ Key, Type: 'Double', Value: total(inRange) }] }];
  const out: ResultRow[] = [];
  for (let day = Date.parse(utcDay(start)); day <= end; day += DAY) {
    const date = utcDay(day);
    out.push({ GroupedBys: [{ Key: 'Date', Type: 'String', Value: date }], Values: [{ Key, Type: 'Double', Value: total(inRange.filter((c) => utcDay(c.at) === date)) }] });
  }
  return out;
}

/** The common body of the three KPI answers: name, range, a page of rows. */
function kpi(ctx: HandlerContext, counted: readonly Counted[]): { KpiName: string; StartTime: string; EndTime: string; KpiResult: BaseKpiResult; NextToken?: string } {
  const KpiName = ctx.params.KpiName ?? '';
  if (!KPI_NAME.test(KpiName)) throw badRequest(`Invalid KpiName ${JSON.stringify(KpiName)}: a KPI name is two or more lowercase terms separated by hyphens (successful-delivery-rate)`);
  const end = instant(ctx, 'end-time', Date.parse(ctx.now()));
  const start = instant(ctx, 'start-time', end - DEFAULT_DAYS * DAY);
  if (start > end) throw badRequest('Invalid date range: start-time must not be after end-time');
  if (end - start > MAX_DAYS * DAY) throw badRequest(`Invalid date range: at most ${MAX_DAYS} days from start-time to end-time`);
  const page = ctx.page(rows(KpiName, counted, start, end));
  return {
    KpiName, StartTime: new Date(start).toISOString(), EndTime: new Date(end).toISOString(), KpiResult: { Rows: page.Item },
    ...(page.NextToken !== undefined ? { NextToken: page.NextToken } : {}),
  };
}

export const kpiHandlers: HandlerTable = {
  GetApplicationDateRangeKpi: (ctx) => {
    const id = ctx.app().app.Id;
    const sends = ctx.store.messages.filter((m) => m.applicationId === id).map((m) => ({ at: Date.parse(m.sentAt), count: deliveries(m) }));
    return { ApplicationId: id, ...kpi(ctx, sends) };
  },
  GetCampaignDateRangeKpi: (ctx) => {
    const campaign = campaignOf(ctx);
    return { ApplicationId: ctx.app().app.Id, CampaignId: campaign.versions[0]!.Id, ...kpi(ctx, []) };
  },
  GetJourneyDateRangeKpi: (ctx) => {
    const stored = journeyOf(ctx);
    const runs = stored.runs.map((r) => ({ at: Date.parse(r.CreationTime), count: stored.entered.get(r.RunId) ?? 0 }));
    return { ApplicationId: ctx.app().app.Id, JourneyId: stored.journey.Id, ...kpi(ctx, runs) };
  },
};
