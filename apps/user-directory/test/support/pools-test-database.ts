import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { migrateServiceSchema, serviceDataSourceOptions } from '@idfed/persistence';
import { userDirectoryEntities } from '../../src/database/entities';
import { userDirectoryMigrations } from '../../src/database/migrations';
import { USER_DIRECTORY_SCHEMA } from '../../src/database/schema';

/** A key-encryption key for tests only. */
export const TEST_KEK = randomBytes(32);

/**
 * A database of the spec's own on IDFED_TEST_DATABASE_URL, migrated like the user directory's,
 * with room for every racer to hold a connection of its own as replicas would.
 */
export class PoolsTestDatabase {
  readonly dataSource: DataSource;
  private readonly name = `idfed_ud_pools_${Date.now()}_${randomBytes(3).toString('hex')}`;
  private readonly serverUrl = process.env.IDFED_TEST_DATABASE_URL!;

  constructor() {
    const url = new URL(this.serverUrl);
    url.pathname = `/${this.name}`;
    this.dataSource = new DataSource(
      serviceDataSourceOptions({
        url: url.toString(),
        schema: USER_DIRECTORY_SCHEMA,
        entities: userDirectoryEntities,
        migrations: userDirectoryMigrations(TEST_KEK),
        poolSize: 24,
      }),
    );
  }

  async create(): Promise<DataSource> {
    await this.admin(`CREATE DATABASE "${this.name}"`);
    await this.dataSource.initialize();
    await migrateServiceSchema(this.dataSource, USER_DIRECTORY_SCHEMA);
    return this.dataSource;
  }

  async drop(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    await this.admin(`DROP DATABASE IF EXISTS "${this.name}"`);
  }

  /** A user row as the users aggregate writes it: the groups and pools specs need members. */
  async insertUser(poolId: string, username: string, sub: string = randomUUID()): Promise<string> {
    await this.dataSource.query(
      `INSERT INTO user_directory.users (sub, pool_id, username, username_key, status, enabled, attributes)
       VALUES ($1, $2, $3, $3, 'CONFIRMED', true, $4)`,
      [sub, poolId, username, JSON.stringify({ sub })],
    );
    return sub;
  }

  /** How many rows of `table` belong to the pool. */
  async count(table: string, poolId: string): Promise<number> {
    const [row] = await this.dataSource.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM user_directory.${table} WHERE pool_id = $1`,
      [poolId],
    );
    return Number(row.n);
  }

  private async admin(sql: string): Promise<void> {
    const c = new Client({ connectionString: this.serverUrl });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  }
}
