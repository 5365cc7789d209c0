// The server's client: Region and account written as constants, so the policy needs neither flag.
import { PinpointClient } from '../../../../../../src/index.js';

const REGION = 'us-east-1';
export const pinpoint = new PinpointClient({ region: REGION, accountId: '123456789012', mode: 'off' });
