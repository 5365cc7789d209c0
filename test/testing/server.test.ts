import { describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { NotFoundException } from '../../src/index.js';
import { startPinpointMockServer } from '../../src/testing/index.js';
import { newClient } from './support.js';

/** Resolves when something can listen on `port` again. */
function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

describe(startPinpointMockServer.name, () => {
  it('serves the client over real HTTP on 127.0.0.1 and frees the port on close()', async () => {
    const { url, mock, close } = await startPinpointMockServer({ port: 0 });
    const port = Number(new URL(url).port);
    expect(url).toBe(`http://127.0.0.1:${port}`);
    try {
      const client = newClient({ endpoint: url });
      const { ApplicationResponse: app } = await client.createApp({ CreateApplicationRequest: { Name: 'over-http' } });
      const seg = await client.createSegment({ ApplicationId: app.Id, WriteSegmentRequest: { Name: 's' } });
      expect(seg.$metadata).toMatchObject({ httpStatusCode: 201, requestId: expect.any(String) });
      expect((await client.getSegments({ ApplicationId: app.Id })).SegmentsResponse.Item).toHaveLength(1);
      await expect(client.getApp({ ApplicationId: 'nope' })).rejects.toBeInstanceOf(NotFoundException);
      mock.injectFault({ status: 429 });
      expect((await client.getApps({})).$metadata.attempts).toBe(2);
      expect(mock.store.apps.get(app.Id)?.app.Name).toBe('over-http');
      expect(await canListen(port)).toBe(false);
    } finally {
      await close();
    }
    expect(await canListen(port)).toBe(true);
  });
});
