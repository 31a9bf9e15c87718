import { ServiceError } from '@idfed/messaging';
import { Transaction, Transactions } from '@idfed/persistence';
import { UserPoolEntity } from '../database/entities';
import { poolConfigFromRequest } from '../pools/pool-config';
import { PoolsService } from '../pools/pools.service';
import { UserDirectoryConfig } from '../user-directory.tokens';
import { StartUserImportJobUseCase } from './start-user-import-job.use-case';
import { StopUserImportJobUseCase } from './stop-user-import-job.use-case';
import { UploadUserImportCsvUseCase } from './upload-user-import-csv.use-case';
import { grantOf, UserImportJobs } from './user-import-job-type';
import { UploadUrlSigner } from './upload-url';
import { UserImportJobRow, UserImportJobsRepository } from './user-import-jobs.repository';
import { UserImportWorker } from './user-import.worker';

const POOL_ID = 'us-east-1_Import123';
const tx = { unitOfWork: 'handle' } as unknown as Transaction;
const signer = new UploadUrlSigner(Buffer.alloc(32, 1));

function pool(autoVerified: ('email' | 'phone_number')[] = ['email']): UserPoolEntity {
  return {
    id: POOL_ID,
    name: 'pool',
    config: poolConfigFromRequest({ PoolName: 'pool', AutoVerifiedAttributes: autoVerified }, 'arn'),
    createdAt: new Date(0),
    updatedAt: new Date(0),
  };
}

function job(status: UserImportJobRow['status'], createdAt = new Date()): UserImportJobRow {
  return {
    jobId: 'import-abcdefghij',
    poolId: POOL_ID,
    jobName: 'j',
    roleArn: 'arn:aws:iam::123456789012:role/r',
    status,
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
    createdAt: new Date(Math.floor(createdAt.getTime() / 1000) * 1000),
    startedAt: null,
    completedAt: null,
  };
}

function fixture(found: UserImportJobRow | undefined, thePool = pool()) {
  const repository = {
    find: jest.fn().mockResolvedValue(found),
    setStatus: jest.fn().mockResolvedValue(undefined),
    beginUpload: jest.fn().mockResolvedValue(undefined),
    addPart: jest.fn().mockResolvedValue(undefined),
    completeUpload: jest.fn().mockResolvedValue(undefined),
  };
  const repo = repository as unknown as UserImportJobsRepository;
  const transactions = {
    run: jest.fn((work: (t: Transaction) => Promise<unknown>) => work(tx)),
  } as unknown as Transactions;
  const pools = { require: jest.fn().mockResolvedValue(thePool) } as unknown as PoolsService;
  const jobs = new UserImportJobs(repo, signer, { publicUrl: 'http://idfed.test' } as UserDirectoryConfig);
  const nudge = jest.fn();
  const worker = { nudge } as unknown as UserImportWorker;
  return {
    repository,
    nudge,
    start: new StartUserImportJobUseCase(transactions, pools, jobs, worker),
    stop: new StopUserImportJobUseCase(transactions, pools, jobs, worker),
    upload: new UploadUserImportCsvUseCase(transactions, repo, signer),
  };
}

async function errorOf(promise: Promise<unknown>): Promise<{ name: string; message: string } | undefined> {
  return promise.then(
    () => undefined,
    (err: ServiceError) => err.getError() as { name: string; message: string },
  );
}

const req = { UserPoolId: POOL_ID, JobId: 'import-abcdefghij' };

describe('StartUserImportJob and StopUserImportJob', () => {
  it('starts a Created job under its lock and wakes the worker', async () => {
    const f = fixture(job('Created'));
    const out = await f.start.execute(req);
    expect(out.UserImportJob).toMatchObject({ Status: 'Pending', JobId: req.JobId });
    expect(f.repository.find).toHaveBeenCalledWith(POOL_ID, req.JobId, tx);
    expect(f.repository.setStatus).toHaveBeenCalledWith(
      req.JobId,
      { status: 'Pending', startedAt: expect.any(Date) },
      tx,
    );
    expect(f.nudge).toHaveBeenCalled();
  });

  it('refuses to start a job that is not Created, expired, or in a pool without auto-verified attributes', async () => {
    expect(await errorOf(fixture(job('InProgress')).start.execute(req))).toMatchObject({
      name: 'InvalidParameterException',
    });
    const old = fixture(job('Created', new Date(Date.now() - 25 * 3600 * 1000)));
    expect((await errorOf(old.start.execute(req)))?.message).toMatch(/it is Expired/);
    const noAuto = fixture(job('Created'), pool([]));
    expect(await errorOf(noAuto.start.execute(req))).toMatchObject({ name: 'InvalidParameterException' });
    expect(noAuto.repository.setStatus).not.toHaveBeenCalled();
    expect(await errorOf(fixture(undefined).start.execute(req))).toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });

  it('stops only a Pending or InProgress job', async () => {
    const f = fixture(job('InProgress'));
    expect((await f.stop.execute(req)).UserImportJob?.Status).toBe('Stopping');
    expect(f.repository.setStatus).toHaveBeenCalledWith(req.JobId, { status: 'Stopping' }, tx);
    for (const status of ['Created', 'Succeeded', 'Stopped'] as const) {
      const g = fixture(job(status));
      expect(await errorOf(g.stop.execute(req))).toMatchObject({ name: 'InvalidParameterException' });
      expect(g.repository.setStatus).not.toHaveBeenCalled();
    }
  });
});

