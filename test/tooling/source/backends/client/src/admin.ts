// An admin script beside the server: it runs as another principal, with its own client.
import { PinpointClient } from '../../../../../../src/index.js';

const admin = new PinpointClient({ region: 'us-east-1', accountId: '123456789012', mode: 'off' });

export async function main(argv: readonly string[]): Promise<void> {
  if (argv[2] === 'create') await admin.createApp({ CreateApplicationRequest: { Name: 'shop' } }); // expect: CreateApp apps/*
  else await admin.deleteApp({ ApplicationId: argv[3] ?? '' }); // expect: DeleteApp apps/shopapp
}
