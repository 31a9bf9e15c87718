import { existsSync, readFileSync } from 'node:fs';
import { dataPath, IdfedEnv, serviceDatabaseUrl, usesExternalDatabase } from '@idfed/config';
import { ServiceName } from '@idfed/contracts';
import { DeadLetterStore, DeadLetterTable, KafkaDeadLetterTopic } from '@idfed/messaging';
import { defaultRoleName, ParameterFreeLogger, roleUrl } from '@idfed/persistence';
import { DataSource } from 'typeorm';
import { SERVICE_SCHEMAS } from '../service-databases';

/** A service's dead letters, where its deployment keeps them, and how to let go of them. */
export interface OpenStore {
  service: ServiceName;
  store: DeadLetterStore;
  close(): Promise<void>;
}

/**
 * Where ADR 0012 puts the dead letters: the service's `<service>.dead-letter.v1` topic when the
 * bus is Kafka (IDFED_KAFKA_BROKERS), its `dead_letters` table otherwise. The table is read as the
 * service's own role (its URL, or on the embedded PostgreSQL the role and password idfed generated
 * in the data directory), which may write its outbox: a replay is relayed by the service itself.
 */
export async function openStore(env: IdfedEnv, service: ServiceName): Promise<OpenStore> {
  if (env.kafkaBrokers) {
    const store = new KafkaDeadLetterTopic(service, {
      brokers: env.kafkaBrokers,
      partitions: env.kafkaPartitions,
      clientId: 'idfed-dead-letters',
    });
    return { service, store, close: () => store.close() };
  }
  const schema = SERVICE_SCHEMAS[service];
  const dataSource = new DataSource({
    type: 'postgres',
    url: tableUrl(env, service),
    logger: new ParameterFreeLogger(),
    extra: { max: 2, application_name: 'idfed-dead-letters' },
  });
  try {
    await dataSource.initialize();
  } catch (err) {
    const hint = usesExternalDatabase(env)
      ? ''
      : ` (the embedded PostgreSQL runs only while idfed does: start it, with the same IDFED_DATA_DIR)`;
    throw new Error(`cannot reach the database of ${service}${hint}: ${(err as Error).message}`);
  }
  return { service, store: new DeadLetterTable(dataSource, schema), close: () => dataSource.destroy() };
}

function tableUrl(env: IdfedEnv, service: ServiceName): string {
  if (usesExternalDatabase(env)) {
    const url = serviceDatabaseUrl(env, service);
    if (!url) throw new Error(`no database URL for ${service}: set IDFED_DATABASE_URL or its own`);
    return url;
  }
  const schema = SERVICE_SCHEMAS[service];
  const passwordFile = dataPath(env.dataDir, `postgres-role-${schema}`);
  if (!existsSync(passwordFile)) {
    throw new Error(`no ${passwordFile}: has idfed ever started with IDFED_DATA_DIR=${env.dataDir}?`);
  }
  // Never created here: a password file that is not there means there is nothing to read.
  const password = readFileSync(passwordFile, 'utf8').trim();
  return roleUrl(`postgres://127.0.0.1:${env.embeddedPostgresPort}/idfed`, {
    schema,
    role: defaultRoleName(schema),
    password,
  });
}