describe('UploadUserImportCsv', () => {
  function part(j: UserImportJobRow, overrides: Record<string, unknown> = {}) {
    const grant = grantOf(j);
    return {
      UserPoolId: j.poolId,
      JobId: j.jobId,
      Expires: grant.expires,
      Signature: signer.sign(grant),
      UploadId: '00000000-0000-4000-8000-000000000001',
      Part: 0,
      Last: true,
      Data: Buffer.from('cognito:username\n').toString('base64'),
      ...overrides,
    };
  }

  it('stores a part of a Created job whose URL is signed and current', async () => {
    const j = job('Created');
    const f = fixture(j);
    expect(await f.upload.execute(part(j))).toEqual({ kind: 'stored', bytes: 17 });
    expect(f.repository.beginUpload).toHaveBeenCalledWith(j.jobId, expect.any(String), tx);
    expect(f.repository.addPart).toHaveBeenCalledWith(
      expect.objectContaining({ incomingUploadId: part(j).UploadId, incomingParts: 0, incomingBytes: 0 }),
      Buffer.from('cognito:username\n'),
      tx,
    );
    expect(f.repository.completeUpload).toHaveBeenCalledWith(j.jobId, tx);
  });

  it('takes parts in order under one upload, up to 100 MB in all', async () => {
    const uploadId = '00000000-0000-4000-8000-000000000001';
    const receiving = (parts: number, bytes: number) => ({
      ...job('Created'),
      incomingUploadId: uploadId,
      incomingParts: parts,
      incomingBytes: bytes,
    });
    const next = fixture(receiving(2, 512 * 1024));
    expect(await next.upload.execute(part(receiving(2, 0), { Part: 2, Last: false }))).toEqual({
      kind: 'stored',
      bytes: 512 * 1024 + 17,
    });
    expect(next.repository.completeUpload).not.toHaveBeenCalled();
    const skipped = fixture(receiving(2, 0));
    expect(await skipped.upload.execute(part(receiving(2, 0), { Part: 3 }))).toMatchObject({
      status: 400,
      message: 'Parts out of order.',
    });
    const other = fixture(receiving(2, 0));
    expect(
      await other.upload.execute(
        part(receiving(2, 0), { Part: 2, UploadId: '00000000-0000-4000-8000-000000000002' }),
      ),
    ).toMatchObject({ status: 400, message: 'Another upload replaced this one.' });
    const full = fixture(receiving(400, 100 * 1024 * 1024 - 10));
    expect(await full.upload.execute(part(receiving(400, 0), { Part: 400 }))).toMatchObject({
      status: 400,
      code: 'EntityTooLarge',
    });
    for (const f of [skipped, other, full]) expect(f.repository.addPart).not.toHaveBeenCalled();
  });

  it('refuses a forged or expired URL, and a job no longer Created, storing nothing', async () => {
    const j = job('Created');
    const forged = fixture(j);
    expect(await forged.upload.execute(part(j, { Signature: 'x'.repeat(43) }))).toMatchObject({
      status: 403,
      code: 'AccessDenied',
    });
    const old = job('Created', new Date(Date.now() - 2 * 3600 * 1000));
    const expired = fixture(old);
    expect(await expired.upload.execute(part(old))).toMatchObject({
      status: 403,
      message: 'Request has expired',
    });
    const running = job('InProgress');
    const started = fixture(running);
    expect(await started.upload.execute(part(running))).toMatchObject({ status: 403 });
    for (const f of [forged, expired, started]) expect(f.repository.addPart).not.toHaveBeenCalled();
  });
});
