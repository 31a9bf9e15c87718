import { INestMicroservice, LoggerService } from '@nestjs/common';
import { ConfigError, IdfedEnv, loadEnv, serviceDatabaseUrl, serviceDatabaseVariable } from '@idfed/config';
import { ServiceName } from '@idfed/contracts';
import { createRootLogger, PinoNestLogger } from '@idfed/logging';
import { TransportConfig } from '@idfed/messaging';
import { MetricsServer, startMetricsServer, startTracing, stopTracing } from '@idfed/observability';
import { DataSource } from 'typeorm';
import { classifyStartFailure, ExitCodes } from './exit-codes';
import { startProbeFiles } from './probe-files';
import { transportFromEnv } from './transport-from-env';

type Starter = (
  env: IdfedEnv,
  transport: TransportConfig,
  databaseUrl: string,
  logger: LoggerService,
) => Promise<INestMicroservice>;

/**
 * The main() of a service in distributed mode: validated configuration (a bad variable stops the
 * process naming it), Kafka and an external Postgres required, clean shutdown on SIGTERM/SIGINT.
 */
export async function runServiceProcess(service: ServiceName, start: Starter): Promise<void> {
  let env: IdfedEnv;
  try {
    env = loadEnv();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(ExitCodes.badConfiguration);
    }
    throw err;
  }
  const logger = new PinoNestLogger(createRootLogger(env.logLevel, service));
  // Its own role's URL (IDFED_<SERVICE>_DATABASE_URL), else the shared one.
  const databaseUrl = serviceDatabaseUrl(env, service);
  if (!env.kafkaBrokers || !databaseUrl) {
    logger.error(
      `${service} runs on its own only with IDFED_KAFKA_BROKERS and ${serviceDatabaseVariable(service)} (or IDFED_DATABASE_URL); for one machine use \`npm start\``,
    );
    process.exit(ExitCodes.badConfiguration);
  }
  // Traces over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set; nothing otherwise (ADR 0021).
  startTracing(service);
  let app: INestMicroservice;
  try {
    app = await start(env, transportFromEnv(env, `idfed-${service}`), databaseUrl, logger);
  } catch (err) {
    exitOnStartFailure(service, env, logger, err);
  }
  let metrics: MetricsServer;
  try {
    // IDFED_HTTP_HOST: loopback by default, 0.0.0.0 in containers, so Prometheus can scrape it.
    metrics = await startMetricsServer(env.httpHost, env.metricsPort);
  } catch (err) {
    exitOnStartFailure(service, env, logger, err);
  }
  logger.log(`${service} is serving on Kafka ${env.kafkaBrokers.join(',')}`);
  logger.log(`${service} metrics at http://${env.httpHost}:${metrics.port}/metrics`);
  const probes = startProbeFiles(env.probeDir, app.get(DataSource));
  const stop = async () => {
    probes.stop();
    await metrics.close();
    await app.close();
    // What is still buffered goes out before the process ends.
    await stopTracing();
    process.exit(ExitCodes.stopped);
  };
  // A signal listener cannot be awaited. A shutdown that fails is logged and exits 1 (what the
  // unhandled rejection it used to be did, without the log line).
  const onSignal = () =>
    void stop().catch((err: unknown) => {
      logger.error(`${service} failed to stop cleanly`, err);
      process.exit(1);
    });
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}

/**
 * A process that cannot start says why in one fatal line and exits with a documented code, rather
 * than dying of an unhandled rejection: a supervisor restarts it, an operator reads the reason.
 */
export function exitOnStartFailure(
  app: string,
  env: Pick<IdfedEnv, 'kafkaBrokers'>,
  logger: LoggerService,
  err: unknown,
): never {
  const { dependency, code } = classifyStartFailure(err);
  const reason = err instanceof Error ? err.message : String(err);
  const where =
    dependency === 'Kafka'
      ? `cannot reach Kafka at ${(env.kafkaBrokers ?? []).join(',')}`
      : dependency === 'PostgreSQL'
        ? 'cannot reach PostgreSQL'
        : 'failed to start';
  logger.fatal?.(`fatal: ${app} ${where}: ${reason}; exiting with code ${code}`);
  if (!logger.fatal) logger.error(`fatal: ${app} ${where}: ${reason}; exiting with code ${code}`);
  process.exit(code);
}
