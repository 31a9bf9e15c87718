import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Streamed user imports (ADR 0070). A job's file stays in its parts (each with its byte offset in the
 * file) and the worker reads it from a byte cursor (`next_byte`, with the header kept on the job), so
 * no step holds the whole file; an upload being received is kept apart from the job's file
 * (`incoming_*`) until its last part, as a failed S3 PUT leaves the object it would have replaced;
 * the rows not imported get the time they were logged, for the job's log listing.
 */
export class StreamedUserImports1764115202900 implements MigrationInterface {
  name = 'StreamedUserImports1764115202900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE user_directory.user_import_jobs
        ADD COLUMN csv_header jsonb,
        ADD COLUMN next_byte bigint,
        ADD COLUMN incoming_upload_id uuid,
        ADD COLUMN incoming_parts integer NOT NULL DEFAULT 0,
        ADD COLUMN incoming_bytes bigint NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE user_directory.user_import_parts ADD COLUMN byte_offset bigint`);
    await q.query(`
      UPDATE user_directory.user_import_parts p SET byte_offset = o.byte_offset
        FROM (SELECT job_id, upload_id, part,
                     coalesce(sum(length(data)) OVER (PARTITION BY job_id, upload_id ORDER BY part
                       ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS byte_offset
                FROM user_directory.user_import_parts) o
       WHERE p.job_id = o.job_id AND p.upload_id = o.upload_id AND p.part = o.part`);
    await q.query(`ALTER TABLE user_directory.user_import_parts ALTER COLUMN byte_offset SET NOT NULL`);
    // An upload still arriving under the old scheme (no size yet) becomes the incoming one.
    await q.query(`
      UPDATE user_directory.user_import_jobs j
         SET incoming_upload_id = j.upload_id, upload_id = NULL,
             incoming_parts = (SELECT count(*) FROM user_directory.user_import_parts p
                                WHERE p.job_id = j.job_id AND p.upload_id = j.upload_id),
             incoming_bytes = (SELECT coalesce(sum(length(data)), 0) FROM user_directory.user_import_parts p
                                WHERE p.job_id = j.job_id AND p.upload_id = j.upload_id)
       WHERE j.upload_id IS NOT NULL AND j.uploaded_bytes IS NULL`);
    await q.query(
      `ALTER TABLE user_directory.user_import_failures ADD COLUMN logged_at timestamptz NOT NULL DEFAULT now()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE user_directory.user_import_failures DROP COLUMN logged_at`);
    await q.query(`
      UPDATE user_directory.user_import_jobs SET upload_id = incoming_upload_id
       WHERE upload_id IS NULL AND incoming_upload_id IS NOT NULL`);
    await q.query(`ALTER TABLE user_directory.user_import_parts DROP COLUMN byte_offset`);
    await q.query(`
      ALTER TABLE user_directory.user_import_jobs
        DROP COLUMN csv_header, DROP COLUMN next_byte, DROP COLUMN incoming_upload_id,
        DROP COLUMN incoming_parts, DROP COLUMN incoming_bytes`);
  }
}
