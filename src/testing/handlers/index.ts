/** Every built-in operation handler, in one table keyed by operation name. */
import type { HandlerTable } from '../context.js';
import { appHandlers } from './apps.js';
import { segmentHandlers } from './segments.js';
import { campaignHandlers } from './campaigns.js';
import { endpointHandlers } from './endpoints.js';
import { channelHandlers } from './channels.js';
import { eventStreamHandlers } from './eventstream.js';
import { jobHandlers } from './jobs.js';
import { messageHandlers } from './messages.js';
import { phoneHandlers } from './phone.js';
import { templateHandlers } from './templates.js';
import { otpHandlers } from './otp.js';
import { tagHandlers } from './tags.js';
import { journeyHandlers } from './journeys.js';
import { recommenderHandlers } from './recommenders.js';
import { kpiHandlers } from './kpis.js';
import { inAppHandlers } from './inapp.js';
import { eventHandlers } from './events.js';
import { attributeHandlers } from './attributes.js';

export const builtinHandlers: HandlerTable = {
  ...appHandlers,
  ...segmentHandlers,
  ...campaignHandlers,
  ...endpointHandlers,
  ...channelHandlers,
  ...eventStreamHandlers,
  ...jobHandlers,
  ...messageHandlers,
  ...phoneHandlers,
  ...templateHandlers,
  ...otpHandlers,
  ...tagHandlers,
  ...journeyHandlers,
  ...recommenderHandlers,
  ...kpiHandlers,
  ...inAppHandlers,
  ...eventHandlers,
  ...attributeHandlers,
};
