import { ConfigError, loadEnv } from '@idfed/config';
import { createRootLogger, PinoNestLogger } from '@idfed/logging';
import { startTracing } from '@idfed/observability';
import { exitOnStartFailure, ExitCodes, transportFromEnv } from '@idfed/service-runtime';
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
    app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
    // IDFED_HTTP_HOST: loopback by default, 0.0.0.0 in the container image and the k8s config map.
    await app.listen(env.httpPort, env.httpHost);
  } catch (err) {
    exitOnStartFailure('gateway', env, new PinoNestLogger(logger), err);
  }
  logger.info(
    { host: env.httpHost, port: env.httpPort, admin: admin.credentials.accessKeyId, source: admin.source },
    'gateway listening',
  );
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(ExitCodes.badConfiguration);
  }
  console.error('gateway failed to start:', err);
  process.exit(ExitCodes.startFailed);
});
