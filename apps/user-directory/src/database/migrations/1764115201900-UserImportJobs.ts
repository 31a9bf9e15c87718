import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * User import jobs (ADR 0045): the job with its progress, the parts of the CSV file uploaded to its
 * URL (until the job starts), and the file's rows once the job has read them (until they are done).
 */
export class UserImportJobs1764115201900 implements MigrationInterface {
  name = 'UserImportJobs1764115201900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE user_directory.user_import_jobs (
        job_id text PRIMARY KEY,
        pool_id text NOT NULL REFERENCES user_directory.user_pools (id) ON DELETE CASCADE,
        job_name text NOT NULL,
        role_arn text NOT NULL,
        status text NOT NULL,
        upload_id uuid,
        uploaded_bytes bigint,
        next_line integer NOT NULL DEFAULT 0,
        imported_users integer NOT NULL DEFAULT 0,
        skipped_users integer NOT NULL DEFAULT 0,
        failed_users integer NOT NULL DEFAULT 0,
        completion_message text,
        created_at timestamptz NOT NULL,
        started_at timestamptz,
        completed_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX user_import_jobs_pool ON user_directory.user_import_jobs (pool_id, created_at, job_id)`,
    );
    await q.query(
      `CREATE INDEX user_import_jobs_active ON user_directory.user_import_jobs (status)
         WHERE status IN ('Pending', 'InProgress', 'Stopping')`,
    );
    await q.query(`
      CREATE TABLE user_directory.user_import_parts (
        job_id text NOT NULL REFERENCES user_directory.user_import_jobs (job_id) ON DELETE CASCADE,
        upload_id uuid NOT NULL,
        part integer NOT NULL,
        data bytea NOT NULL,
        PRIMARY KEY (job_id, upload_id, part)
      )`);
    await q.query(`
      CREATE TABLE user_directory.user_import_rows (
        job_id text NOT NULL REFERENCES user_directory.user_import_jobs (job_id) ON DELETE CASCADE,
        line integer NOT NULL,
        fields jsonb NOT NULL,
        PRIMARY KEY (job_id, line)
      )`);
    await q.query(`
      CREATE TABLE user_directory.user_import_failures (
        job_id text NOT NULL REFERENCES user_directory.user_import_jobs (job_id) ON DELETE CASCADE,
        line integer NOT NULL,
        outcome text NOT NULL,
        username text,
        reason text NOT NULL,
        PRIMARY KEY (job_id, line)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE user_directory.user_import_failures`);
    await q.query(`DROP TABLE user_directory.user_import_rows`);
    await q.query(`DROP TABLE user_directory.user_import_parts`);
    await q.query(`DROP TABLE user_directory.user_import_jobs`);
  }
}
