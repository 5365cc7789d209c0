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
};
