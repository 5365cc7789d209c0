import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPrincipal } from '../../src/principal/index.js';
import { verifyWithAws } from '../../src/principal/verify.js';
import { startIamMockServer, type IamMockServer, type SimulationQuestion } from '../../src/testing/iam/index.js';
import { BACKEND_KEYS, ROLE_ARN, iamOptions } from './support.js';

let server: IamMockServer;
beforeAll(async () => { server = await startIamMockServer(iamOptions({ pageSize: 2 })); });
afterAll(() => server.close());

const APP = 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/a1';
const APP2 = 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/a2';

describe('verifyWithAws', () => {
  it("returns the guard's and the simulator's decision per pair, with the disagreements (answers set by the test)", async () => {
    const principal = await loadPrincipal({ region: 'us-east-1', credentials: BACKEND_KEYS, sessionTags: {}, iamEndpoint: server.url, stsEndpoint: server.url });
    const asked: SimulationQuestion[] = [];
    // The emulated simulator answers as configured here, not by our engine: GetApp on a2 is where AWS disagrees.
    server.mock.simulator = (q) => {
      asked.push(q);
      if (q.action === 'mobiletargeting:GetApp') return q.resource === APP2 ? 'implicitDeny' : 'allowed';
      return 'implicitDeny';
    };
    server.mock.reset();
    const result = await verifyWithAws({
      region: 'us-east-1', credentials: BACKEND_KEYS, iamEndpoint: server.url, principal,
      actions: ['mobiletargeting:GetApp', 'mobiletargeting:DeleteApp', 'mobiletargeting:CreateCampaign'], resources: [APP, APP2], batchSize: 2,
    });
    expect(result.api).toBe('SimulatePrincipalPolicy');
    expect(result.pairs.map((p) => [p.action.split(':')[1], p.resource.slice(-2), p.guard, p.aws, p.agree])).toEqual([
      ['GetApp', 'a1', 'allowed', 'allowed', true],
      ['GetApp', 'a2', 'allowed', 'implicitDeny', false],
      // The role's no-delete policy denies explicitly (its condition on aws:PrincipalTag/note holds); the answer set here says implicitly.
      ['DeleteApp', 'a1', 'explicitDeny', 'implicitDeny', false],
      ['DeleteApp', 'a2', 'explicitDeny', 'implicitDeny', false],
      ['CreateCampaign', 'a1', 'implicitDeny', 'implicitDeny', true],
      ['CreateCampaign', 'a2', 'implicitDeny', 'implicitDeny', true],
    ]);
    expect(result.disagreements.map((p) => `${p.action} ${p.resource.slice(-2)}`)).toEqual(['mobiletargeting:GetApp a2', 'mobiletargeting:DeleteApp a1', 'mobiletargeting:DeleteApp a2']);
    // Batched per resource, two actions per request; the second batch fits one page, the first needs none more.
    const sims = server.mock.requests.filter((r) => r.action === 'SimulatePrincipalPolicy');
    expect(sims.map((r) => [r.params['ResourceArns.member.1']?.slice(-2), r.params['ActionNames.member.2'] !== undefined, r.params.Marker !== undefined])).toEqual([
      ['a1', true, false], ['a1', false, false], ['a2', true, false], ['a2', false, false],
    ]);
    expect(sims.every((r) => r.params.PolicySourceArn === ROLE_ARN)).toBe(true);
    // The principal's keys go to the simulator as context entries.
    expect(asked[0]!.context['aws:PrincipalTag/team']).toEqual(['growth']);
  });

  it('pages the simulator results (IsTruncated/Marker) and simulates a policy set with SimulateCustomPolicy', async () => {
    server.mock.simulator = (q) => (q.action.endsWith('Get*') || q.action.startsWith('mobiletargeting:Get') ? 'allowed' : 'implicitDeny');
    server.mock.reset();
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'mobiletargeting:Get*', Resource: '*' }] };
    const result = await verifyWithAws({
      region: 'us-east-1', credentials: BACKEND_KEYS, iamEndpoint: server.url, policySet: { policies: [policy] },
      actions: ['mobiletargeting:GetApp', 'mobiletargeting:GetApps', 'mobiletargeting:GetSegment', 'mobiletargeting:DeleteApp', 'mobiletargeting:CreateApp'], resources: [APP],
    });
    expect(result.api).toBe('SimulateCustomPolicy');
    expect(result.disagreements).toEqual([]);
    const sims = server.mock.requests.filter((r) => r.action === 'SimulateCustomPolicy');
    // Five results, two a page: three requests, the later ones with the Marker.
    expect(sims.map((r) => r.params.Marker !== undefined)).toEqual([false, true, true]);
    expect(JSON.parse(sims[0]!.params['PolicyInputList.member.1']!)).toEqual(policy);
  });

  it('refuses what it cannot simulate, naming why', async () => {
    await expect(verifyWithAws({ region: 'us-east-1', actions: ['a'] })).rejects.toThrow('verifyWithAws: give exactly one of principal or policySet');
    await expect(verifyWithAws({ region: 'us-east-1', policySet: { policies: [] } })).rejects.toThrow('verifyWithAws: expected pairs, or actions (and resources)');
  });
});
