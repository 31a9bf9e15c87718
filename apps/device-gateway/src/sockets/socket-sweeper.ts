import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CredentialError, RevocationList } from '@idfed/authorizer';
import {
  DEVICE_GATEWAY_CLOCK,
  DEVICE_GATEWAY_OPTIONS,
  DeviceGatewayOptions,
} from '../device-gateway.options';
import { CloseCodes } from './device-connection';
import { SocketRegistry } from './socket-registry';

/**
 * One timer for every socket, every IDFED_WS_HEARTBEAT_MS: a socket that answered nothing since
 * the previous ping is a dead peer and is cut; one whose client sent no message for
 * IDFED_WS_IDLE_TIMEOUT_MS is closed (4408); one whose role's sessions were revoked after it
 * connected is closed (4403). The others are pinged. (Expiry has a timer per socket, to the moment.)
 */
@Injectable()
export class SocketSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(SocketRegistry) private readonly registry: SocketRegistry,
    @Inject(RevocationList) private readonly revocations: RevocationList,
    @Inject(DEVICE_GATEWAY_OPTIONS) private readonly options: DeviceGatewayOptions,
    @Inject(DEVICE_GATEWAY_CLOCK) private readonly now: () => number,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.sweep(), this.options.env.wsLimits.heartbeatMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  sweep(): void {
    const now = this.now();
    const { idleTimeoutMs } = this.options.env.wsLimits;
    for (const connection of [...this.registry.all()]) {
      if (!connection.heardSincePing) {
        connection.drop('dead-peer');
        continue;
      }
      if (now - connection.lastMessageAt >= idleTimeoutMs) {
        connection.close(CloseCodes.idle, 'idle timeout');
        continue;
      }
      if (this.revoked(connection.identity.roleArn, connection.identity.issuedAt)) {
        connection.close(CloseCodes.credentialsRevoked, 'credentials revoked');
        continue;
      }
      connection.heardSincePing = false;
      connection.ws.ping();
    }
  }

  private revoked(roleArn: string, issuedAt: number): boolean {
    try {
      const before = this.revocations.revokedBefore(roleArn);
      return before !== undefined && issuedAt < before;
    } catch (err) {
      // A list too stale to trust refuses new sockets; open ones are not cut for credential vending's outage.
      if (err instanceof CredentialError) return false;
      throw err;
    }
  }
}
