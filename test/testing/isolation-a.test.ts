import { describe, expect, it } from 'vitest';
import { createPinpointMock } from '../../src/testing/index.js';
import { useMock } from './support.js';

const { mock, client } = useMock();

describe('isolation (file a)', () => {
  it('sees only its own project', async () => {
    await client.createApp({ CreateApplicationRequest: { Name: 'from-file-a' } });
    expect([...mock.store.apps.values()].map((a) => a.app.Name)).toEqual(['from-file-a']);
    expect((await client.getApps({})).ApplicationsResponse.Item?.map((a) => a.Name)).toEqual(['from-file-a']);
  });

  it('two mocks in one process do not share state, ids or faults', async () => {
    const one = createPinpointMock({ checkAuthorization: false });
    const two = createPinpointMock({ checkAuthorization: false });
    one.injectFault({ status: 500 });
    const created = await two.handle({ method: 'POST', path: '/v1/apps', body: '{"Name":"two"}' });
    expect(created.status).toBe(201);
    expect(one.store.apps.size).toBe(0);
    expect(two.store.apps.size).toBe(1);
    expect(one.pendingFaults).toHaveLength(1);
    expect(one.requests).toHaveLength(0);
    const again = await one.handle({ method: 'POST', path: '/v1/apps', body: '{"Name":"one"}' });
    expect(again.status).toBe(500);
  });
});
