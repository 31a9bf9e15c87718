import { Inject, Injectable } from '@nestjs/common';
import { UserDirectoryOperations, UserImportJobRequest, UserImportJobResponse } from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { CognitoErrors } from '../common/cognito-errors';
import { PoolsService } from '../pools/pools.service';
import { validateJobRequest } from './import-requests';
import { statusOf, UserImportJobs } from './user-import-job-type';
import { UserImportWorker } from './user-import.worker';

/**
 * StopUserImportJob: a Pending or InProgress job becomes Stopping, and Stopped when the worker next
 * takes it up, between two batches: the users of the batches done stay imported.
 */
@Injectable()
export class StopUserImportJobUseCase implements OperationHandler<
  typeof UserDirectoryOperations.StopUserImportJob
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(UserImportJobs) private readonly jobs: UserImportJobs,
    @Inject(UserImportWorker) private readonly worker: UserImportWorker,
  ) {}

  async execute(req: UserImportJobRequest): Promise<UserImportJobResponse> {
    validateJobRequest(req);
    const pool = await this.pools.require(req.UserPoolId);
    const stopping = await this.transactions.run(async (tx) => {
      // Waits for a batch in progress: the lock is the batch's.
      const job = await this.jobs.require(pool.id, req.JobId, tx);
      const status = statusOf(job, new Date());
      if (status !== 'Pending' && status !== 'InProgress') {
        throw CognitoErrors.invalidParameter(`Import job ${job.jobId} cannot be stopped: it is ${status}.`);
      }
      await this.jobs.repository.setStatus(job.jobId, { status: 'Stopping' }, tx);
      return { ...job, status: 'Stopping' as const };
    });
    this.worker.nudge();
    return { UserImportJob: this.jobs.toType(stopping) };
  }
}
