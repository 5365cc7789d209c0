// A server that sends texts and one-time passwords; the project id comes from the environment.
import { createServer } from 'node:http';
import { Otp } from './otp.js';
import { pinpoint } from './pinpoint.js';

const APP_ID = process.env.PINPOINT_APP_ID ?? '';
const otp = new Otp(pinpoint, APP_ID);

export const sendText = (phone: string, body: string) =>
  pinpoint.sendMessages({ ApplicationId: APP_ID, MessageRequest: { Addresses: { [phone]: { ChannelType: 'SMS' } }, MessageConfiguration: { SMSMessage: { Body: body } } } }); // expect: SendMessages apps/shopapp/messages

export const alertOps = (body: string) =>
  pinpoint.sendMessages({ ApplicationId: 'ops-alerts', MessageRequest: { Addresses: { '+15550199': { ChannelType: 'SMS' } }, MessageConfiguration: { SMSMessage: { Body: body } } } }); // expect: SendMessages apps/ops-alerts/messages

export const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const phone = url.searchParams.get('phone') ?? '';
  const done = () => res.end('ok');
  if (url.pathname === '/text') void sendText(phone, url.searchParams.get('body') ?? '').then(done);
  else if (url.pathname === '/otp') void otp.send(phone, 'login').then(done);
  else void otp.verify(phone, 'login', url.searchParams.get('code') ?? '').then(done);
});
