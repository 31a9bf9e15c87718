import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { migrateServiceSchema, serviceDataSourceOptions } from '@idfed/persistence';
import { deviceSyncMigrations } from '../../src/database/migrations';
import { DEVICE_SYNC_SCHEMA } from '../../src/database/schema';

/**
 * A database of its own for one spec file on the test server (IDFED_TEST_DATABASE_URL), with
 * device sync's schema migrated into it, dropped again after the file.
 */
export class DeviceSyncTestDatabase {
  private readonly name: string;
  private dataSource?: DataSource;

  constructor(tag: string) {
    this.name = `idfed_ds_${tag}_${Date.now()}_${randomBytes(3).toString('hex')}`;
  }

  /** `poolSize`: one connection per racer a spec runs at once, as replicas would hold them. */
  async create(poolSize: number): Promise<DataSource> {
    await this.admin(`CREATE DATABASE "${this.name}"`);
    const url = new URL(process.env.IDFED_TEST_DATABASE_URL!);
    url.pathname = `/${this.name}`;
    this.dataSource = new DataSource(
      serviceDataSourceOptions({
        url: url.toString(),
        schema: DEVICE_SYNC_SCHEMA,
        entities: [],
        migrations: deviceSyncMigrations,
        poolSize,
      }),
    );
    await this.dataSource.initialize();
    await migrateServiceSchema(this.dataSource, DEVICE_SYNC_SCHEMA);
    return this.dataSource;
  }

  async drop(): Promise<void> {
    await this.dataSource?.destroy();
    await this.admin(`DROP DATABASE IF EXISTS "${this.name}"`);
  }

  private async admin(statement: string): Promise<void> {
    const c = new Client({ connectionString: process.env.IDFED_TEST_DATABASE_URL! });
    await c.connect();
    try {
      await c.query(statement);
    } finally {
      await c.end();
    }
  }
}
