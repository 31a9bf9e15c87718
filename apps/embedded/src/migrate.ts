import { ConfigError, loadEnv } from '@idfed/config';
import { createRootLogger, PinoNestLogger } from '@idfed/logging';
import { loadKeyEncryptionKey } from '../../user-directory/src/user-directory.bootstrap';
import { embeddedDatabase } from './embedded-database';
import { prepareServiceDatabases } from './service-databases';
import { migrateSchema } from './database/schema-migrations';
import { serviceSchemas } from './database/service-schemas';

/**
 * `npm run migrate [-- --revert <schema>]`: provisions each service's role (see
 * service-databases.ts), then applies pending migrations of every service to its schema as that
 * role (on the configured PostgreSQL, or the embedded one of IDFED_DATA_DIR), or reverts the last
 * one of a schema. Each migration runs in its own transaction.
 */
async function main(): Promise<void> {
  const env = loadEnv();
  const logger = new PinoNestLogger(createRootLogger(env.logLevel, 'migrate'));
  // The user directory's migrations seal what they migrate under the key-encryption key.
  const SCHEMAS = serviceSchemas(loadKeyEncryptionKey(env, logger));
  const revertIndex = process.argv.indexOf('--revert');
  const revert = revertIndex >= 0 ? process.argv[revertIndex + 1] : undefined;
  if (revertIndex >= 0 && !SCHEMAS.some((s) => s.schema === revert)) {
    throw new Error(`--revert needs one of: ${SCHEMAS.map((s) => s.schema).join(', ')}`);
  }
  const database = await embeddedDatabase(env, logger);
  try {
    // Provisions the services' roles (embedded: as cluster owner; external: with
    // IDFED_DATABASE_ADMIN_URL), then migrates each schema as its own role, which then owns it.
    const urls = await prepareServiceDatabases(env, database.clusterOwnerUrl, logger);
    for (const { service, schema, migrations } of SCHEMAS) {
      if (revert && schema !== revert) continue;
      console.log(await migrateSchema(urls[service], schema, migrations, revert ? 'revert' : 'apply'));
    }
  } finally {
    await database.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : `migrate failed: ${(err as Error).message}`);
  process.exit(1);
});
