/**
 * `npm start`: a self-contained demo. An in-memory Pinpoint (the testing kit) listens on 127.0.0.1; a short
 * app-backend scenario runs under each of the seed's three example policies; each call prints its action, resource,
 * the guard's decision and why, and whether the server saw the request. No AWS account, no network.
 */
import { PinpointClient, AccessDeniedError, type DryRunResult, type OperationName } from '../index.js';
import { operations } from '../tooling/index.js';
import { startPinpointMockServer } from '../testing/index.js';
import { fitWidth } from '../tooling/render/text.js';
import { administrator, DEMO_ACCOUNT, DEMO_REGION, readOnlyAllApps, readOnlyOneProject } from './policies.js';

const useColour = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: string, s: string): string => (useColour ? `\u001b[${code}m${s}\u001b[0m` : s);
const green = (s: string): string => paint('32', s);
const red = (s: string): string => paint('31', s);
const dim = (s: string): string => paint('2', s);
/** Lines fit the terminal ($COLUMNS, else its width, else 120 when piped); the reason names the resource once. */
const WIDTH = Number.parseInt(process.env.COLUMNS ?? '', 10) || process.stdout.columns || 120;
let cutAny = false;
const fit = (line: string): string => {
  const { text, cut } = fitWidth(line, WIDTH);
  cutAny ||= cut;
  return text;
};

/** Demo credentials for the local mock only; they are not AWS keys. */
const credentials = { accessKeyId: 'AKIDDEMOLOCALONLY', secretAccessKey: 'demo-secret-for-the-local-mock' };

interface Ids { appId: string; segmentId: string; campaignId: string }
interface Step {
  readonly operation: OperationName;
  readonly input: (ids: Ids) => object;
  /** Keeps the id a create returned, for later steps (under read-only policies the administrator's ids are used). */
  readonly keep?: (output: Record<string, { Id?: string } | undefined>, ids: Ids) => void;
}

/** The app-backend scenario. */
const scenario: readonly Step[] = [
  { operation: 'CreateApp', input: () => ({ CreateApplicationRequest: { Name: 'demo-shop' } }), keep: (o, ids) => { ids.appId = o.ApplicationResponse?.Id ?? ''; } },
  { operation: 'CreateSegment', input: (ids) => ({ ApplicationId: ids.appId, WriteSegmentRequest: { Name: 'loyal-customers' } }), keep: (o, ids) => { ids.segmentId = o.SegmentResponse?.Id ?? ''; } },
  { operation: 'CreateCampaign', input: (ids) => ({ ApplicationId: ids.appId, WriteCampaignRequest: { Name: 'spring-sale', SegmentId: ids.segmentId } }), keep: (o, ids) => { ids.campaignId = o.CampaignResponse?.Id ?? ''; } },
  { operation: 'GetApp', input: (ids) => ({ ApplicationId: ids.appId }) },
  { operation: 'GetSegment', input: (ids) => ({ ApplicationId: ids.appId, SegmentId: ids.segmentId }) },
  { operation: 'GetCampaign', input: (ids) => ({ ApplicationId: ids.appId, CampaignId: ids.campaignId }) },
  { operation: 'GetApps', input: () => ({}) },
  {
    operation: 'SendMessages',
    input: (ids) => ({
      ApplicationId: ids.appId,
      MessageRequest: { Addresses: { '+15555550123': { ChannelType: 'SMS' } }, MessageConfiguration: { SMSMessage: { Body: 'Your order has shipped.' } } },
    }),
  },
  { operation: 'PhoneNumberValidate', input: () => ({ NumberValidateRequest: { PhoneNumber: '+15555550123' } }) },
];

type AnyMethod = (input: object) => Promise<unknown>;
/** The generated method of an operation (`GetApp` → `getApp`). */
const methodOf = (client: object, op: OperationName): AnyMethod =>
  (client as Record<string, AnyMethod>)[op[0]!.toLowerCase() + op.slice(1)]!.bind(client);

interface Outcome { readonly allowed: boolean; readonly reachedServer: boolean }

