import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Transaction } from '@idfed/persistence';
import { UserImportJobStatusType } from '@idfed/contracts';
import { UserEntity } from '../database/entities';

/** A user import job as stored (`user_directory.user_import_jobs`). */
export interface UserImportJobRow {
  jobId: string;
  poolId: string;
  jobName: string;
  roleArn: string;
  status: UserImportJobStatusType;
  /** The upload whose parts are the job's file, and its size (both set once its last part arrived). */
  uploadId: string | null;
  uploadedBytes: number | null;
  /** An upload being received (ADR 0070): it replaces the job's file at its last part, not before. */
  incomingUploadId: string | null;
  incomingParts: number;
  incomingBytes: number;
  /** The file's header, once the job has read the file. */
  csvHeader: string[] | null;
  /**
   * Where in the file the next row starts (bytes); null for a job whose rows were stored in
   * `user_import_rows` before ADR 0070.
   */
  nextByte: number | null;
  /** Rows with a line before this one are done. */
  nextLine: number;
  importedUsers: number;
  skippedUsers: number;
  failedUsers: number;
  completionMessage: string | null;
  createdAt: Date;
  startedAt: Date | null;
  completedAt: Date | null;
}

/** What a batch changes on its job. */
export interface JobProgress {
  status: UserImportJobStatusType;
  nextByte: number | null;
  nextLine: number;
  importedUsers: number;
  skippedUsers: number;
  failedUsers: number;
  completionMessage: string | null;
  completedAt: Date | null;
}

/** A row the job did not import: skipped (the user exists) or failed (the row breaks a rule). */
export interface ImportFailure {
  line: number;
  outcome: 'SKIPPED' | 'FAILED';
  username: string | null;
  reason: string;
}

/** A row not imported, as the job's log lists it (ADR 0070): no values of the row. */
export interface ImportLogEntry {
  line: number;
  outcome: 'SKIPPED' | 'FAILED';
  reason: string;
  loggedAt: Date;
}

/** One stored part of an uploaded file: its number, where it starts in the file, its bytes. */
export interface FilePart {
  part: number;
  byteOffset: number;
  data: Buffer;
}

const COLUMNS = `job_id, pool_id, job_name, role_arn, status, upload_id, uploaded_bytes, incoming_upload_id,
  incoming_parts, incoming_bytes, csv_header, next_byte, next_line,
  imported_users, skipped_users, failed_users, completion_message, created_at, started_at, completed_at`;

interface DbJob {
  job_id: string;
  pool_id: string;
  job_name: string;
  role_arn: string;
  status: UserImportJobStatusType;
  upload_id: string | null;
  uploaded_bytes: string | null;
  incoming_upload_id: string | null;
  incoming_parts: number;
  incoming_bytes: string;
  csv_header: string[] | null;
  next_byte: string | null;
  next_line: number;
  imported_users: number;
  skipped_users: number;
  failed_users: number;
  completion_message: string | null;
  created_at: Date;
  started_at: Date | null;
  completed_at: Date | null;
}

function toRow(r: DbJob): UserImportJobRow {
  return {
    jobId: r.job_id,
    poolId: r.pool_id,
    jobName: r.job_name,
    roleArn: r.role_arn,
    status: r.status,
    uploadId: r.upload_id,
    uploadedBytes: r.uploaded_bytes === null ? null : Number(r.uploaded_bytes),
    incomingUploadId: r.incoming_upload_id,
    incomingParts: r.incoming_parts,
    incomingBytes: Number(r.incoming_bytes),
    csvHeader: r.csv_header,
    nextByte: r.next_byte === null ? null : Number(r.next_byte),
    nextLine: r.next_line,
    importedUsers: r.imported_users,
    skippedUsers: r.skipped_users,
    failedUsers: r.failed_users,
    completionMessage: r.completion_message,
    createdAt: r.created_at,
    startedAt: r.started_at,
    completedAt: r.completed_at,
  };
}

