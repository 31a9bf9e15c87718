import { ConfigError, loadEnv } from '@idfed/config';
import { createRootLogger, PinoNestLogger } from '@idfed/logging';
import { startTracing, stopTracing } from '@idfed/observability';
import { exitOnStartFailure, ExitCodes, transportFromEnv } from '@idfed/service-runtime';
import { createDeviceGatewayApp } from './device-gateway.bootstrap';

/**
 * The device gateway as its own process (distributed mode), on IDFED_WS_PORT. Kafka only: it must
 * hear device sync's events and reach credential vending, which in-process they are not.
 */
async function main(): Promise<void> {
  const env = loadEnv();
  const logger = createRootLogger(env.logLevel, 'device-gateway');
  if (!env.kafkaBrokers) {
    logger.fatal(
      'IDFED_KAFKA_BROKERS is not set. A standalone device gateway hears device sync over Kafka only; ' +
        'the in-process transport works inside the embedded launcher (npm start), not here.',
    );
    process.exit(ExitCodes.badConfiguration);
  }
  // Traces over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set; nothing otherwise (ADR 0021).
  startTracing('device-gateway');
  const transport = transportFromEnv(env, 'idfed-device-gateway');
  let app: Awaited<ReturnType<typeof createDeviceGatewayApp>>;
  try {
    app = await createDeviceGatewayApp({ env, transport, logger });
    await app.listen(env.wsPort, env.httpHost);
  } catch (err) {
    exitOnStartFailure('device-gateway', env, new PinoNestLogger(logger), err);
  }
  logger.info({ host: env.httpHost, port: env.wsPort }, 'device gateway listening');
  // SIGTERM: close every socket 1001 (beforeApplicationShutdown), the server, the bus and the
  // exporter, and exit 0. Nest's own shutdown hooks re-raise the signal once closed, so the
  // process ended killed by SIGTERM (143 in a pod), not with the clean-stop code.
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    logger.info('device gateway stopping: closing sockets');
    app
      .close()
      .then(() => stopTracing())
      .then(
        () => process.exit(ExitCodes.stopped),
        (err: unknown) => {
          logger.error({ err }, 'device gateway failed to stop cleanly');
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
  console.error('device gateway failed to start:', err);
  process.exit(ExitCodes.startFailed);
});
