// A server that sends texts and one-time passwords through the official SDK; the project id comes from the environment.
import { createServer } from 'node:http';
import { DeleteAppCommand, GetAppCommand, Pinpoint, SendMessagesCommand } from '@aws-sdk/client-pinpoint';
import { sendCode } from './otp.js';
import { REGION, sms } from './pinpoint.js';

const APP_ID = process.env.PINPOINT_APP_ID;

export const sendText = (phone: string, body: string) =>
  sms.send(new SendMessagesCommand({ ApplicationId: APP_ID, MessageRequest: { Addresses: { [phone]: { ChannelType: 'SMS' } }, MessageConfiguration: { SMSMessage: { Body: body } } } })); // expect: SendMessages apps/shopapp/messages

/** The aggregated client: one method per operation. */
const pinpoint = new Pinpoint({ region: REGION });
export const checkCode = (phone: string, code: string) =>
  pinpoint.verifyOTPMessage({ ApplicationId: APP_ID, VerifyOTPMessageRequestParameters: { DestinationIdentity: phone, Otp: code, ReferenceId: 'login' } }); // expect: VerifyOTPMessage apps/shopapp/verify-otp

export const status = () => pinpoint.getApp({ ApplicationId: 'shop-status' }); // expect: GetApp apps/shop-status

/** The command is chosen at run time: the analysis cannot say which operation runs. */
export const either = (drop: boolean) => sms.send((drop ? new DeleteAppCommand({ ApplicationId: APP_ID }) : new GetAppCommand({ ApplicationId: APP_ID })) as never); // expect: unresolved

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const anything = (command: any) => sms.send(command); // expect: unresolved

export const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const phone = url.searchParams.get('phone') ?? '';
  const done = () => res.end('ok');
  if (url.pathname === '/text') void sendText(phone, url.searchParams.get('body') ?? '').then(done);
  else if (url.pathname === '/otp') void sendCode(sms, phone).then(done);
  else void checkCode(phone, url.searchParams.get('code') ?? '').then(done);
});
