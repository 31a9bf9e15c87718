import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { UserDirectoryTopics, UserSignedUpEvent } from '@idfed/contracts';
import { OutboxService } from '@idfed/messaging';
import { Transaction, Transactions } from '@idfed/persistence';
import { UserEntity, UserPoolEntity } from '../database/entities';
import { UserMfaRepository } from '../mfa/user-mfa.repository';
import { UserPoolsRepository } from '../pools/user-pools.repository';
import { identityFor } from '../users/user-identity';
import { csvRecords, ImportFileError, importedUser, ImportRow, scanImportFile } from './import-file';
import { UploadedFiles } from './uploaded-files';
import { ImportFailure, UserImportJobRow, UserImportJobsRepository } from './user-import-jobs.repository';

const logger = new Logger('UserImport');

/** Rows per transaction: a Stop takes effect at the latest after this many. */
export const IMPORT_BATCH_ROWS = 100;
/** How often an idle worker looks for jobs another replica started. */
const POLL_MS = 1000;

/** CompletionMessage is at most 128 characters in Cognito's model. */
function completion(text: string): string {
  return text.length > 128 ? `${text.slice(0, 125)}...` : text;
}

/**
 * Runs user import jobs (ADR 0045, 0070). All its state is in the job's tables, so a job survives a
 * restart and is shared by replicas: each step locks one job (`FOR UPDATE SKIP LOCKED`) and commits
 * with what it did. A Pending job's file is read through once, a part at a time (or the job fails,
 * with why); an InProgress job imports the next IMPORT_BATCH_ROWS rows of the file from where the
 * last batch ended, per transaction, with their users, their `signed-up` events (through the outbox),
 * the counters, the rows it did not import and where the next row starts; a Stopping job stops there.
 */
