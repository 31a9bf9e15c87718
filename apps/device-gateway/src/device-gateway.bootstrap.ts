import { Server } from 'node:http';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createRootLogger, PinoNestLogger } from '@idfed/logging';
import { DeviceGatewayModule } from './device-gateway.module';
import { DeviceGatewayOptions } from './device-gateway.options';
import { SyncSocketServer } from './sockets/sync-socket.server';

export type { DeviceGatewayOptions } from './device-gateway.options';

/**
 * Builds and initialises the device gateway (bus connected, events flowing to it) without
 * listening: the caller listens, `await app.listen(env.wsPort, env.httpHost)` (port 0 in tests),
 * and enables shutdown hooks when it owns the process. The embedded launcher reaches the app
 * through this file alone (idfed/import-boundaries).
 */
export async function createDeviceGatewayApp(options: DeviceGatewayOptions): Promise<INestApplication> {
  const logger = options.logger ?? createRootLogger(options.env.logLevel, 'device-gateway');
  const app = await NestFactory.create<NestExpressApplication>(
    DeviceGatewayModule.register({ ...options, logger }),
    {
      logger: new PinoNestLogger(logger),
      bodyParser: false,
      abortOnError: false,
    },
  );
  app.disable('x-powered-by');
  app.set('etag', false);
  const limits = options.env.httpLimits;
  const server: Server = app.getHttpServer();
  // The HTTP side is only the upgrade and the probes: the gateway's slow-client limits apply.
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  app.get(SyncSocketServer).attach(server);
  await app.init();
  return app;
}
