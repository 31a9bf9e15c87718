import { randomUUID } from 'node:crypto';
import { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { migrateServiceSchema } from '@idfed/persistence';

/**
 * Replicas starting together against a fresh database: each runs the schema's migrations at
 * start-up. They must take turns (one applies, the others find nothing to do), not crash on the
 * same DDL. The migration sleeps so that, without the lock, the replicas certainly overlap.
 */
describe('migrations of replicas starting together', () => {
  const schema = `migration_race_${randomUUID().slice(0, 8)}`;
  const replicas: DataSource[] = [];

  function slowMigration(): new () => MigrationInterface {
    return class CreateWidgets1764115299001 implements MigrationInterface {
      name = 'CreateWidgets1764115299001';
      async up(q: QueryRunner): Promise<void> {
        await q.query(`CREATE TABLE "${schema}".widgets (id int PRIMARY KEY)`);
        await q.query('SELECT pg_sleep(0.3)');
      }
      async down(q: QueryRunner): Promise<void> {
        await q.query(`DROP TABLE "${schema}".widgets`);
      }
    };
  }

  beforeAll(async () => {
    for (let i = 0; i < 3; i++) {
      const ds = new DataSource({
        type: 'postgres',
        url: process.env.IDFED_TEST_DATABASE_URL,
        schema,
        migrations: [slowMigration()],
        migrationsTableName: 'migrations',
        logging: false,
      });
      await ds.initialize();
      replicas.push(ds);
    }
  });

  afterAll(async () => {
    await replicas[0]?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    for (const ds of replicas) await ds.destroy();
  });

  it('applies each migration once and lets every replica start', async () => {
    const results = await Promise.allSettled(replicas.map((ds) => migrateServiceSchema(ds, schema)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    const applied = results.map((r) => (r as PromiseFulfilledResult<string[]>).value);
    expect(applied.flat()).toEqual(['CreateWidgets1764115299001']);
    const rows = await replicas[0].query<{ name: string }[]>(`SELECT name FROM "${schema}".migrations`);
    expect(rows.map((r) => r.name)).toEqual(['CreateWidgets1764115299001']);
  });
});
