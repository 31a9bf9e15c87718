import { migrateServiceSchema, ParameterFreeLogger } from '@idfed/persistence';
import { DataSource, MigrationInterface } from 'typeorm';

/**
 * Applies a schema's pending migrations, or reverts its last one, connected as the service's own
 * role (`url`), so the role owns what it creates. Answers the line `npm run migrate` prints.
 */
export async function migrateSchema(
  url: string,
  schema: string,
  migrations: (new () => MigrationInterface)[],
  direction: 'apply' | 'revert',
): Promise<string> {
  const ds = new DataSource({
    type: 'postgres',
    url,
    schema,
    migrations,
    migrationsTableName: 'migrations',
    logger: new ParameterFreeLogger(),
  });
  await ds.initialize();
  try {
    if (direction === 'revert') {
      await ds.undoLastMigration({ transaction: 'each' });
      return `${schema}: reverted the last migration`;
    }
    const applied = await migrateServiceSchema(ds, schema);
    return `${schema}: ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}`;
  } finally {
    await ds.destroy();
  }
}
