import { INestMicroservice, LoggerService } from '@nestjs/common';
import { ConfigError, IdfedEnv, loadEnv } from '@idfed/config';
import { ServiceName } from '@idfed/contracts';
import { createRootLogger, PinoNestLogger } from '@idfed/logging';
import { TransportConfig } from '@idfed/messaging';
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
      process.exit(2);
    }
    throw err;
  }
  const logger = new PinoNestLogger(createRootLogger(env.logLevel, service));
  if (!env.kafkaBrokers || !env.databaseUrl) {
    logger.error(
      `${service} runs on its own only with IDFED_KAFKA_BROKERS and IDFED_DATABASE_URL; for one machine use \`npm start\``,
    );
    process.exit(2);
  }
  const app = await start(env, transportFromEnv(env, `idfed-${service}`), env.databaseUrl, logger);
  logger.log(`${service} is serving on Kafka ${env.kafkaBrokers.join(',')}`);
  const stop = async () => {
    await app.close();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
