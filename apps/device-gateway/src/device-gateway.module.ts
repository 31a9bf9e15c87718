import { DynamicModule, Module } from '@nestjs/common';
import { credentialProviders, RefusedCallRecorder } from '@idfed/authorizer';
import { MetricsController } from '@idfed/observability';
import { DEVICE_GATEWAY_REPLY_GROUP } from '@idfed/contracts';
import { createRootLogger } from '@idfed/logging';
import { BUS_CLIENT_PROXY, BUS_REQUEST_TIMEOUT_MS, BusClient, createClientTransport } from '@idfed/messaging';
import { loadSessionTokenKey, SessionTokenCodec } from '@idfed/session-credentials';
import { SocketAuthenticator } from './auth/socket-authenticator';
import { DeviceGatewayBusLifecycle } from './bus/device-gateway-bus.lifecycle';
import {
  DEVICE_GATEWAY_CLOCK,
  DEVICE_GATEWAY_LOGGER,
  DEVICE_GATEWAY_OPTIONS,
  DeviceGatewayOptions,
} from './device-gateway.options';
import { DatasetChangedFanOut } from './events/dataset-changed.fan-out';
import { HealthController, SyncPathController } from './health/health.controller';
import { SocketRegistry } from './sockets/socket-registry';
import { SocketSweeper } from './sockets/socket-sweeper';
import { SubscriptionPolicy } from './sockets/subscription-policy';
import { SyncSession } from './sockets/sync-session';
import { RegisteredDevices } from './sockets/registered-devices';
import { SyncSocketServer } from './sockets/sync-socket.server';

/**
 * The device gateway: devices' websockets in, device sync's dataset-changed events out to them as
 * SyncTrigger frames. It owns nothing durable; like the gateway, everything arrives through
 * register(), so the distributed main and the embedded launcher differ only in what they pass.
 */
@Module({})
export class DeviceGatewayModule {
  static register(options: DeviceGatewayOptions): DynamicModule {
    const logger = options.logger ?? createRootLogger(options.env.logLevel, 'device-gateway');
    const sessionTokenKey =
      options.sessionTokenKey ?? loadSessionTokenKey(options.env, (m) => logger.info(m));
    return {
      module: DeviceGatewayModule,
      controllers: [MetricsController, HealthController, SyncPathController],
      providers: [
        { provide: DEVICE_GATEWAY_OPTIONS, useValue: options },
        { provide: DEVICE_GATEWAY_LOGGER, useValue: logger },
        { provide: DEVICE_GATEWAY_CLOCK, useValue: options.now ?? Date.now },
        {
          provide: BUS_CLIENT_PROXY,
          useValue: createClientTransport(options.transport, DEVICE_GATEWAY_REPLY_GROUP),
        },
        { provide: BUS_REQUEST_TIMEOUT_MS, useValue: options.env.requestTimeoutMs },
        BusClient,
        DeviceGatewayBusLifecycle,
        { provide: SessionTokenCodec, useValue: SessionTokenCodec.fromMasterKey(sessionTokenKey) },
        // No admin key and no IAM users' keys: a socket belongs to an identity.
        ...credentialProviders({
          options: DEVICE_GATEWAY_OPTIONS,
          settings: (o: DeviceGatewayOptions) => ({
            accountId: o.env.accountId,
            revocationRefreshMs: o.env.revocationRefreshMs,
          }),
          logger: DEVICE_GATEWAY_LOGGER,
          clock: DEVICE_GATEWAY_CLOCK,
          iamUserKeys: false,
          // DeviceGatewayBusLifecycle closes the bus.
          closeBusOnShutdown: false,
        }),
        RefusedCallRecorder,
        SocketAuthenticator,
        SubscriptionPolicy,
        SyncSession,
        SocketRegistry,
        SyncSocketServer,
        RegisteredDevices,
        SocketSweeper,
        DatasetChangedFanOut,
      ],
    };
  }
}
