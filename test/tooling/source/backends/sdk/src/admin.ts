// An admin script beside the server: it runs as another principal, with its own client.
import { Pinpoint } from '@aws-sdk/client-pinpoint';

const admin = new Pinpoint({ region: 'eu-west-1' });

export async function main(argv: readonly string[]): Promise<void> {
  if (argv[2] === 'create') await admin.createApp({ CreateApplicationRequest: { Name: 'shop' } }); // expect: CreateApp apps/*
  else await admin.deleteApp({ ApplicationId: argv[3] }); // expect: DeleteApp apps/shopapp
}
