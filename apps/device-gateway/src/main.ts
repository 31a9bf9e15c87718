import { ConfigError, loadEnv } from '@idfed/config';
import { createRootLogger, PinoNestLogger } from '@idfed/logging';
import { startTracing } from '@idfed/observability';
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
    app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
    await app.listen(env.wsPort, env.httpHost);
  } catch (err) {
    exitOnStartFailure('device-gateway', env, new PinoNestLogger(logger), err);
  }
  logger.info({ host: env.httpHost, port: env.wsPort }, 'device gateway listening');
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(ExitCodes.badConfiguration);
  }
  console.error('device gateway failed to start:', err);
  process.exit(ExitCodes.startFailed);
});
