/**
 * loadPrincipal and verifyWithAws refuse a cleartext IAM or STS endpoint that is not loopback, as the client refuses
 * its own endpoint, before anything is signed or sent; `allowInsecureEndpoint: true` is the caller saying it is meant.
 */
import { describe, expect, it } from 'vitest';
import { loadPrincipal } from '../../src/principal/index.js';
import { verifyWithAws } from '../../src/principal/verify.js';
import { PinpointClient } from '../../generated/client.js';

const CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };

async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a rejection');
}

describe('IAM and STS endpoints', () => {
  it.each(['iamEndpoint', 'stsEndpoint'] as const)('loadPrincipal refuses a cleartext non-loopback %s, naming it', async (field) => {
    const err = await rejection(loadPrincipal({ region: 'us-east-1', credentials: CREDENTIALS, [field]: 'http://iam.internal.example:8080' }));
    expect(err).toBeInstanceOf(TypeError);
    expect(err.message).toMatch(new RegExp(`^options\\.${field}: "http://iam\\.internal\\.example:8080/" is cleartext http to a host that is not loopback`));
  });

  it('loadPrincipal refuses an endpoint with a query or credentials in it', async () => {
    const err = await rejection(loadPrincipal({ region: 'us-east-1', credentials: CREDENTIALS, iamEndpoint: 'https://user:pw@iam.amazonaws.com' }));
    expect(err.message).toBe('options.iamEndpoint: expected a URL without user or password, got "https://iam.amazonaws.com/"');
  });

  it('verifyWithAws refuses a cleartext non-loopback iamEndpoint before sending', async () => {
    const err = await rejection(verifyWithAws({
      region: 'us-east-1', credentials: CREDENTIALS, iamEndpoint: 'http://iam.internal.example',
      policySet: { policies: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }] },
      actions: ['mobiletargeting:GetApp'], resources: ['*'],
    }));
    expect(err.message).toMatch(/^options\.iamEndpoint: .*cleartext http/);
  });

  it("a client's allowInsecureEndpoint reaches the principal's loader (the client accepted the endpoint, so the loader does too)", async () => {
    const client = new PinpointClient({
      region: 'us-east-1', accountId: '123456789012', credentials: CREDENTIALS, principal: 'auto', lifecycle: 'off',
      iamEndpoint: 'http://0.0.0.0:1', stsEndpoint: 'http://0.0.0.0:1', allowInsecureEndpoint: true,
      logger: { debug: () => {}, warn: () => {} },
    });
    // 0.0.0.0 is not a loopback name, and nothing listens there: the load fails on the network, not on the check.
    const err = await rejection(client.ready());
    expect(err.message).not.toMatch(/cleartext/);
  });
});
