import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { migrateServiceSchema, serviceDataSourceOptions } from '@idfed/persistence';
import { userDirectoryEntities } from '../../src/database/entities';
import { userDirectoryMigrations } from '../../src/database/migrations';
import { USER_DIRECTORY_SCHEMA } from '../../src/database/schema';
import { PoolConfig, poolConfigFromRequest } from '../../src/pools/pool-config';

/**
 * A database of its own for one int spec, on the server IDFED_TEST_DATABASE_URL names, with the
 * user directory's schema migrated; dropped again by `drop()`.
 */
export class UserDirectoryTestDatabase {
  private constructor(
    private readonly serverUrl: string,
    private readonly name: string,
    readonly dataSource: DataSource,
  ) {}

  static async create(prefix: string): Promise<UserDirectoryTestDatabase> {
    const serverUrl = process.env.IDFED_TEST_DATABASE_URL;
    if (!serverUrl) throw new Error('IDFED_TEST_DATABASE_URL is not set');
    const name = `idfed_ud_${prefix}_${Date.now()}_${randomBytes(3).toString('hex')}`;
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const dataSource = new DataSource(
      serviceDataSourceOptions({
        url: url.toString(),
        schema: USER_DIRECTORY_SCHEMA,
        entities: userDirectoryEntities,
        migrations: userDirectoryMigrations(randomBytes(32)),
      }),
    );
    await dataSource.initialize();
    await migrateServiceSchema(dataSource, USER_DIRECTORY_SCHEMA);
    return new UserDirectoryTestDatabase(serverUrl, name, dataSource);
  }

  /** Inserts a pool with Cognito's defaults, changed by `overrides`; returns its id and config. */
  async pool(id: string, overrides: Partial<PoolConfig> = {}): Promise<{ id: string; config: PoolConfig }> {
    const config = {
      ...poolConfigFromRequest({ PoolName: id }, `arn:aws:cognito-idp:::userpool/${id}`),
      ...overrides,
    };
    await this.dataSource.query(
      `INSERT INTO user_directory.user_pools (id, name, config) VALUES ($1, $2, $3::jsonb)`,
      [id, id, JSON.stringify(config)],
    );
    return { id, config };
  }

  async drop(): Promise<void> {
    await this.dataSource.destroy();
    const admin = new Client({ connectionString: this.serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${this.name}"`);
    await admin.end();
  }
}
