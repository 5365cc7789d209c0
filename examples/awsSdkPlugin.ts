// Already on @aws-sdk/client-pinpoint? Two lines put the guard in front of every command: import it, use it.
import { CreateAppCommand, DeleteAppCommand, GetAppCommand, PinpointClient } from '@aws-sdk/client-pinpoint';
import { guardPlugin } from 'pinpoint-guard/aws-sdk';
import { AccessDeniedError } from 'pinpoint-guard';
import { startPinpointMockServer } from 'pinpoint-guard/testing';

const kit = await startPinpointMockServer({ region: 'us-east-1' }); // an in-memory Pinpoint; for AWS, drop it and `endpoint`
const pinpoint = new PinpointClient({ region: 'us-east-1', endpoint: kit.url, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } });
const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['mobiletargeting:CreateApp', 'mobiletargeting:GetApp'], Resource: '*' }] };

pinpoint.middlewareStack.use(guardPlugin({ client: pinpoint, policy, accountId: '123456789012' }));

const { ApplicationResponse } = await pinpoint.send(new CreateAppCommand({ CreateApplicationRequest: { Name: 'shop' } }));
const ApplicationId = ApplicationResponse!.Id!;
const { ApplicationResponse: app } = await pinpoint.send(new GetAppCommand({ ApplicationId }));
console.log(`got ${app?.Name}`); // got shop
try {
  await pinpoint.send(new DeleteAppCommand({ ApplicationId })); // the policy does not allow it: nothing is sent
} catch (e) {
  if (e instanceof AccessDeniedError) console.log(`${e.name}: ${e.reason}`);
  else throw e;
}
console.log(`Pinpoint saw: ${kit.mock.requests.map((r) => r.operation).join(', ')}`); // Pinpoint saw: CreateApp, GetApp
await kit.close();