@Injectable()
export class UserImportWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;
  private again = false;

  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(UserImportJobsRepository) private readonly jobs: UserImportJobsRepository,
    @Inject(UploadedFiles) private readonly files: UploadedFiles,
    @Inject(UserPoolsRepository) private readonly pools: UserPoolsRepository,
    @Inject(UserMfaRepository) private readonly mfa: UserMfaRepository,
    @Inject(OutboxService) private readonly outbox: OutboxService,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Work is waiting (a job was started or stopped here): look now rather than at the next poll. */
  nudge(): void {
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.drain().finally(() => {
        this.running = undefined;
        const again = this.again;
        this.again = false;
        this.schedule(again ? 0 : POLL_MS);
      });
    }, ms);
    this.timer.unref?.();
  }

  private async drain(): Promise<void> {
    try {
      while (!this.stopped && (await this.step())) {
        // one committed step at a time, until no job has work
      }
    } catch (err) {
      logger.error(`user import step failed: ${(err as Error).message}`);
    }
  }

  /** One step of one job; false when no job had work. */
  async step(): Promise<boolean> {
    let nudgeOutbox = false;
    const worked = await this.transactions.run(async (tx) => {
      const job = await this.jobs.lockNextActive(tx);
      if (!job) return false;
      if (job.status === 'Stopping') await this.stop(job, tx);
      else if (job.status === 'Pending') await this.readFile(job, tx);
      else nudgeOutbox = await this.importBatch(job, tx);
      return true;
    });
    if (nudgeOutbox) this.outbox.nudge();
    return worked;
  }

  private async stop(job: UserImportJobRow, tx: Transaction): Promise<void> {
    await this.jobs.dropParts(job.jobId, tx);
    await this.jobs.dropRows(job.jobId, null, tx);
    await this.jobs.saveProgress(
      job.jobId,
      {
        ...job,
        status: 'Stopped',
        completionMessage: completion(
          `Import job stopped: ${job.importedUsers} imported, ${job.skippedUsers} skipped, ${job.failedUsers} failed.`,
        ),
        completedAt: new Date(),
      },
      tx,
    );
  }

  private async readFile(job: UserImportJobRow, tx: Transaction): Promise<void> {
    // The pool's deletion deletes its jobs (ON DELETE CASCADE): a locked job has its pool.
    const pool = (await this.pools.find(job.poolId, tx))!;
    try {
      if (job.uploadId === null || job.uploadedBytes === null) {
        throw new ImportFileError("No CSV file was uploaded to the job's PreSignedUrl.");
      }
      const file = await scanImportFile(this.files.chunks(job.jobId, job.uploadId, 0, tx), pool.config);
      // Rows with a line before rowsFrom.line + 1 are done: the header's lines.
      await this.jobs.beginImport(
        job.jobId,
        file.header,
        { ...file.rowsFrom, line: file.rowsFrom.line + 1 },
        tx,
      );
    } catch (err) {
      if (!(err instanceof ImportFileError)) throw err;
      await this.fail(job, err, tx);
    }
  }

  private async fail(job: UserImportJobRow, err: ImportFileError, tx: Transaction): Promise<void> {
    await this.jobs.dropParts(job.jobId, tx);
    await this.jobs.dropRows(job.jobId, null, tx);
    await this.jobs.setStatus(
      job.jobId,
      { status: 'Failed', completionMessage: completion(err.message), completedAt: new Date() },
      tx,
    );
  }

  /** The job's next rows: from its file where the last batch ended, or (begun before ADR 0070) its stored rows. */
  private async nextRows(
    job: UserImportJobRow,
    tx: Transaction,
  ): Promise<{ header: string[]; rows: ImportRow[]; nextByte: number | null }> {
    if (job.nextByte === null || job.csvHeader === null || job.uploadId === null) {
      const [headerRow] = await this.jobs.rows(job.jobId, 1, 1, tx);
      const rows = await this.jobs.rows(job.jobId, job.nextLine, IMPORT_BATCH_ROWS, tx);
      return { header: headerRow.fields, rows, nextByte: null };
    }
    const rows: ImportRow[] = [];
    let nextByte = job.nextByte;
    const from = { byte: job.nextByte, line: job.nextLine - 1 };
    for await (const record of csvRecords(this.files.chunks(job.jobId, job.uploadId, from.byte, tx), from)) {
      rows.push({ line: record.line, fields: record.fields });
      nextByte = record.next.byte;
      if (rows.length === IMPORT_BATCH_ROWS) break;
    }
    return { header: job.csvHeader, rows, nextByte };
  }

  /** True when users were created (their events wait in the outbox). */
  private async importBatch(job: UserImportJobRow, tx: Transaction): Promise<boolean> {
    const pool = (await this.pools.find(job.poolId, tx))!;
    let batch: Awaited<ReturnType<UserImportWorker['nextRows']>>;
    try {
      batch = await this.nextRows(job, tx);
    } catch (err) {
      if (!(err instanceof ImportFileError)) throw err;
      await this.fail(job, err, tx);
      return false;
    }
    const { header, rows } = batch;
    const counts = { imported: job.importedUsers, skipped: job.skippedUsers, failed: job.failedUsers };
    const failures: ImportFailure[] = [];
    for (const row of rows) {
      const outcome = await this.importRow(pool, header, row, job, tx);
      if (outcome === 'imported') counts.imported++;
      else {
        failures.push(outcome);
        if (outcome.outcome === 'SKIPPED') counts.skipped++;
        else counts.failed++;
        // Cognito's log line for the row: its line number, never its values.
        logger.warn(
          `user import ${job.jobId}: [${outcome.outcome}] Line Number ${outcome.line} - ${outcome.reason}`,
        );
      }
    }
    await this.jobs.addFailures(job.jobId, failures, tx);
    const done = rows.length < IMPORT_BATCH_ROWS;
    const nextLine = rows.length > 0 ? rows[rows.length - 1].line + 1 : job.nextLine;
    if (batch.nextByte === null) await this.jobs.dropRows(job.jobId, done ? null : nextLine, tx);
    if (done) await this.jobs.dropParts(job.jobId, tx);
    const notImported = counts.skipped + counts.failed;
    await this.jobs.saveProgress(
      job.jobId,
      {
        status: done ? 'Succeeded' : 'InProgress',
        nextByte: batch.nextByte,
        nextLine,
        importedUsers: counts.imported,
        skippedUsers: counts.skipped,
        failedUsers: counts.failed,
        completionMessage: done
          ? completion(
              notImported === 0
                ? 'Import Job Completed Successfully.'
                : `Import Job Completed: ${counts.skipped} skipped, ${counts.failed} failed (see the job's log).`,
            )
          : null,
        completedAt: done ? new Date() : null,
      },
      tx,
    );
    return counts.imported > job.importedUsers;
  }

  private async importRow(
    pool: UserPoolEntity,
    header: string[],
    row: ImportRow,
    job: UserImportJobRow,
    tx: Transaction,
  ): Promise<'imported' | ImportFailure> {
    const usernameAt = header.indexOf('cognito:username');
    const given = row.fields[usernameAt]?.trim() || null;
    const failed = (reason: string): ImportFailure => ({
      line: row.line,
      outcome: 'FAILED',
      username: given,
      reason,
    });
    let user: UserEntity;
    let mfaEnabled: boolean;
    try {
      const imported = importedUser({ header }, row, pool.config);
      mfaEnabled = imported.mfaEnabled;
      const sub = randomUUID();
      const identity = identityFor(pool.config, imported.username, sub, imported.attributes);
      const now = new Date();
      user = {
        sub,
        poolId: pool.id,
        ...identity,
        passwordHash: null,
        srpSalt: null,
        srpVerifierEnc: null,
        passwordExpiresAt: null,
        status: 'RESET_REQUIRED',
        enabled: true,
        attributes: imported.attributes,
        tokensValidAfter: null,
        createdAt: now,
        updatedAt: now,
      };
    } catch (err) {
      const e = err as Error & { getError?: () => { message?: string } };
      return failed(e.getError?.().message ?? e.message);
    }
    if ((await this.jobs.insertUserIfAbsent(user, tx)) === 'exists') {
      return { line: row.line, outcome: 'SKIPPED', username: given, reason: 'The user already exists.' };
    }
    if (mfaEnabled) {
      await this.mfa.savePreference(
        user.sub,
        { totpEnabled: false, smsEnabled: true, emailEnabled: false, preferred: null },
        user.createdAt,
        tx,
      );
    }
    const event: UserSignedUpEvent = {
      userPoolId: pool.id,
      sub: user.sub,
      username: user.username,
      status: 'RESET_REQUIRED',
      imported: true,
      occurredAt: user.createdAt.toISOString(),
    };
    await this.outbox.add(tx, {
      topic: UserDirectoryTopics.userSignedUp,
      key: user.sub,
      payload: event,
      correlationId: job.jobId,
    });
    return 'imported';
  }
}
