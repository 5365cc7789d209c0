import { describe, expect, it } from 'vitest';
import { NotFoundException, BadRequestException } from '../../src/index.js';
import { useMock } from './support.js';

const { mock, client } = useMock();

describe('apps', () => {
  it('creates, gets, lists with paging, updates settings and deletes a project', async () => {
    const created = await client.createApp({ CreateApplicationRequest: { Name: 'one', tags: { team: 'a' } } });
    expect(created.$metadata.httpStatusCode).toBe(201);
    expect(created.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const app = created.ApplicationResponse;
    expect(app).toMatchObject({ Name: 'one', tags: { team: 'a' }, Arn: `arn:aws:mobiletargeting:us-east-1:123456789012:apps/${app.Id}` });
    expect((await client.getApp({ ApplicationId: app.Id })).ApplicationResponse).toEqual(app);

    await client.createApp({ CreateApplicationRequest: { Name: 'two' } });
    await client.createApp({ CreateApplicationRequest: { Name: 'three' } });
    const first = await client.getApps({ PageSize: '2' });
    expect(first.ApplicationsResponse.Item?.map((a) => a.Name)).toEqual(['one', 'two']);
    expect(first.ApplicationsResponse.NextToken).toBeTypeOf('string');
    const second = await client.getApps({ PageSize: '2', Token: first.ApplicationsResponse.NextToken });
    expect(second.ApplicationsResponse).toEqual({ Item: [expect.objectContaining({ Name: 'three' })] });

    const settings = await client.updateApplicationSettings({ ApplicationId: app.Id, WriteApplicationSettingsRequest: { QuietTime: { Start: '22:00', End: '06:00' }, CloudWatchMetricsEnabled: true } });
    expect(settings.ApplicationSettingsResource).toMatchObject({ ApplicationId: app.Id, QuietTime: { Start: '22:00', End: '06:00' } });
    expect(settings.ApplicationSettingsResource).not.toHaveProperty('CloudWatchMetricsEnabled');
    expect((await client.getApplicationSettings({ ApplicationId: app.Id })).ApplicationSettingsResource).toEqual(settings.ApplicationSettingsResource);

    expect((await client.deleteApp({ ApplicationId: app.Id })).ApplicationResponse).toEqual(app);
    expect(mock.store.apps.has(app.Id)).toBe(false);
    const error = await client.getApp({ ApplicationId: app.Id }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundException);
    expect(error).toMatchObject({ status: 404, requestId: expect.any(String) });
  });

  it('refuses a project without a Name with BadRequestException naming the member', async () => {
    const error = await client.createApp({ CreateApplicationRequest: {} as { Name: string } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestException);
    expect((error as Error).message).toBe('CreateApplicationRequest: the required member Name is missing');
    expect(mock.store.apps.size).toBe(0);
  });

  it('records every request with its operation and status', async () => {
    await client.createApp({ CreateApplicationRequest: { Name: 'x' } });
    await client.getApp({ ApplicationId: 'nope' }).catch(() => undefined);
    expect(mock.requests.map((r) => [r.operation, r.status, r.error])).toEqual([['CreateApp', 201, undefined], ['GetApp', 404, 'NotFoundException']]);
  });
});
