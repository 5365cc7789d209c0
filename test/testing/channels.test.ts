import { describe, expect, it } from 'vitest';
import { NotFoundException, BadRequestException, type PinpointClient } from '../../src/index.js';
import { useMock } from './support.js';

const { client } = useMock();

type Stem = 'Adm' | 'Apns' | 'ApnsSandbox' | 'ApnsVoip' | 'ApnsVoipSandbox' | 'Baidu' | 'Email' | 'Gcm' | 'Sms' | 'Voice';

/** [stem, Platform, a valid update body, the response member it is wrapped in]. */
const CHANNELS: readonly [Stem, string, Record<string, unknown>, string][] = [
  ['Adm', 'ADM', { ClientId: 'id', ClientSecret: 'secret' }, 'ADMChannelResponse'],
  ['Apns', 'APNS', { TokenKey: 'k', TokenKeyId: 'kid', BundleId: 'b', TeamId: 't' }, 'APNSChannelResponse'],
  ['ApnsSandbox', 'APNS_SANDBOX', { Certificate: 'c', PrivateKey: 'p' }, 'APNSSandboxChannelResponse'],
  ['ApnsVoip', 'APNS_VOIP', { Certificate: 'c', PrivateKey: 'p' }, 'APNSVoipChannelResponse'],
  ['ApnsVoipSandbox', 'APNS_VOIP_SANDBOX', { Certificate: 'c', PrivateKey: 'p' }, 'APNSVoipSandboxChannelResponse'],
  ['Baidu', 'BAIDU', { ApiKey: 'k', SecretKey: 's' }, 'BaiduChannelResponse'],
  ['Email', 'EMAIL', { FromAddress: 'a@example.com', Identity: 'arn:aws:ses:us-east-1:123456789012:identity/example.com' }, 'EmailChannelResponse'],
  ['Gcm', 'GCM', { ServiceJson: '{}', DefaultAuthenticationMethod: 'TOKEN' }, 'GCMChannelResponse'],
  ['Sms', 'SMS', { SenderId: 'ACME' }, 'SMSChannelResponse'],
  ['Voice', 'VOICE', { Enabled: true }, 'VoiceChannelResponse'],
];

/** Calls `<verb><stem>Channel` on the client without naming 30 methods. */
function call(verb: 'get' | 'update' | 'delete', stem: Stem, input: Record<string, unknown>): Promise<Record<string, unknown>> {
  const method = (client as unknown as Record<string, (i: unknown) => Promise<Record<string, unknown>>>)[`${verb}${stem}Channel`];
  if (!method) throw new Error(`no method ${verb}${stem}Channel on ${(client as PinpointClient<'off'>).constructor.name}`);
  return method.call(client, input);
}

describe('channels', () => {
  it.each(CHANNELS)('%s: update, get, update again, delete, then NotFoundException', async (stem, platform, body, responseMember) => {
    const ApplicationId = (await client.createApp({ CreateApplicationRequest: { Name: 'p' } })).ApplicationResponse.Id;
    await expect(call('get', stem, { ApplicationId })).rejects.toBeInstanceOf(NotFoundException);
    const requestMember = responseMember.replace(/Response$/, 'Request');
    const first = (await call('update', stem, { ApplicationId, [requestMember]: body }))[responseMember] as Record<string, unknown>;
    expect(first).toMatchObject({ ApplicationId, Platform: platform, Enabled: true, Version: 1 });
    for (const secret of ['ClientSecret', 'Certificate', 'PrivateKey', 'TokenKey', 'ApiKey', 'SecretKey', 'ServiceJson', 'BundleId']) expect(first).not.toHaveProperty(secret);
    if (stem !== 'Sms' && stem !== 'Voice' && stem !== 'Email') expect(first.HasCredential).toBe(true);
    expect((await call('get', stem, { ApplicationId }))[responseMember]).toEqual(first);
    const second = (await call('update', stem, { ApplicationId, [requestMember]: { ...body, Enabled: false } }))[responseMember];
    expect(second).toMatchObject({ Enabled: false, Version: 2, CreationDate: first.CreationDate });
    expect((await call('delete', stem, { ApplicationId }))[responseMember]).toEqual(second);
    await expect(call('get', stem, { ApplicationId })).rejects.toBeInstanceOf(NotFoundException);
  });

  it('requires the channel credentials the shapes require', async () => {
    const ApplicationId = (await client.createApp({ CreateApplicationRequest: { Name: 'p' } })).ApplicationResponse.Id;
    await expect(client.updateAdmChannel({ ApplicationId, ADMChannelRequest: { ClientId: 'id' } as never })).rejects.toThrow(/required member ClientSecret/);
    await expect(client.updateEmailChannel({ ApplicationId, EmailChannelRequest: { FromAddress: 'a@b.c' } as never })).rejects.toBeInstanceOf(BadRequestException);
  });
});

describe('GetChannels', () => {
  it('answers every channel of the project by platform, with the members all channels share', async () => {
    const ApplicationId = (await client.createApp({ CreateApplicationRequest: { Name: 'c' } })).ApplicationResponse.Id;
    expect((await client.getChannels({ ApplicationId })).ChannelsResponse).toEqual({ Channels: {} });
    await client.updateSmsChannel({ ApplicationId, SMSChannelRequest: { SenderId: 'ACME' } });
    await client.updateVoiceChannel({ ApplicationId, VoiceChannelRequest: { Enabled: false } });
    const { Channels } = (await client.getChannels({ ApplicationId })).ChannelsResponse;
    expect(Object.keys(Channels)).toEqual(['SMS', 'VOICE']);
    expect(Channels.VOICE).toEqual({
      ApplicationId, Id: 'voice', Enabled: false, HasCredential: false, IsArchived: false, Version: 1, CreationDate: expect.any(String), LastModifiedDate: expect.any(String), LastModifiedBy: 'pinpoint-guard-mock',
    });
    expect(Channels.SMS).not.toHaveProperty('SenderId');
  });
});
