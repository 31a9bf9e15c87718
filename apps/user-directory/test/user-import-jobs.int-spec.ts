import { randomUUID } from 'node:crypto';
import { OutboxService } from '@idfed/messaging';
import { Transactions } from '@idfed/persistence';
import { UploadedFiles } from '../src/import/uploaded-files';
import { UserImportJobRow, UserImportJobsRepository } from '../src/import/user-import-jobs.repository';
import { IMPORT_BATCH_ROWS, UserImportWorker } from '../src/import/user-import.worker';
import { UserMfaRepository } from '../src/mfa/user-mfa.repository';
import { UserPoolsRepository } from '../src/pools/user-pools.repository';
import { UserDirectoryTestDatabase } from './support/user-directory-database';

/**
 * User import jobs on PostgreSQL: the repository's uploads, pages and locks, and the worker's
 * batches (users, events, counters, failures) read from the stored parts under transactions,
 * stopped between batches and resumed by a new worker as after a restart.
 */
describe('user import jobs on PostgreSQL', () => {
  let db: UserDirectoryTestDatabase;
  let jobs: UserImportJobsRepository;
  let transactions: Transactions;
  const poolId = 'us-east-1_Import001';

  beforeAll(async () => {
    db = await UserDirectoryTestDatabase.create('import');
    await db.pool(poolId, { autoVerifiedAttributes: ['email'] });
    jobs = new UserImportJobsRepository(db.dataSource);
    transactions = new Transactions(db.dataSource);
  });
  afterAll(() => db.drop());

  function job(jobId: string, createdAt: string, extra: Partial<UserImportJobRow> = {}): UserImportJobRow {
    return {
      jobId,
      poolId,
      jobName: 'j',
      roleArn: 'arn:aws:iam::123456789012:role/r',
      status: 'Created',
      uploadId: null,
      uploadedBytes: null,
      incomingUploadId: null,
      incomingParts: 0,
      incomingBytes: 0,
      csvHeader: null,
      nextByte: null,
      nextLine: 0,
      importedUsers: 0,
      skippedUsers: 0,
      failedUsers: 0,
      completionMessage: null,
      createdAt: new Date(createdAt),
      startedAt: null,
      completedAt: null,
      ...extra,
    };
  }

  function worker(): UserImportWorker {
    return new UserImportWorker(
      transactions,
      jobs,
      new UploadedFiles(jobs),
      new UserPoolsRepository(db.dataSource),
      new UserMfaRepository(db.dataSource),
      new OutboxService('user_directory'),
    );
  }

  /** Receives `text` as an upload in parts of `partBytes`; `complete` false leaves it cut off. */
  async function upload(jobId: string, text: string, partBytes = 64, complete = true): Promise<void> {
    const uploadId = randomUUID();
    const bytes = Buffer.from(text);
    await transactions.run(async (tx) => {
      await jobs.beginUpload(jobId, uploadId, tx);
      for (let at = 0; at < bytes.length; at += partBytes) {
        await jobs.addPart((await jobs.find(poolId, jobId, tx))!, bytes.subarray(at, at + partBytes), tx);
      }
      if (complete) await jobs.completeUpload(jobId, tx);
    });
    const stored = (await jobs.find(poolId, jobId))!;
    if (complete)
      expect(stored).toMatchObject({ uploadId, uploadedBytes: bytes.length, incomingUploadId: null });
    else expect(stored).toMatchObject({ incomingUploadId: uploadId, incomingBytes: bytes.length });
  }

  async function partsOf(jobId: string): Promise<number> {
    const [row] = await db.dataSource.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM user_directory.user_import_parts WHERE job_id = $1`,
      [jobId],
    );
    return Number(row.n);
  }

  async function start(jobId: string): Promise<void> {
    await transactions.run((tx) => jobs.setStatus(jobId, { status: 'Pending', startedAt: new Date() }, tx));
  }

  async function runUntilIdle(w: UserImportWorker): Promise<number> {
    let steps = 0;
    while (await w.step()) steps++;
    return steps;
  }

  it('pages jobs in creation order and finds them only in their pool', async () => {
    await jobs.insert(job('import-page0002', '2026-01-02T00:00:00Z'));
    await jobs.insert(job('import-page0001', '2026-01-01T00:00:00Z'));
    await jobs.insert(job('import-page0003', '2026-01-03T00:00:00Z'));
    const first = await jobs.page(poolId, undefined, 2);
    expect(first.page.map((j) => j.jobId)).toEqual(['import-page0001', 'import-page0002']);
    const second = await jobs.page(poolId, first.next, 2);
    expect(second.page.map((j) => j.jobId)).toEqual(['import-page0003']);
    expect(second.next).toBeUndefined();
    expect(await jobs.find('us-east-1_Other001', 'import-page0001')).toBeUndefined();
  });

  it('imports a file in batches: users RESET_REQUIRED, events, counters and the rows not imported', async () => {
    const rows = Array.from(
      { length: IMPORT_BATCH_ROWS + 5 },
      (_, i) => `user${i},user${i}@x.example,true,false`,
    );
    rows.push('user0,again@x.example,true,false'); // exists: skipped
    rows.push('bad,bad@x.example,false,false'); // nothing verified: failed
    await jobs.insert(job('import-batch0001', '2026-02-01T00:00:00Z'));
    await upload(
      'import-batch0001',
      `cognito:username,email,email_verified,cognito:mfa_enabled\n${rows.join('\n')}\n`,
    );
    await start('import-batch0001');
    // The file is read, then two batches: a full one and the rest.
    expect(await runUntilIdle(worker())).toBe(3);
    const done = (await jobs.find(poolId, 'import-batch0001'))!;
    expect(done).toMatchObject({
      status: 'Succeeded',
      importedUsers: IMPORT_BATCH_ROWS + 5,
      skippedUsers: 1,
      failedUsers: 1,
    });
    expect(done.completionMessage).toMatch(/1 skipped, 1 failed/);
    expect(await jobs.failures('import-batch0001')).toEqual([
      {
        line: IMPORT_BATCH_ROWS + 7,
        outcome: 'SKIPPED',
        username: 'user0',
        reason: 'The user already exists.',
      },
      {
        line: IMPORT_BATCH_ROWS + 8,
        outcome: 'FAILED',
        username: 'bad',
        reason: 'The User Record does not set any of the auto verified attributes to true.',
      },
    ]);
    const [user] = await db.dataSource.query<
      { status: string; password_hash: string | null; attributes: object }[]
    >(
      `SELECT status, password_hash, attributes FROM user_directory.users WHERE pool_id = $1 AND username = 'user3'`,
      [poolId],
    );
    expect(user).toEqual({
      status: 'RESET_REQUIRED',
      password_hash: null,
      attributes: { email: 'user3@x.example', email_verified: 'true' },
    });
    const [events] = await db.dataSource.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM user_directory.outbox WHERE topic = 'user-directory.user.signed-up.v1'
         AND payload->>'imported' = 'true' AND payload->>'status' = 'RESET_REQUIRED'`,
    );
    expect(Number(events.n)).toBe(IMPORT_BATCH_ROWS + 5);
    expect(await partsOf('import-batch0001')).toBe(0);
    const log = await jobs.logPage('import-batch0001', 0, 1);
    expect(log).toEqual([
      {
        line: IMPORT_BATCH_ROWS + 7,
        outcome: 'SKIPPED',
        reason: 'The user already exists.',
        loggedAt: expect.any(Date),
      },
    ]);
    expect((await jobs.logPage('import-batch0001', log[0].line, 10)).map((e) => e.line)).toEqual([
      IMPORT_BATCH_ROWS + 8,
    ]);
  });

  it('keeps the file of a complete upload when a later one is cut off, and reads rows across parts', async () => {
    const head = 'cognito:username,email,email_verified,given_name,cognito:mfa_enabled';
    // Quoted values with line breaks and commas, split across parts of 7 bytes.
    const first = `${head}\r\nkeep1,keep1@x.example,true,"Line\none, two",false\r\n\r\nkeep2,keep2@x.example,true,K,false`;
    await jobs.insert(job('import-cutoff01', '2026-02-02T00:00:00Z'));
    await upload('import-cutoff01', first, 7);
    await upload('import-cutoff01', `${head}\nlost,lost@x.example,true,L,false\n`, 7, false);
    await start('import-cutoff01');
    await runUntilIdle(worker());
    expect(await jobs.find(poolId, 'import-cutoff01')).toMatchObject({
      status: 'Succeeded',
      importedUsers: 2,
    });
    const names = await db.dataSource.query<{ username: string; attributes: { given_name: string } }[]>(
      `SELECT username, attributes FROM user_directory.users WHERE pool_id = $1 AND username IN ('keep1', 'keep2', 'lost')
        ORDER BY username`,
      [poolId],
    );
    expect(names.map((u) => [u.username, u.attributes.given_name])).toEqual([
      ['keep1', 'Line\none, two'],
      ['keep2', 'K'],
    ]);
    expect(await partsOf('import-cutoff01')).toBe(0);
  });

  it('goes on with the stored rows of a job that was running before the file was streamed', async () => {
    await jobs.insert(
      job('import-legacy01', '2026-02-03T00:00:00Z', {
        status: 'InProgress',
        startedAt: new Date(),
        nextLine: 3,
      }),
    );
    const rows = [
      { line: 1, fields: ['cognito:username', 'email', 'email_verified', 'cognito:mfa_enabled'] },
      { line: 2, fields: ['old1', 'old1@x.example', 'true', 'false'] }, // done before the upgrade
      { line: 3, fields: ['old2', 'old2@x.example', 'true', 'false'] },
    ];
    await db.dataSource.query(
      `INSERT INTO user_directory.user_import_rows (job_id, line, fields)
       SELECT 'import-legacy01', r.line, r.fields FROM jsonb_to_recordset($1::jsonb) AS r(line integer, fields jsonb)`,
      [JSON.stringify(rows)],
    );
    await runUntilIdle(worker());
    expect(await jobs.find(poolId, 'import-legacy01')).toMatchObject({
      status: 'Succeeded',
      importedUsers: 1,
    });
    const [left] = await db.dataSource.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM user_directory.user_import_rows WHERE job_id = 'import-legacy01'`,
    );
    expect(Number(left.n)).toBe(0);
  });

  it('stops between batches, keeping what was imported, and a new worker resumes a running job', async () => {
    const rows = Array.from(
      { length: IMPORT_BATCH_ROWS * 2 },
      (_, i) => `stop${i},stop${i}@x.example,true,false`,
    );
    const text = `cognito:username,email,email_verified,cognito:mfa_enabled\n${rows.join('\n')}\n`;
    await jobs.insert(job('import-stop00001', '2026-03-01T00:00:00Z'));
    await upload('import-stop00001', text);
    await start('import-stop00001');
    const first = worker();
    expect(await first.step()).toBe(true); // reads the file
    expect(await first.step()).toBe(true); // one batch
    await transactions.run((tx) => jobs.setStatus('import-stop00001', { status: 'Stopping' }, tx));
    expect(await worker().step()).toBe(true); // another replica, or this one after a restart
    expect(await jobs.find(poolId, 'import-stop00001')).toMatchObject({
      status: 'Stopped',
      importedUsers: IMPORT_BATCH_ROWS,
    });

    await jobs.insert(job('import-resume001', '2026-03-02T00:00:00Z'));
    await upload('import-resume001', text.replace(/stop/g, 'resume'));
    await start('import-resume001');
    const before = worker();
    await before.step();
    await before.step();
    const midway = (await jobs.find(poolId, 'import-resume001'))!;
    expect(midway).toMatchObject({ status: 'InProgress', importedUsers: IMPORT_BATCH_ROWS });
    // The next row starts where the last imported one ended: the header and IMPORT_BATCH_ROWS rows.
    const lines = text.replace(/stop/g, 'resume').split('\n');
    expect(midway.nextByte).toBe(Buffer.byteLength(lines.slice(0, IMPORT_BATCH_ROWS + 1).join('\n')) + 1);
    expect(midway.nextLine).toBe(IMPORT_BATCH_ROWS + 2);
    await runUntilIdle(worker());
    expect(await jobs.find(poolId, 'import-resume001')).toMatchObject({
      status: 'Succeeded',
      importedUsers: IMPORT_BATCH_ROWS * 2,
      skippedUsers: 0,
      failedUsers: 0,
    });
  });

  it('fails a job whose file is missing or has a bad header, and lets two workers share jobs', async () => {
    await jobs.insert(job('import-nofile001', '2026-04-01T00:00:00Z'));
    await start('import-nofile001');
    await jobs.insert(job('import-header01', '2026-04-02T00:00:00Z'));
    await upload('import-header01', 'cognito:username,password\nann,secret\n');
    await start('import-header01');
    // While one transaction holds a job, another worker takes the other job, not the same one.
    await transactions.run(async (tx) => {
      const held = await jobs.lockNextActive(tx);
      const other = await transactions.run((tx2) => jobs.lockNextActive(tx2));
      expect(held).toBeDefined();
      expect(other?.jobId).not.toBe(held?.jobId);
    });
    await runUntilIdle(worker());
    expect(await jobs.find(poolId, 'import-nofile001')).toMatchObject({
      status: 'Failed',
      completionMessage: "No CSV file was uploaded to the job's PreSignedUrl.",
    });
    expect(await jobs.find(poolId, 'import-header01')).toMatchObject({
      status: 'Failed',
      completionMessage: 'Unknown column in the CSV header: password',
    });
  });
  it('tells a pool with a started, unfinished job (Pending, InProgress, Stopping) from one without', async () => {
    const other = 'us-east-1_Import002';
    await db.pool(other, {});
    const active = () => transactions.run((tx) => jobs.hasActiveJob(other, tx));
    const id = 'import-active001';
    await jobs.insert({ ...job(id, '2026-05-01T00:00:00Z'), poolId: other });
    expect(await active()).toBe(false); // Created: not started
    for (const status of ['Pending', 'InProgress', 'Stopping'] as const) {
      await transactions.run((tx) => jobs.setStatus(id, { status }, tx));
      expect(await active()).toBe(true);
      expect(await transactions.run((tx) => jobs.hasActiveJob(poolId, tx))).toBe(false);
    }
    for (const status of ['Stopped', 'Succeeded', 'Failed'] as const) {
      await transactions.run((tx) => jobs.setStatus(id, { status }, tx));
      expect(await active()).toBe(false);
    }
  });
});
