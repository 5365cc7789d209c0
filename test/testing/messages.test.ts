import { describe, expect, it } from 'vitest';
import { BadRequestException } from '../../src/index.js';
import { useMock } from './support.js';
import { validatePhoneNumber } from '../../src/testing/index.js';

const { mock, client } = useMock();
const MessageConfiguration = { SMSMessage: { Body: 'hi', MessageType: 'TRANSACTIONAL' as const } };

describe('messages', () => {
  it('SendMessages answers per address and per endpoint, and records the send', async () => {
    const ApplicationId = (await client.createApp({ CreateApplicationRequest: { Name: 'p' } })).ApplicationResponse.Id;
    await client.updateEndpoint({ ApplicationId, EndpointId: 'ok', EndpointRequest: { ChannelType: 'SMS', Address: '+15555550100' } });
    await client.updateEndpoint({ ApplicationId, EndpointId: 'out', EndpointRequest: { ChannelType: 'SMS', Address: '+15555550101', OptOut: 'ALL' } });
    const sent = await client.sendMessages({ ApplicationId, MessageRequest: {
      MessageConfiguration, Addresses: { '+15555550199': { ChannelType: 'SMS' } }, Endpoints: { ok: {}, out: {}, gone: {} },
    } });
    const res = sent.MessageResponse;
    expect(res.ApplicationId).toBe(ApplicationId);
    expect(res.Result?.['+15555550199']).toMatchObject({ DeliveryStatus: 'SUCCESSFUL', StatusCode: 200, MessageId: expect.any(String) });
    expect(res.EndpointResult).toMatchObject({
      ok: { DeliveryStatus: 'SUCCESSFUL', StatusCode: 200, Address: '+15555550100' },
      out: { DeliveryStatus: 'OPT_OUT', StatusCode: 400 },
      gone: { DeliveryStatus: 'PERMANENT_FAILURE', StatusCode: 404 },
    });
    expect(mock.store.messages).toEqual([{ operation: 'SendMessages', applicationId: ApplicationId, sentAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), request: expect.objectContaining({ MessageConfiguration }), response: res }]);
  });

  it('SendUsersMessages answers per user endpoint', async () => {
    const ApplicationId = (await client.createApp({ CreateApplicationRequest: { Name: 'p' } })).ApplicationResponse.Id;
    await client.updateEndpoint({ ApplicationId, EndpointId: 'e1', EndpointRequest: { ChannelType: 'SMS', Address: '+15555550100', User: { UserId: 'u1' } } });
    const sent = await client.sendUsersMessages({ ApplicationId, SendUsersMessageRequest: { MessageConfiguration, Users: { u1: {}, u2: {} } } });
    expect(sent.SendUsersMessageResponse.Result).toEqual({
      u1: { e1: expect.objectContaining({ DeliveryStatus: 'SUCCESSFUL', StatusCode: 200, Address: '+15555550100' }) },
      u2: {},
    });
    expect(mock.store.messages.map((m) => m.operation)).toEqual(['SendUsersMessages']);
  });

  it('refuses a send without MessageConfiguration', async () => {
    const ApplicationId = (await client.createApp({ CreateApplicationRequest: { Name: 'p' } })).ApplicationResponse.Id;
    await expect(client.sendMessages({ ApplicationId, MessageRequest: {} as never })).rejects.toBeInstanceOf(BadRequestException);
    expect(mock.store.messages).toEqual([]);
  });
});

describe(validatePhoneNumber.name, () => {
  const cases: readonly [string, { PhoneNumber: string; IsoCountryCode?: string }, Record<string, unknown>][] = [
    ['a US number', { PhoneNumber: '+1 (206) 555-0100' }, { CountryCodeIso2: 'US', CleansedPhoneNumberE164: '+12065550100', CleansedPhoneNumberNational: '2065550100', PhoneType: 'MOBILE', PhoneTypeCode: 0, Carrier: 'Mock Carrier' }],
    ['a UK number', { PhoneNumber: '+447700900123' }, { CountryCodeIso2: 'GB', Country: 'United Kingdom', CleansedPhoneNumberE164: '+447700900123' }],
    ['a national number with a country hint', { PhoneNumber: '030 1234567', IsoCountryCode: 'de' }, { CountryCodeIso2: 'DE', CleansedPhoneNumberE164: '+49301234567', OriginalCountryCodeIso2: 'DE' }],
    ['an unknown calling code', { PhoneNumber: '+999123456' }, { PhoneType: 'INVALID', PhoneTypeCode: 3 }],
    ['too short', { PhoneNumber: '+1 12' }, { PhoneType: 'INVALID' }],
  ];
  it.each(cases)('%s', async (_, given, want) => {
    expect(validatePhoneNumber(given)).toMatchObject(want);
    const res = await client.phoneNumberValidate({ NumberValidateRequest: given });
    expect(res.NumberValidateResponse).toEqual(validatePhoneNumber(given));
  });
});
