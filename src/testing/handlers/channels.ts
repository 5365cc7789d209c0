/**
 * Channels: Get, Update and Delete for each channel type, built from one table. Secrets given to Update are not
 * stored (the response says `HasCredential`, as Pinpoint's does); each update bumps `Version`.
 */
import type { HandlerContext, HandlerTable, OperationHandler } from '../context.js';
import type { StoredChannel } from '../store.js';
import { notFound } from '../errors.js';

interface ChannelKind {
  /** The operation-name stem: `Adm` → GetAdmChannel, UpdateAdmChannel, DeleteAdmChannel. */
  readonly stem: string;
  /** The path segment: `/v1/apps/{ApplicationId}/channels/<segment>`. */
  readonly segment: string;
  readonly platform: string;
}

const KINDS: readonly ChannelKind[] = [
  { stem: 'Adm', segment: 'adm', platform: 'ADM' },
  { stem: 'Apns', segment: 'apns', platform: 'APNS' },
  { stem: 'ApnsSandbox', segment: 'apns_sandbox', platform: 'APNS_SANDBOX' },
  { stem: 'ApnsVoip', segment: 'apns_voip', platform: 'APNS_VOIP' },
  { stem: 'ApnsVoipSandbox', segment: 'apns_voip_sandbox', platform: 'APNS_VOIP_SANDBOX' },
  { stem: 'Baidu', segment: 'baidu', platform: 'BAIDU' },
  { stem: 'Email', segment: 'email', platform: 'EMAIL' },
  { stem: 'Gcm', segment: 'gcm', platform: 'GCM' },
  { stem: 'Sms', segment: 'sms', platform: 'SMS' },
  { stem: 'Voice', segment: 'voice', platform: 'VOICE' },
];

/** Request members that are credentials: kept out of the store and the responses. */
const SECRETS = ['ClientSecret', 'ClientId', 'Certificate', 'PrivateKey', 'TokenKey', 'TokenKeyId', 'ApiKey', 'SecretKey', 'ServiceJson'] as const;
/** Request members no channel response has. */
const WRITE_ONLY: readonly string[] = [...SECRETS, 'BundleId', 'TeamId'];

function channelOf(ctx: HandlerContext, kind: ChannelKind): StoredChannel {
  const channel = ctx.app().channels.get(kind.segment);
  if (!channel) throw notFound(`${kind.platform} channel of application`, ctx.params.ApplicationId ?? '');
  return channel;
}

function update(ctx: HandlerContext, kind: ChannelKind): StoredChannel {
  const app = ctx.app();
  const current = app.channels.get(kind.segment);
  const req = ctx.body;
  const now = ctx.now();
  const publicMembers = Object.fromEntries(Object.entries(req).filter(([k]) => !WRITE_ONLY.includes(k)));
  const given = (k: string): boolean => typeof req[k] === 'string' && req[k] !== '';
  const channel: StoredChannel = {
    ...current,
    ...publicMembers,
    ApplicationId: app.app.Id,
    Id: kind.segment,
    Platform: kind.platform,
    CreationDate: (current?.CreationDate as string | undefined) ?? now,
    LastModifiedDate: now,
    LastModifiedBy: 'pinpoint-guard-mock',
    Enabled: (req.Enabled as boolean | undefined) ?? (current?.Enabled as boolean | undefined) ?? true,
    IsArchived: false,
    HasCredential: SECRETS.some(given) || current?.HasCredential === true,
    Version: ((current?.Version as number | undefined) ?? 0) + 1,
    ...(kind.stem.startsWith('Apns') ? { HasTokenKey: given('TokenKey') || current?.HasTokenKey === true } : {}),
    ...(kind.stem === 'Gcm' ? { HasFcmServiceCredentials: given('ServiceJson') || current?.HasFcmServiceCredentials === true } : {}),
    // BaiduChannelResponse.Credential is required; Pinpoint answers with the API key's id, never the secret.
    ...(kind.stem === 'Baidu' ? { Credential: 'mock-baidu-credential' } : {}),
  };
  app.channels.set(kind.segment, channel);
  return channel;
}

function handlersFor(kind: ChannelKind): Record<string, OperationHandler> {
  return {
    [`Get${kind.stem}Channel`]: (ctx) => channelOf(ctx, kind),
    [`Update${kind.stem}Channel`]: (ctx) => update(ctx, kind),
    [`Delete${kind.stem}Channel`]: (ctx) => {
      const channel = channelOf(ctx, kind);
      ctx.app().channels.delete(kind.segment);
      return channel;
    },
  };
}

/** ChannelResponse's members: what GetChannels answers of each channel (no channel-specific members). */
const COMMON: readonly string[] = ['ApplicationId', 'CreationDate', 'Enabled', 'HasCredential', 'Id', 'IsArchived', 'LastModifiedBy', 'LastModifiedDate', 'Version'];

export const channelHandlers: HandlerTable = {
  ...(Object.assign({}, ...KINDS.map(handlersFor)) as HandlerTable),
  /** Every channel the project has, keyed by platform (`SMS`, `APNS_SANDBOX`, ...). */
  GetChannels: (ctx) => ({
    Channels: Object.fromEntries([...ctx.app().channels.values()].map((c) => [c.Platform, Object.fromEntries(Object.entries(c).filter(([k]) => COMMON.includes(k)))])),
  }),
};
