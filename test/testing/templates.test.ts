import { describe, expect, it } from 'vitest';
import { BadRequestException, NotFoundException, paginateListTemplates, paginateListTemplateVersions, type PinpointClient } from '../../src/index.js';
import { useMock } from './support.js';

const { mock, client } = useMock();

type Stem = 'Email' | 'InApp' | 'Push' | 'Sms' | 'Voice';

/** [stem, TemplateType, request member, response member, a valid body, a second body]. */
const KINDS: readonly [Stem, string, string, string, Record<string, unknown>, Record<string, unknown>][] = [
  ['Email', 'EMAIL', 'EmailTemplateRequest', 'EmailTemplateResponse', { Subject: 'Hi', HtmlPart: '<p>v1</p>' }, { Subject: 'Hello', TextPart: 'v2' }],
  ['InApp', 'INAPP', 'InAppTemplateRequest', 'InAppTemplateResponse', { Layout: 'BOTTOM_BANNER', Content: [{ BodyConfig: { Body: 'v1', Alignment: 'LEFT', TextColor: '#000000' } }] }, { Layout: 'CAROUSEL' }],
  ['Push', 'PUSH', 'PushNotificationTemplateRequest', 'PushNotificationTemplateResponse', { Default: { Title: 't', Body: 'v1' } }, { GCM: { Body: 'v2' } }],
  ['Sms', 'SMS', 'SMSTemplateRequest', 'SMSTemplateResponse', { Body: 'v1 {{User.Name}}', DefaultSubstitutions: '{"User.Name":"you"}' }, { Body: 'v2' }],
  ['Voice', 'VOICE', 'VoiceTemplateRequest', 'VoiceTemplateResponse', { Body: 'v1', LanguageCode: 'en-US', VoiceId: 'Joanna' }, { Body: 'v2', VoiceId: 'Matthew' }],
];

type Call = (input: Record<string, unknown>) => Promise<Record<string, Record<string, unknown>>>;
const method = (name: string): Call => {
  const fn = (client as unknown as Record<string, Call>)[name];
  if (!fn) throw new Error(`no ${name} on ${(client as PinpointClient<'off'>).constructor.name}`);
  return fn.bind(client);
};

describe.each(KINDS)('%s templates', (stem, TemplateType, requestMember, responseMember, v1, v2) => {
  const create = method(`create${stem}Template`);
  const update = method(`update${stem}Template`);
  const get = method(`get${stem}Template`);
  const remove = method(`delete${stem}Template`);
  const TemplateName = `welcome-${stem}`;
  const Arn = `arn:aws:mobiletargeting:us-east-1:123456789012:templates/${TemplateName}/${TemplateType}`;

  it('create → version 1 active; update overwrites the latest or appends one; get reads the active or the asked version', async () => {
    const created = await create({ TemplateName, [requestMember]: { ...v1, tags: { team: 'a' } } });
    expect(created.$metadata).toMatchObject({ httpStatusCode: 201 });
    expect(Object.values(created).find((v) => 'Arn' in v)).toEqual({ Arn, Message: 'Created', RequestID: expect.any(String) });
    expect((await get({ TemplateName }))[responseMember]).toMatchObject({ ...v1, Arn, TemplateName, TemplateType, Version: '1', tags: { team: 'a' } });

    await update({ TemplateName, [requestMember]: { ...v1, TemplateDescription: 'same version' } });
    expect((await get({ TemplateName }))[responseMember]).toMatchObject({ Version: '1', TemplateDescription: 'same version' });

    const appended = await update({ TemplateName, CreateNewVersion: true, [requestMember]: v2 });
    expect(appended.MessageBody).toEqual({ Message: 'Accepted', RequestID: expect.any(String) });
    // The active version stays 1 until it is changed.
    expect((await get({ TemplateName }))[responseMember]).toMatchObject({ Version: '1' });
    expect((await get({ TemplateName, Version: '2' }))[responseMember]).toMatchObject({ ...v2, Version: '2', tags: { team: 'a' } });
    await client.updateTemplateActiveVersion({ TemplateName, TemplateType, TemplateActiveVersionRequest: { Version: 'latest' } });
    expect((await get({ TemplateName }))[responseMember]).toMatchObject({ ...v2, Version: '2' });
    // Spelled otherwise than the service spells it, the type would name another ARN: refused before anything is sent.
    await expect(client.updateTemplateActiveVersion({ TemplateName, TemplateType: TemplateType.toLowerCase(), TemplateActiveVersionRequest: { Version: '1' } }))
      .rejects.toThrow(`UpdateTemplateActiveVersion: input.TemplateType: expected one of EMAIL, INAPP, PUSH, SMS, VOICE (as the service spells them), got the string "${TemplateType.toLowerCase()}"`);
    await client.updateTemplateActiveVersion({ TemplateName, TemplateType, TemplateActiveVersionRequest: { Version: '1' } });
    expect((await get({ TemplateName }))[responseMember]).toMatchObject({ Version: '1' });

    const versions = await client.listTemplateVersions({ TemplateName, TemplateType });
    expect(versions.TemplateVersionsResponse.Item.map((v) => [v.Version, v.TemplateType])).toEqual([['1', TemplateType], ['2', TemplateType]]);
  });

  it('refuses a duplicate, an update of an old version, a missing version, and the active version\'s deletion', async () => {
    await create({ TemplateName, [requestMember]: v1 });
    await expect(create({ TemplateName, [requestMember]: v1 })).rejects.toThrow(new RegExp(`Template ${TemplateName} of type ${TemplateType} already exists`));
    await update({ TemplateName, CreateNewVersion: true, [requestMember]: v2 });
    await expect(update({ TemplateName, Version: '1', [requestMember]: v2 })).rejects.toThrow(/an update must name the latest version of template .* \(2\)/);
    await expect(get({ TemplateName, Version: '7' })).rejects.toBeInstanceOf(NotFoundException);
    await expect(remove({ TemplateName, Version: '1' })).rejects.toThrow(/is the active version/);
    expect((await remove({ TemplateName, Version: '2' })).MessageBody).toMatchObject({ Message: 'Accepted' });
    expect(mock.store.templates.get(`${TemplateType}/${TemplateName}`)?.versions.map((v) => v.Version)).toEqual(['1']);
    await remove({ TemplateName });
    await expect(get({ TemplateName })).rejects.toThrow(new RegExp(`Resource not found: ${TemplateType} template "${TemplateName}" does not exist`));
    await expect(remove({ TemplateName })).rejects.toBeInstanceOf(NotFoundException);
  });
});

