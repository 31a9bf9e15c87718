import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import {
  DEVICE_GATEWAY_LOGGER,
  DEVICE_GATEWAY_OPTIONS,
  DeviceGatewayOptions,
} from '../device-gateway.options';
import { DeviceConnection } from './device-connection';
import { SUBSCRIBE_ACTION, SubscriptionPolicy } from './subscription-policy';
import { ClientMessage, parseClientMessage, ProtocolError, ServerMessage } from './sync-protocol';

/** Answers a socket's messages: subscriptions, unsubscriptions and application-level pings. */
@Injectable()
export class SyncSession {
  constructor(
    @Inject(SubscriptionPolicy) private readonly policy: SubscriptionPolicy,
    @Inject(DEVICE_GATEWAY_OPTIONS) private readonly options: DeviceGatewayOptions,
    @Inject(DEVICE_GATEWAY_LOGGER) private readonly logger: Logger,
  ) {}

  /** One frame from the client; the answer is sent on the socket. Never rejects. */
  async handle(connection: DeviceConnection, data: string | undefined): Promise<void> {
    let reply: ServerMessage;
    try {
      if (data === undefined) throw new ProtocolError('Messages must be JSON text frames, not binary.');
      reply = await this.answer(connection, parseClientMessage(data));
    } catch (err) {
      if (!(err instanceof ProtocolError)) {
        this.logger.error({ err }, 'a device message failed');
        reply = { type: 'error', message: 'The message could not be handled now; try again.' };
      } else {
        reply = { type: 'error', message: err.message };
      }
    }
    if (connection.isOpen) connection.send(reply);
  }

  private async answer(connection: DeviceConnection, message: ClientMessage): Promise<ServerMessage> {
    switch (message.action) {
      case 'ping':
        return { type: 'pong' };
      case 'unsubscribe':
        // The socket's own choice: it stops hearing of the dataset, whoever subscribed it.
        connection.subscriptions.delete(message.datasetName);
        connection.deviceSubscriptions.delete(message.datasetName);
        return { type: 'unsubscribed', datasetName: message.datasetName };
      case 'subscribe': {
        const { datasetName } = message;
        const subs = connection.subscriptions;
        const max = this.options.env.wsLimits.maxSubscriptions;
        if (!subs.has(datasetName) && subs.size >= max) {
          throw new ProtocolError(`A socket holds at most ${max} subscriptions; unsubscribe first.`);
        }
        if (!(await this.policy.allows(connection.identity, datasetName))) {
          throw new ProtocolError(
            `Not authorized to perform ${SUBSCRIBE_ACTION} on ${this.policy.datasetArn(connection.identity, datasetName)}`,
          );
        }
        subs.add(datasetName);
        return { type: 'subscribed', datasetName };
      }
    }
  }
}
