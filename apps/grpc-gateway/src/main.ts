import { ConfigError, loadEnv } from '@idfed/config';
import { createRootLogger, PinoNestLogger } from '@idfed/logging';
import { MetricsServer, startMetricsServer, startTracing, stopTracing } from '@idfed/observability';
import { exitOnStartFailure, ExitCodes, transportFromEnv } from '@idfed/service-runtime';
import { createGrpcGateway, GrpcGateway } from './grpc-gateway.bootstrap';
import { loadAdminCredentials } from './admin-credentials';

/**
 * The gRPC gateway as its own process (distributed mode), on IDFED_GRPC_PORT. Kafka only: it hears
 * the services' events and reaches them over the bus, which in-process it cannot from here.
 */
async function main(): Promise<void> {
  const env = loadEnv();
  const logger = createRootLogger(env.logLevel, 'grpc-gateway');
  if (!env.kafkaBrokers) {
    logger.fatal(
      'IDFED_KAFKA_BROKERS is not set. A standalone gRPC gateway reaches the services over Kafka only; ' +
        'the in-process transport works inside the embedded launcher (npm start), not here.',
    );
    process.exit(ExitCodes.badConfiguration);
  }
  // Traces over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set; nothing otherwise (ADR 0021).
  startTracing('grpc-gateway');
  const transport = transportFromEnv(env, 'idfed-grpc-gateway');
  const admin = loadAdminCredentials(env);
  let gateway: GrpcGateway;
  let port: number;
  let metrics: MetricsServer;
  try {
    gateway = await createGrpcGateway({ env, transport, adminCredentials: admin, logger });
    port = await gateway.listen(env.grpcPort, env.httpHost);
    // GET /metrics on a port of its own (IDFED_METRICS_PORT, 9464), as the services do: gRPC's
    // HTTP/2 port serves no plain HTTP for Prometheus.
    metrics = await startMetricsServer(env.httpHost, env.metricsPort);
  } catch (err) {
    exitOnStartFailure('grpc-gateway', env, new PinoNestLogger(logger), err);
  }
  logger.info({ host: env.httpHost, port }, 'gRPC gateway listening');
  logger.info(`grpc-gateway metrics at http://${env.httpHost}:${metrics.port}/metrics`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // Calls in flight finish (NOT_SERVING at once, streams told to resubscribe), then the bus
    // disconnects; the metrics port closes last so a final scrape sees the drain.
    gateway
      .close()
      .then(() => metrics.close())
      .then(() => stopTracing())
      .then(
        () => process.exit(ExitCodes.stopped),
        (err: unknown) => {
          logger.error({ err }, 'gRPC gateway failed to stop cleanly');
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
  console.error('gRPC gateway failed to start:', err);
  process.exit(ExitCodes.startFailed);
});