describe('ListTemplates and ListTemplateVersions', () => {
  it('lists the active version of each template, filtered by type and prefix, paged', async () => {
    for (const name of ['b-welcome', 'a-welcome', 'a-reset']) await client.createSmsTemplate({ TemplateName: name, SMSTemplateRequest: { Body: name } });
    await client.createEmailTemplate({ TemplateName: 'a-welcome', EmailTemplateRequest: { Subject: 's' } });
    const all = (await client.listTemplates({})).TemplatesResponse.Item.map((t) => `${t.TemplateType}/${t.TemplateName}@${t.Version}`);
    expect(all).toEqual(['SMS/a-reset@1', 'EMAIL/a-welcome@1', 'SMS/a-welcome@1', 'SMS/b-welcome@1']);
    const sms = (await client.listTemplates({ TemplateType: 'SMS', Prefix: 'a-' })).TemplatesResponse.Item.map((t) => t.TemplateName);
    expect(sms).toEqual(['a-reset', 'a-welcome']);
    const pages: string[][] = [];
    for await (const page of paginateListTemplates(client, { PageSize: '3' })) pages.push(page.TemplatesResponse.Item.map((t) => t.TemplateName));
    expect(pages).toEqual([['a-reset', 'a-welcome', 'a-welcome'], ['b-welcome']]);
    await expect(client.listTemplates({ TemplateType: 'FAX' })).rejects.toThrow(/Invalid TemplateType "FAX": valid values are EMAIL, INAPP, PUSH, SMS, VOICE/);
  });

  it('pages the versions of one template', async () => {
    await client.createVoiceTemplate({ TemplateName: 'v', VoiceTemplateRequest: { Body: '1' } });
    for (const Body of ['2', '3', '4', '5']) await client.updateVoiceTemplate({ TemplateName: 'v', CreateNewVersion: true, VoiceTemplateRequest: { Body } });
    const pages: string[][] = [];
    for await (const page of paginateListTemplateVersions(client, { TemplateName: 'v', TemplateType: 'VOICE', PageSize: '2' })) {
      pages.push(page.TemplateVersionsResponse.Item.map((v) => v.Version ?? ''));
    }
    expect(pages).toEqual([['1', '2'], ['3', '4'], ['5']]);
    await expect(client.listTemplateVersions({ TemplateName: 'v', TemplateType: 'SMS' })).rejects.toBeInstanceOf(NotFoundException);
  });

  it('refuses a template name Pinpoint refuses', async () => {
    await expect(client.createSmsTemplate({ TemplateName: '-x', SMSTemplateRequest: {} })).rejects.toBeInstanceOf(BadRequestException);
    await expect(client.createSmsTemplate({ TemplateName: 'x'.repeat(129), SMSTemplateRequest: {} })).rejects.toThrow(/maximum of 128 characters/);
  });
});

describe('TemplateType is spelled as the service spells it', () => {
  const signed = { authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/mobiletargeting/aws4_request, SignedHeaders=host, Signature=00' };
  it.each(['email', 'Email', 'EMAIL ', 'sms'])('the kit answers 400 for %j, naming the valid values, and serves nothing', async (type) => {
    await client.createEmailTemplate({ TemplateName: 't1', EmailTemplateRequest: { Subject: 's', TextPart: 'x' } });
    const res = await mock.handle({ method: 'GET', path: `/v1/templates/t1/${encodeURIComponent(type)}/versions`, headers: signed });
    expect(res.status).toBe(400);
    expect((JSON.parse(res.body) as { Message: string }).Message).toBe(`Invalid TemplateType ${JSON.stringify(type)}: valid values are EMAIL, INAPP, PUSH, SMS, VOICE`);
    // The client refuses it before building an ARN or sending anything.
    await expect(client.listTemplateVersions({ TemplateName: 't1', TemplateType: type })).rejects.toThrow('input.TemplateType: expected one of EMAIL, INAPP, PUSH, SMS, VOICE');
  });
});
