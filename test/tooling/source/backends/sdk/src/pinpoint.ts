// The server's SDK client: the Region is a constant; the SDK's config has no account.
import { PinpointClient } from '@aws-sdk/client-pinpoint';

export const REGION = 'eu-west-1';
export const sms = new PinpointClient({ region: REGION });