async function runUnder(label: string, policy: object, url: string, requestsSeen: () => number, ids: Ids): Promise<Outcome[]> {
  console.log(`\n${paint('1', `Policy: ${label}`)}`);
  const config = { region: DEMO_REGION, accountId: DEMO_ACCOUNT, endpoint: url, credentials, policy, lifecycle: 'off' } as const;
  const client = new PinpointClient(config);
  // A dry-run twin explains allowed calls too (an enforcing client only explains by throwing).
  const explain = new PinpointClient({ ...config, mode: 'dry-run' });
  const outcomes: Outcome[] = [];
  for (const step of scenario) {
    const spec = operations[step.operation];
    const input = step.input(ids);
    const dry = (await methodOf(explain, step.operation)(input)) as DryRunResult;
    const before = requestsSeen();
    let allowed = true;
    try {
      const output = await methodOf(client, step.operation)(input);
      step.keep?.(output as Record<string, { Id?: string }>, ids);
    } catch (e) {
      if (!(e instanceof AccessDeniedError)) throw e;
      allowed = false;
    }
    const reached = requestsSeen() > before;
    outcomes.push({ allowed, reachedServer: reached });
    const verdict = allowed ? green('ALLOW') : red('DENY ');
    console.log(fit(`  ${spec.action.padEnd(36)} ${spec.lifecycle.status.padEnd(14)} server saw it: ${reached ? 'yes' : 'no '}  ${verdict}`));
    console.log(fit(`    ${dim(dry.decision.reason)}`));
  }
  return outcomes;
}

async function main(): Promise<void> {
  const server = await startPinpointMockServer({ port: 0, region: DEMO_REGION, accountId: DEMO_ACCOUNT });
  try {
    console.log(`In-memory Amazon Pinpoint listening on ${server.url} (account ${DEMO_ACCOUNT}, ${DEMO_REGION}).`);
    console.log('Columns: IAM action, lifecycle after 2026-10-30, whether the server saw the request, the guard\'s decision and why.');
    const ids: Ids = { appId: '', segmentId: '', campaignId: '' };
    const seen = (): number => server.mock.requests.length;
    const results: [string, Outcome[]][] = [];
    results.push(['administrator (mobiletargeting:* on *)', await runUnder('administrator — mobiletargeting:* on *', administrator, server.url, seen, ids)]);
    const adminIds = { ...ids };
    results.push(['read-only, all apps', await runUnder('read-only for all apps — mobiletargeting:Get* on apps/*', readOnlyAllApps, server.url, seen, { ...adminIds })]);
    results.push([`read-only, one project`, await runUnder(`read-only for one project — mobiletargeting:Get* on apps/${adminIds.appId}`, readOnlyOneProject(adminIds.appId), server.url, seen, { ...adminIds })]);

    console.log(`\n${paint('1', 'Summary')}`);
    let leaks = 0;
    for (const [label, outcomes] of results) {
      const allowed = outcomes.filter((o) => o.allowed).length;
      const deniedButSent = outcomes.filter((o) => !o.allowed && o.reachedServer).length;
      leaks += deniedButSent;
      console.log(`  ${label.padEnd(40)} ${String(allowed).padStart(2)} allowed, ${String(outcomes.length - allowed).padStart(2)} denied, denied calls that reached the server: ${deniedButSent}`);
    }
    console.log(`  The server saw ${server.mock.requests.length} requests in all; ${leaks === 0 ? 'no denied call reached it.' : red(`${leaks} denied calls reached it!`)}`);

    console.log(`\n${paint('1', 'The caller as AWS sees it: the backend\'s role loaded from IAM, ABAC on aws:PrincipalTag')}`);
    const { runPrincipalScene } = await import('./principal-scene.js');
    await runPrincipalScene(server.url, adminIds.appId, (line) => console.log(fit(line)));
    if (cutAny) console.log(fit(`  Reasons were cut at … to fit ${WIDTH} columns; \`pinpoint-guard check\` prints one whole (or widen $COLUMNS).`));
    console.log(fit('  unclear = AWS\'s pages name the action neither as continuing nor as retired: test it before relying on it.'));
    if (leaks > 0) process.exitCode = 1;
  } finally {
    await server.close();
  }
}

await main();
