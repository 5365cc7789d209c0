import { describe, expect, it } from 'vitest';
import { useMock } from './support.js';

const { mock, client } = useMock();

describe('isolation (file b)', () => {
  it('sees only its own project', async () => {
    await client.createApp({ CreateApplicationRequest: { Name: 'from-file-b' } });
    expect([...mock.store.apps.values()].map((a) => a.app.Name)).toEqual(['from-file-b']);
    expect((await client.getApps({})).ApplicationsResponse.Item?.map((a) => a.Name)).toEqual(['from-file-b']);
  });
});
