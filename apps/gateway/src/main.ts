import { ConfigError, loadEnv } from '@idfed/config';
import { createRootLogger, PinoNestLogger } from '@idfed/logging';
import type { Server } from 'node:http';
import { startTracing, stopTracing } from '@idfed/observability';
import { exitOnStartFailure, ExitCodes, HttpDrain, transportFromEnv } from '@idfed/service-runtime';
import { loadOrCreateAdminCredentials } from './admin-credentials';
import { createGatewayApp } from './gateway.bootstrap';

/**
 * The gateway as its own process (distributed mode). Only Kafka makes sense here: the in-process
 * bus reaches services in the same process, which is what the embedded launcher (`npm start`) does.
 */
async function main(): Promise<void> {
  const env = loadEnv();
  const logger = createRootLogger(env.logLevel, 'gateway');
  if (!env.kafkaBrokers) {
    logger.fatal(
      'IDFED_KAFKA_BROKERS is not set. A standalone gateway reaches the services over Kafka only; ' +
        'the in-process transport works inside the embedded launcher (npm start), not here.',
    );
    process.exit(ExitCodes.badConfiguration);
  }
  // Traces over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set; nothing otherwise (ADR 0021).
  startTracing('gateway');
  const transport = transportFromEnv(env, 'idfed-gateway');
  const admin = loadOrCreateAdminCredentials(env);
  if (admin.created) {
    logger.warn({ path: admin.path }, `generated admin credentials; read them from ${admin.path}`);
  }
  let app: Awaited<ReturnType<typeof createGatewayApp>>;
  try {
    app = await createGatewayApp({ env, transport, adminCredentials: admin.credentials, logger });
    // IDFED_HTTP_HOST: loopback by default, 0.0.0.0 in the container image and the k8s config map.
    await app.listen(env.httpPort, env.httpHost);
  } catch (err) {
    exitOnStartFailure('gateway', env, new PinoNestLogger(logger), err);
  }
  logger.info(
    { host: env.httpHost, port: env.httpPort, admin: admin.credentials.accessKeyId, source: admin.source },
    'gateway listening',
  );
  // SIGTERM: stop keeping connections alive (held keep-alive connections would otherwise go on
  // bringing requests), answer what is in flight, then close the HTTP server, the bus (replies
  // still awaited are answered first) and the exporter, and exit 0 (ADR 0027).
  const drain = new HttpDrain(app.getHttpServer() as Server);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    logger.info({ inFlight: drain.inFlight }, 'gateway stopping: draining HTTP requests');
    drain.start();
    drain.forceAfter(20_000);
    app
      .close()
      .then(() => stopTracing())
      .then(
        () => process.exit(ExitCodes.stopped),
        (err: unknown) => {
          logger.error({ err }, 'gateway failed to stop cleanly');
          process.exit(1);
        },
      );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(ExitCodes.badConfiguration);
  }
  console.error('gateway failed to start:', err);
  process.exit(ExitCodes.startFailed);
});
