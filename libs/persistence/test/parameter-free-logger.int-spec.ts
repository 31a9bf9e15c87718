import { randomUUID } from 'node:crypto';
import { Logger, LoggerService } from '@nestjs/common';
import { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { migrateServiceSchema, serviceDataSourceOptions } from '@idfed/persistence';

/** Every line Nest's logger receives, as text. */
class RecordingLogger implements LoggerService {
  lines: string[] = [];
  private record(...parts: unknown[]) {
    this.lines.push(
      parts
        .map((p) => (p instanceof Error ? `${p.message} ${JSON.stringify(p)}` : JSON.stringify(p)))
        .join(' '),
    );
  }
  log = (...p: unknown[]) => this.record(...p);
  error = (...p: unknown[]) => this.record(...p);
  warn = (...p: unknown[]) => this.record(...p);
  debug = (...p: unknown[]) => this.record(...p);
  verbose = (...p: unknown[]) => this.record(...p);
}

/**
 * A service's DataSource logs a failed statement without its parameters: before, TypeORM's own
 * logger printed a failed INSERT with them (a SignUp for a taken username logged the hash).
 */
describe('a failed statement in the log', () => {
  const schema = `log_test_${randomUUID().slice(0, 8)}`;
  const recorder = new RecordingLogger();
  let ds: DataSource;

  class Table implements MigrationInterface {
    name = 'Table1764115200000';
    async up(q: QueryRunner) {
      await q.query(`CREATE TABLE "${schema}".users (name text PRIMARY KEY, secret text NOT NULL)`);
    }
    async down() {}
  }

  beforeAll(async () => {
    Logger.overrideLogger(recorder);
    ds = new DataSource(
      serviceDataSourceOptions({
        url: process.env.IDFED_TEST_DATABASE_URL!,
        schema,
        entities: [],
        migrations: [Table],
      }),
    );
    await ds.initialize();
    await migrateServiceSchema(ds, schema);
  });

  afterAll(async () => {
    await ds.query(`DROP SCHEMA "${schema}" CASCADE`);
    await ds.destroy();
    Logger.overrideLogger(false);
  });

  it.each([
    ['a unique violation', 'taken', 'secret-parameter-1'],
    ['a NUL in a text value', 'nul\u0000name', 'secret-parameter-2'],
  ])('%s is reported by message and code, never with its parameters', async (_case, name, secret) => {
    await ds.query(`INSERT INTO "${schema}".users VALUES ('taken', 'x') ON CONFLICT DO NOTHING`);
    recorder.lines = [];
    await expect(ds.query(`INSERT INTO "${schema}".users VALUES ($1, $2)`, [name, secret])).rejects.toThrow();
    expect(recorder.lines.length).toBeGreaterThan(0);
    const text = recorder.lines.join('\n');
    expect(text).not.toContain(secret);
    expect(text).not.toContain('INSERT INTO');
    expect(text).toMatch(/duplicate key|invalid byte sequence/);
  });
});
