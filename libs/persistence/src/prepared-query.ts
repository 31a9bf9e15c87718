import { DataSource } from 'typeorm';

interface PgPool {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * Runs a named prepared statement on the DataSource's own pool: PostgreSQL parses and plans it once
 * per connection instead of on every call. For the few hot-path queries (a refresh token lookup
 * runs on every REFRESH_TOKEN_AUTH); everything else goes through TypeORM as usual.
 */
export async function preparedQuery<Row>(
  dataSource: DataSource,
  name: string,
  text: string,
  values: unknown[],
): Promise<Row[]> {
  const pool = (dataSource.driver as unknown as { master: PgPool }).master;
  const result = await pool.query({ name, text, values });
  return result.rows as Row[];
}
