import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createRootLogger, PinoNestLogger } from '@idfed/logging';
import { GrpcServerHost } from './grpc/grpc-server.provider';
import { GrpcGatewayModule } from './grpc-gateway.module';
import { GrpcGatewayOptions } from './grpc-gateway.options';

export type { GrpcGatewayOptions } from './grpc-gateway.options';
/** What the embedded launcher's event journal must keep for this app's replay (ADR 0042). */
export { REVOCATION_REPLAY_MS, REVOCATION_TOPICS } from './events/account-events.feed';

export interface GrpcGateway {
  /** Binds IDFED_GRPC_PORT (0 picks a free port) and resolves with the port bound. */
  listen(port: number, host: string): Promise<number>;
  /** Stops taking calls, ends the event streams, lets calls in flight finish, disconnects. */
  close(): Promise<void>;
}

/**
 * Builds and initialises the gRPC gateway (bus connected, account events flowing) without
 * listening. The embedded launcher reaches the app through this file alone (idfed/import-boundaries).
 */
export async function createGrpcGateway(options: GrpcGatewayOptions): Promise<GrpcGateway> {
  const logger = options.logger ?? createRootLogger(options.env.logLevel, 'grpc-gateway');
  const app: INestApplicationContext = await NestFactory.createApplicationContext(
    GrpcGatewayModule.register({ ...options, logger }),
    { logger: new PinoNestLogger(logger), abortOnError: false },
  );
  await app.init();
  const host = app.get(GrpcServerHost);
  host.markReady();
  return {
    listen: (port, hostname) => host.server.listen(hostname, port, options.env.grpcTls),
    close: () => app.close(),
  };
}
