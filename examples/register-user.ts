/** App code under test in register-user.test.ts: registers a user's phone as an SMS endpoint. */
import type { PinpointClient } from 'pinpoint-guard';

export async function registerUser(client: PinpointClient, applicationId: string, user: { id: string; phone: string }): Promise<void> {
  await client.updateEndpoint({
    ApplicationId: applicationId,
    EndpointId: user.id,
    EndpointRequest: { ChannelType: 'SMS', Address: user.phone, User: { UserId: user.id } },
  });
}
