/**
 * The account id the guard puts in ARNs: from the config, else from the credentials, else STS GetCallerIdentity
 * (resolved once and cached). When it cannot be known, a guarded call fails closed with AccountResolutionError and
 * nothing reaches Pinpoint.
 */
import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { DryRunResult } from '../../src/client/types.js';
import { AccountResolutionError } from '../../src/errors/guard.js';
import { CREDENTIALS, STS, makeClient, recordingHandler, rejection, useWire, type Seen } from './support.js';

const wire = useWire();
const STS_ACCOUNT = '210987654321';

const callerIdentity = (account: string) => new HttpResponse(
  `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <GetCallerIdentityResult>
    <Arn>arn:aws:iam::${account}:user/alice</Arn>
    <UserId>AIDAEXAMPLE</UserId>
    <Account>${account}</Account>
  </GetCallerIdentityResult>
  <ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata>
</GetCallerIdentityResponse>`,
  { status: 200, headers: { 'content-type': 'text/xml' } },
);

function useSts(respond: (req: Seen, n: number) => Response): Seen[] {
  const requests: Seen[] = [];
  wire.server.use(recordingHandler(STS, requests, (req) => respond(req, requests.length)));
  return requests;
}

const noAccount = { accountId: undefined } as const;

describe('where the account id comes from', () => {
  it('dry-run sends nothing, STS included: the account comes from the config or static credentials, else the call fails closed', async () => {
    const sts = useSts(() => callerIdentity(STS_ACCOUNT));
    const fromStatic = makeClient({ ...noAccount, mode: 'dry-run', credentials: { ...CREDENTIALS, accountId: '444455556666' } });
    expect(((await fromStatic.getApp({ ApplicationId: 'a' })) as DryRunResult).resource).toBe('arn:aws:mobiletargeting:us-east-1:444455556666:apps/a');
    const err = await rejection(makeClient({ ...noAccount, mode: 'dry-run' }).getApp({ ApplicationId: 'a' }));
    expect(err).toBeInstanceOf(AccountResolutionError);
    expect(err.message).toBe('cannot determine the AWS account id for the guard\'s ARNs (dry-run mode sends nothing, not even to STS); set accountId in the client config');
    expect(sts).toHaveLength(0);
  });

  it('the config: STS is never asked', async () => {
    const sts = useSts(() => callerIdentity(STS_ACCOUNT));
    wire.pinpoint();
    const client = makeClient({ accountId: '111122223333' });
    expect(await client.accountId()).toBe('111122223333');
    await client.getApp({ ApplicationId: 'a' });
    const dry = (await makeClient({ accountId: '111122223333', mode: 'dry-run' }).getApp({ ApplicationId: 'a' })) as DryRunResult;
    expect(dry.resource).toBe('arn:aws:mobiletargeting:us-east-1:111122223333:apps/a');
    expect(sts).toHaveLength(0);
  });

  it('the credentials\' accountId, when the config has none: STS is never asked', async () => {
    const sts = useSts(() => callerIdentity(STS_ACCOUNT));
    wire.pinpoint();
    const client = makeClient({ ...noAccount, mode: 'record', credentials: async () => ({ ...CREDENTIALS, accountId: '444455556666' }) });
    await client.getApp({ ApplicationId: 'a' });
    expect(client.recorded()[0]?.resource).toBe('arn:aws:mobiletargeting:us-east-1:444455556666:apps/a');
    expect(sts).toHaveLength(0);
  });

  it('STS GetCallerIdentity otherwise: one signed POST, and the ARN names the account it returns', async () => {
    const sts = useSts(() => callerIdentity(STS_ACCOUNT));
    wire.pinpoint();
    const client = makeClient({ ...noAccount, mode: 'record' });
    await client.getSegment({ ApplicationId: 'a', SegmentId: 's' });
    expect(client.recorded()[0]?.resource).toBe(`arn:aws:mobiletargeting:us-east-1:${STS_ACCOUNT}:apps/a/segments/s`);
    expect(sts).toHaveLength(1);
    const [req] = sts;
    expect(req!.method).toBe('POST');
    expect(new URLSearchParams(req!.body).get('Action')).toBe('GetCallerIdentity');
    expect(new URLSearchParams(req!.body).get('Version')).toBe('2011-06-15');
    expect(req!.headers.authorization).toMatch(new RegExp(`Credential=${CREDENTIALS.accessKeyId}/\\d{8}/us-east-1/sts/aws4_request`));
  });

  it('is resolved once and cached across calls, concurrent ones included', async () => {
    const sts = useSts(() => callerIdentity(STS_ACCOUNT));
    wire.pinpoint();
    const client = makeClient({ ...noAccount });
    await Promise.all([client.getApps({}), client.getApp({ ApplicationId: 'a' }), client.accountId()]);
    await client.getApps({});
    expect(await client.accountId()).toBe(STS_ACCOUNT);
    expect(sts).toHaveLength(1);
    expect(wire.requests).toHaveLength(3);
  });

  it('is not needed when the guard is off', async () => {
    const sts = useSts(() => callerIdentity(STS_ACCOUNT));
    wire.pinpoint();
    await makeClient({ ...noAccount, policy: undefined }).getApps({});
    expect(sts).toHaveLength(0);
    expect(wire.requests).toHaveLength(1);
  });
});

