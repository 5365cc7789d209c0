/**
 * Keys the guard cannot see from inside the app: a decision that depends on them is not sent by default.
 *
 *   PINPOINT_ENDPOINT=http://localhost:4566 npx tsx examples/uncertain.ts <applicationId>
 */
import { PinpointClient, UncertainDecisionError } from 'pinpoint-guard';

// #region uncertain
const policy = {
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: 'mobiletargeting:Get*', Resource: '*' },
    // The usual guardrail: only from the corporate network. The app cannot see the address AWS sees (after NAT).
    { Sid: 'CorpNetOnly', Effect: 'Deny', Action: '*', Resource: '*', Condition: { NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } },
  ],
};
const config = { region: 'us-east-1', accountId: '123456789012', policy, ...(process.env.PINPOINT_ENDPOINT ? { endpoint: process.env.PINPOINT_ENDPOINT } : {}) };
const ApplicationId = process.argv[2] ?? 'my-project';

try {
  await new PinpointClient(config).getApp({ ApplicationId });
} catch (e) {
  if (!(e instanceof UncertainDecisionError)) throw e;
  console.log(e.dependsOn); // ['aws:SourceIp']: nothing was sent
  console.log(e.message);   // the keys, what would allow or deny, and how to supply them
}

// Supplied, the key is known and the decision certain (here: inside 10.0.0.0/8, so allowed and sent).
const app = await new PinpointClient({ ...config, context: { 'aws:SourceIp': '10.1.2.3' } }).getApp({ ApplicationId });
console.log(app.ApplicationResponse.Name);
// Or let AWS decide, the weaker guarantee: new PinpointClient({ ...config, whenUncertain: 'send' })
// #endregion
