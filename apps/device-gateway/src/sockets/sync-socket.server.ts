import { randomUUID } from 'node:crypto';
import { IncomingMessage, Server, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { WebSocket, WebSocketServer } from 'ws';
import { AuthenticatedDevice, SocketAuthenticator } from '../auth/socket-authenticator';
import { UpgradeRefusal } from '../auth/upgrade-refusal';
import {
  DEVICE_GATEWAY_CLOCK,
  DEVICE_GATEWAY_LOGGER,
  DEVICE_GATEWAY_OPTIONS,
  DeviceGatewayOptions,
} from '../device-gateway.options';
import { CloseCodes, DeviceConnection, DropReason } from './device-connection';
import { RegisteredDevices } from './registered-devices';
import { SocketRegistry } from './socket-registry';
import { SyncSession } from './sync-session';

/**
 * Takes over the HTTP server's upgrades: `GET /sync` with a presigned URL becomes a device's
 * websocket; anything else is answered with a plain HTTP status and a JSON reason
 * (`{"message": ...}`), so a refused client can tell a bad signature (403) from an expired one.
 */
@Injectable()
export class SyncSocketServer implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly wss: WebSocketServer;
  private stopping = false;
  readonly drops: Record<DropReason, number> = { 'slow-reader': 0, 'dead-peer': 0 };

  constructor(
    @Inject(SocketAuthenticator) private readonly authenticator: SocketAuthenticator,
    @Inject(SocketRegistry) private readonly registry: SocketRegistry,
    @Inject(SyncSession) private readonly session: SyncSession,
    @Inject(RegisteredDevices) private readonly devices: RegisteredDevices,
    @Inject(DEVICE_GATEWAY_OPTIONS) private readonly options: DeviceGatewayOptions,
    @Inject(DEVICE_GATEWAY_LOGGER) private readonly logger: Logger,
    @Inject(DEVICE_GATEWAY_CLOCK) private readonly now: () => number,
  ) {
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: options.env.wsLimits.maxFrameBytes,
      // Pushes are small JSON frames; compression would cost memory per socket for nothing.
      perMessageDeflate: false,
      clientTracking: false,
    });
  }

  attach(server: Server): void {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) =>
      this.upgrade(req, socket, head),
    );
  }

  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    // A client that goes away mid-handshake must not crash the process.
    socket.on('error', () => socket.destroy());
    const requestId = randomUUID();
    if (this.stopping) {
      refuse(socket, requestId, new UpgradeRefusal(503, 'The server is stopping; connect again.'));
      return;
    }
    this.authenticator
      .authenticate(req, requestId)
      .then(async (device) => ({ device, datasets: await this.devices.subscriptionsOf(device) }))
      .then(
        ({ device, datasets }) => {
          if (socket.destroyed) return;
          this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, device, datasets));
        },
        (err: unknown) => {
          if (err instanceof UpgradeRefusal) {
            this.logger.debug({ status: err.status, reason: err.reason }, 'device upgrade refused');
            refuse(socket, requestId, err);
            return;
          }
          this.logger.error({ err }, 'device upgrade failed');
          refuse(
            socket,
            requestId,
            new UpgradeRefusal(503, 'The connection could not be authenticated now; try again.'),
          );
        },
      );
  }

  private accept(ws: WebSocket, device: AuthenticatedDevice, datasets: string[]): void {
    const limits = this.options.env.wsLimits;
    const now = this.now();
    const connection = new DeviceConnection(
      ws,
      device.identity,
      device.deviceId,
      now,
      limits.maxBufferedBytes,
      (dropped, reason) => {
        this.drops[reason]++;
        this.logger.info({ identityId: dropped.identity.identityId, reason }, 'device socket dropped');
      },
    );
    if (this.stopping || now >= device.identity.expiresAt) {
      ws.close(CloseCodes.goingAway, 'server stopping');
      return;
    }
    // A registered device's subscriptions (SubscribeToDataset) apply to its socket from the start.
    for (const name of datasets) connection.deviceSubscriptions.add(name);
    this.registry.add(connection);
    connection.closeAtExpiry(device.identity.expiresAt - now);
    ws.on('message', (data, isBinary) => {
      connection.lastMessageAt = this.now();
      connection.heardSincePing = true;
      const text = isBinary ? undefined : Buffer.isBuffer(data) ? data.toString('utf8') : undefined;
      connection.enqueue(() => this.session.handle(connection, text));
    });
    ws.on('pong', () => (connection.heardSincePing = true));
    ws.on('ping', () => (connection.heardSincePing = true));
    ws.on('error', () => undefined); // a close follows; oversized frames end with 1009 on their own
    ws.on('close', () => {
      connection.markClosed();
      this.registry.remove(connection);
    });
    this.logger.debug(
      { identityId: device.identity.identityId, deviceId: device.deviceId },
      'device socket open',
    );
  }

  /**
   * Closes every socket with 1001 so devices reconnect elsewhere. Before the HTTP server closes:
   * its close waits for every connection, upgraded ones included, so sockets closed only after it
   * (in onApplicationShutdown, as before) kept a busy device gateway from ever exiting.
   */
  beforeApplicationShutdown(): void {
    this.closeSockets();
  }

  /** Again after the server closed (idempotent): a socket upgraded meanwhile is closed too. */
  onApplicationShutdown(): void {
    this.closeSockets();
  }

  private closeSockets(): void {
    this.stopping = true;
    for (const connection of this.registry.all()) connection.close(CloseCodes.goingAway, 'server stopping');
    // Sockets that do not answer the close handshake promptly are cut, so the process can exit.
    setTimeout(() => {
      for (const connection of this.registry.all()) connection.ws.terminate();
    }, 1000).unref();
    this.wss.close();
  }
}

function refuse(socket: Duplex, requestId: string, refusal: UpgradeRefusal): void {
  if (socket.destroyed) return;
  const body = JSON.stringify({ message: refusal.reason });
  socket.end(
    `HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status]}\r\n` +
      'Connection: close\r\n' +
      'Content-Type: application/json\r\n' +
      'Cache-Control: no-store\r\n' +
      `x-amzn-RequestId: ${requestId}\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