describe('when the account cannot be known, guarded calls fail closed', () => {
  it.each([
    ['STS answers 403', () => new HttpResponse('<ErrorResponse><Error><Code>AccessDenied</Code></Error></ErrorResponse>', { status: 403 })],
    ['STS is unreachable', () => HttpResponse.error()],
    ['STS answers without an account', () => new HttpResponse('<GetCallerIdentityResponse/>', { status: 200 })],
  ])('%s: AccountResolutionError, and nothing is sent to Pinpoint', async (_, respond) => {
    useSts(respond);
    wire.pinpoint();
    const client = makeClient({ ...noAccount });
    const err = await rejection(client.getApp({ ApplicationId: 'a' }));
    expect(err).toBeInstanceOf(AccountResolutionError);
    expect(err.message).toMatch(/accountId/);
    expect(wire.requests).toHaveLength(0);
    // Dry-run cannot decide either.
    expect(await rejection(makeClient({ ...noAccount, mode: 'dry-run' }).getApp({ ApplicationId: 'a' }))).toBeInstanceOf(AccountResolutionError);
  });

  it('a failed lookup is not cached: a later call asks STS again and succeeds', async () => {
    const sts = useSts((_, n) => (n === 1 ? HttpResponse.error() : callerIdentity(STS_ACCOUNT)));
    wire.pinpoint();
    const client = makeClient({ ...noAccount });
    expect(await rejection(client.getApps({}))).toBeInstanceOf(AccountResolutionError);
    expect(wire.requests).toHaveLength(0);
    await client.getApps({});
    expect(sts).toHaveLength(2);
    expect(wire.requests).toHaveLength(1);
  });

  it('credentials carrying an account id that is not 12 digits', async () => {
    wire.pinpoint();
    const client = makeClient({ ...noAccount, credentials: async () => ({ ...CREDENTIALS, accountId: '1234' }) });
    expect(await rejection(client.getApps({}))).toBeInstanceOf(AccountResolutionError);
    expect(wire.requests).toHaveLength(0);
  });

  it('credentials that cannot be loaded', async () => {
    wire.pinpoint();
    const client = makeClient({ ...noAccount, credentials: async () => { throw new Error('no profile'); } });
    const err = await rejection(client.getApps({}));
    expect(err).toBeInstanceOf(AccountResolutionError);
    expect(err.message).toContain('no profile');
    expect(wire.requests).toHaveLength(0);
  });
});

it('rejects a config accountId that is not 12 digits', () => {
  expect(() => makeClient({ accountId: '12345' })).toThrow(TypeError);
});
