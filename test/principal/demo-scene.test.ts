import { describe, expect, it } from 'vitest';
import { startPinpointMockServer } from '../../src/testing/index.js';
import { runPrincipalScene } from '../../src/demo/principal-scene.js';
import { DEMO_ACCOUNT, DEMO_REGION } from '../../src/demo/policies.js';
import { PinpointClient } from '../../generated/client.js';

describe("npm start's principal scene", () => {
  it("loads the backend's role from the emulated IAM; its tags allow reads, deny sends until IAM tags it can-send=true", async () => {
    const server = await startPinpointMockServer({ accountId: DEMO_ACCOUNT, region: DEMO_REGION });
    try {
      const admin = new PinpointClient({ region: DEMO_REGION, accountId: DEMO_ACCOUNT, endpoint: server.url, credentials: { accessKeyId: 'AKID', secretAccessKey: 'x' }, mode: 'off', lifecycle: 'off' });
      const appId = (await admin.createApp({ CreateApplicationRequest: { Name: 'shop' } })).ApplicationResponse!.Id!;
      const lines: string[] = [];
      const before = server.mock.requests.length;
      const outcomes = await runPrincipalScene(server.url, appId, (l) => lines.push(l));
      expect(outcomes.map((o) => `${o.label}: ${o.operation} ${o.allowed ? 'allowed' : 'denied'}`)).toEqual([
        'team=growth: GetApp allowed', 'team=growth: GetApps allowed', 'team=growth: SendMessages denied',
        'team=growth, can-send=true: GetApp allowed', 'team=growth, can-send=true: GetApps allowed', 'team=growth, can-send=true: SendMessages allowed',
      ]);
      expect(outcomes[2]!.reason).toMatch(/Senders.*aws:PrincipalTag\/can-send|aws:PrincipalTag\/can-send/);
      // The denied send never reached Pinpoint; the five allowed calls did.
      expect(server.mock.requests.slice(before).map((r) => r.operation)).toEqual(['GetApp', 'GetApps', 'GetApp', 'GetApps', 'SendMessages']);
      const text = lines.join('\n');
      expect(text).toContain(`Principal from IAM (an emulated IAM on http://127.0.0.1:`);
      expect(text).toContain(`arn:aws:iam::${DEMO_ACCOUNT}:role/apps/shop-backend (AssumedRole)`);
      expect(text).toContain('policy: inline policy pinpoint-abac of role shop-backend');
      expect(text).toContain('aws:PrincipalTag/team=growth');
    } finally {
      await server.close();
    }
  });
});