/**
 * Every query of the user import tables (ADR 0045): jobs, the parts of an upload, the file's rows
 * while the job works through them, and the rows it did not import.
 */
@Injectable()
export class UserImportJobsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async insert(job: UserImportJobRow): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO user_directory.user_import_jobs (${COLUMNS})
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)`,
      [
        job.jobId,
        job.poolId,
        job.jobName,
        job.roleArn,
        job.status,
        job.uploadId,
        job.uploadedBytes,
        job.incomingUploadId,
        job.incomingParts,
        job.incomingBytes,
        job.csvHeader === null ? null : JSON.stringify(job.csvHeader),
        job.nextByte,
        job.nextLine,
        job.importedUsers,
        job.skippedUsers,
        job.failedUsers,
        job.completionMessage,
        job.createdAt,
        job.startedAt,
        job.completedAt,
      ],
    );
  }

  /** Whether the pool has a job that started and has not ended (Pending, InProgress, Stopping). */
  async hasActiveJob(poolId: string, tx: Transaction): Promise<boolean> {
    const rows = await tx.query<unknown[]>(
      `SELECT 1 FROM user_directory.user_import_jobs
        WHERE pool_id = $1 AND status IN ('Pending', 'InProgress', 'Stopping') LIMIT 1`,
      [poolId],
    );
    return rows.length > 0;
  }

  /** The job of the pool, locked for `tx` when given. */
  async find(poolId: string, jobId: string, tx?: Transaction): Promise<UserImportJobRow | undefined> {
    const rows = await (tx ?? this.dataSource.manager).query<DbJob[]>(
      `SELECT ${COLUMNS} FROM user_directory.user_import_jobs WHERE pool_id = $1 AND job_id = $2
       ${tx ? 'FOR UPDATE' : ''}`,
      [poolId, jobId],
    );
    return rows[0] ? toRow(rows[0]) : undefined;
  }

  /** One page of the pool's jobs in creation order, after the job `after` (a page token). */
  async page(
    poolId: string,
    after: string | undefined,
    max: number,
  ): Promise<{ page: UserImportJobRow[]; next?: string }> {
    const rows = await this.dataSource.query<DbJob[]>(
      `SELECT ${COLUMNS} FROM user_directory.user_import_jobs j
        WHERE pool_id = $1
          AND ($2::text IS NULL OR (created_at, job_id) > (
                SELECT created_at, job_id FROM user_directory.user_import_jobs WHERE job_id = $2))
        ORDER BY created_at, job_id
        LIMIT $3`,
      [poolId, after ?? null, max + 1],
    );
    const page = rows.slice(0, max).map(toRow);
    return rows.length > max ? { page, next: page[page.length - 1].jobId } : { page };
  }

  async setStatus(
    jobId: string,
    changes: Partial<Pick<UserImportJobRow, 'status' | 'startedAt' | 'completedAt' | 'completionMessage'>>,
    tx: Transaction,
  ): Promise<void> {
    const sets: string[] = [];
    const values: unknown[] = [jobId];
    const column = {
      status: 'status',
      startedAt: 'started_at',
      completedAt: 'completed_at',
      completionMessage: 'completion_message',
    } as const;
    for (const key of Object.keys(changes) as (keyof typeof column)[]) {
      values.push(changes[key]);
      sets.push(`${column[key]} = $${values.length}`);
    }
    if (sets.length === 0) return;
    await tx.query(`UPDATE user_directory.user_import_jobs SET ${sets.join(', ')} WHERE job_id = $1`, values);
  }

  async saveProgress(jobId: string, p: JobProgress, tx: Transaction): Promise<void> {
    await tx.query(
      `UPDATE user_directory.user_import_jobs
          SET status = $2, next_line = $3, imported_users = $4, skipped_users = $5, failed_users = $6,
              completion_message = $7, completed_at = $8, next_byte = $9
        WHERE job_id = $1`,
      [
        jobId,
        p.status,
        p.nextLine,
        p.importedUsers,
        p.skippedUsers,
        p.failedUsers,
        p.completionMessage,
        p.completedAt,
        p.nextByte,
      ],
    );
  }

  /** The file was read whole and its header is good: the job imports from `next` on. */
  async beginImport(
    jobId: string,
    header: string[],
    next: { byte: number; line: number },
    tx: Transaction,
  ): Promise<void> {
    await tx.query(
      `UPDATE user_directory.user_import_jobs
          SET status = 'InProgress', csv_header = $2, next_byte = $3, next_line = $4 WHERE job_id = $1`,
      [jobId, JSON.stringify(header), next.byte, next.line],
    );
  }

  /**
   * Starts receiving a new upload of the job's file. An earlier upload that never got its last part
   * is dropped; the job's file (a complete upload) stays until this one is complete.
   */
  async beginUpload(jobId: string, uploadId: string, tx: Transaction): Promise<void> {
    await tx.query(
      `DELETE FROM user_directory.user_import_parts p USING user_directory.user_import_jobs j
        WHERE p.job_id = $1 AND j.job_id = p.job_id AND p.upload_id IS DISTINCT FROM j.upload_id`,
      [jobId],
    );
    await tx.query(
      `UPDATE user_directory.user_import_jobs
          SET incoming_upload_id = $2, incoming_parts = 0, incoming_bytes = 0 WHERE job_id = $1`,
      [jobId, uploadId],
    );
  }

  /** Stores the next part of the incoming upload, after the bytes received so far. */
  async addPart(job: UserImportJobRow, data: Buffer, tx: Transaction): Promise<void> {
    await tx.query(
      `INSERT INTO user_directory.user_import_parts (job_id, upload_id, part, byte_offset, data)
       VALUES ($1, $2, $3, $4, $5)`,
      [job.jobId, job.incomingUploadId, job.incomingParts, job.incomingBytes, data],
    );
    await tx.query(
      `UPDATE user_directory.user_import_jobs
          SET incoming_parts = incoming_parts + 1, incoming_bytes = incoming_bytes + $2 WHERE job_id = $1`,
      [job.jobId, data.length],
    );
  }

  /** The incoming upload got its last part: it is the job's file now, and the one it replaces goes. */
  async completeUpload(jobId: string, tx: Transaction): Promise<void> {
    await tx.query(
      `DELETE FROM user_directory.user_import_parts p USING user_directory.user_import_jobs j
        WHERE p.job_id = $1 AND j.job_id = p.job_id AND p.upload_id IS DISTINCT FROM j.incoming_upload_id`,
      [jobId],
    );
    await tx.query(
      `UPDATE user_directory.user_import_jobs
          SET upload_id = incoming_upload_id, uploaded_bytes = incoming_bytes,
              incoming_upload_id = NULL, incoming_parts = 0, incoming_bytes = 0
        WHERE job_id = $1`,
      [jobId],
    );
  }

  /** The part of the upload holding byte `at` of the file (the last part for the file's end). */
  async partHolding(
    jobId: string,
    uploadId: string,
    at: number,
    tx: Transaction,
  ): Promise<FilePart | undefined> {
    const rows = await tx.query<{ part: number; byte_offset: string; data: Buffer }[]>(
      `SELECT part, byte_offset, data FROM user_directory.user_import_parts
        WHERE job_id = $1 AND upload_id = $2 AND byte_offset <= $3
        ORDER BY part DESC LIMIT 1`,
      [jobId, uploadId, at],
    );
    return rows[0] && { part: rows[0].part, byteOffset: Number(rows[0].byte_offset), data: rows[0].data };
  }

  /** Part `part` of the upload, if it has that many. */
  async part(jobId: string, uploadId: string, part: number, tx: Transaction): Promise<FilePart | undefined> {
    const rows = await tx.query<{ byte_offset: string; data: Buffer }[]>(
      `SELECT byte_offset, data FROM user_directory.user_import_parts
        WHERE job_id = $1 AND upload_id = $2 AND part = $3`,
      [jobId, uploadId, part],
    );
    return rows[0] && { part, byteOffset: Number(rows[0].byte_offset), data: rows[0].data };
  }

  async dropParts(jobId: string, tx: Transaction): Promise<void> {
    await tx.query(`DELETE FROM user_directory.user_import_parts WHERE job_id = $1`, [jobId]);
  }

  /** The next stored rows at or after `fromLine`, in line order (a job started before ADR 0070). */
  async rows(
    jobId: string,
    fromLine: number,
    max: number,
    tx: Transaction,
  ): Promise<{ line: number; fields: string[] }[]> {
    return tx.query(
      `SELECT line, fields FROM user_directory.user_import_rows WHERE job_id = $1 AND line >= $2
        ORDER BY line LIMIT $3`,
      [jobId, fromLine, max],
    );
  }

  /** Drops the rows done (the header, line 1, stays while the job runs), or every row when `beforeLine` is null. */
  async dropRows(jobId: string, beforeLine: number | null, tx: Transaction): Promise<void> {
    await tx.query(
      `DELETE FROM user_directory.user_import_rows
        WHERE job_id = $1 AND ($2::integer IS NULL OR (line > 1 AND line < $2))`,
      [jobId, beforeLine],
    );
  }

  async addFailures(jobId: string, failures: ImportFailure[], tx: Transaction): Promise<void> {
    if (failures.length === 0) return;
    await tx.query(
      `INSERT INTO user_directory.user_import_failures (job_id, line, outcome, username, reason)
       SELECT $1, f.line, f.outcome, f.username, f.reason
         FROM jsonb_to_recordset($2::jsonb) AS f(line integer, outcome text, username text, reason text)`,
      [jobId, JSON.stringify(failures)],
    );
  }

  /** The rows the job did not import, in line order. */
  async failures(jobId: string): Promise<ImportFailure[]> {
    return this.dataSource.query(
      `SELECT line, outcome, username, reason FROM user_directory.user_import_failures
        WHERE job_id = $1 ORDER BY line`,
      [jobId],
    );
  }

  /** Up to `max` rows the job did not import with a line after `afterLine`, in line order. */
  async logPage(jobId: string, afterLine: number, max: number): Promise<ImportLogEntry[]> {
    const rows = await this.dataSource.query<
      { line: number; outcome: 'SKIPPED' | 'FAILED'; reason: string; logged_at: Date }[]
    >(
      `SELECT line, outcome, reason, logged_at FROM user_directory.user_import_failures
        WHERE job_id = $1 AND line > $2 ORDER BY line LIMIT $3`,
      [jobId, afterLine, max],
    );
    return rows.map((r) => ({ line: r.line, outcome: r.outcome, reason: r.reason, loggedAt: r.logged_at }));
  }

  /**
   * Locks the next job with work to do that no other worker holds (Pending, InProgress or Stopping),
   * for `tx`: replicas share the work a batch at a time.
   */
  async lockNextActive(tx: Transaction): Promise<UserImportJobRow | undefined> {
    const rows = await tx.query<DbJob[]>(
      `SELECT ${COLUMNS} FROM user_directory.user_import_jobs
        WHERE status IN ('Pending', 'InProgress', 'Stopping')
        ORDER BY started_at NULLS LAST, job_id
        LIMIT 1 FOR UPDATE SKIP LOCKED`,
    );
    return rows[0] ? toRow(rows[0]) : undefined;
  }

  /** Inserts an imported user unless the pool has one by that name or alias ('exists' then). */
  async insertUserIfAbsent(user: UserEntity, tx: Transaction): Promise<'created' | 'exists'> {
    const result = await tx
      .createQueryBuilder()
      .insert()
      .into(UserEntity)
      .values(user)
      .orIgnore()
      .returning('sub')
      .execute();
    return (result.raw as unknown[]).length > 0 ? 'created' : 'exists';
  }
}
