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
 * StartUserImportJob: a Created job becomes Pending; the worker (of any replica) reads its file and
 * imports it (ADR 0045). A pool without auto-verified attributes takes no import: its users could
 * never reset their password, and Cognito does not start such a job either.
 */
@Injectable()
export class StartUserImportJobUseCase implements OperationHandler<
  typeof UserDirectoryOperations.StartUserImportJob
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
    const started = await this.transactions.run(async (tx) => {
      const job = await this.jobs.require(pool.id, req.JobId, tx);
      const now = new Date();
      const status = statusOf(job, now);
      if (status !== 'Created') {
        throw CognitoErrors.invalidParameter(`Import job ${job.jobId} cannot be started: it is ${status}.`);
      }
      if (pool.config.autoVerifiedAttributes.length === 0) {
        throw CognitoErrors.invalidParameter(
          'The user pool has no auto-verified attributes: imported users could not reset their password.',
        );
      }
      const changes = { status: 'Pending' as const, startedAt: now };
      await this.jobs.repository.setStatus(job.jobId, changes, tx);
      return { ...job, ...changes };
    });
    this.worker.nudge();
    return { UserImportJob: this.jobs.toType(started) };
  }
}
