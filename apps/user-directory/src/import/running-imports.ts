import { Inject, Injectable } from '@nestjs/common';
import { ServiceError } from '@idfed/messaging';
import { Transaction } from '@idfed/persistence';
import { UserImportJobsRepository } from './user-import-jobs.repository';

/**
 * Cognito refuses to change or delete a pool while one of its import jobs runs
 * (`UserImportInProgressException`, declared by botocore for DeleteUserPool, UpdateUserPool and
 * AddCustomAttributes; ADR 0058). A job runs from StartUserImportJob until it ends (Pending,
 * InProgress, Stopping). Called inside the operation's transaction, after the pool row is locked.
 */
@Injectable()
export class RunningImports {
  constructor(@Inject(UserImportJobsRepository) private readonly jobs: UserImportJobsRepository) {}

  async refuseWhileRunning(poolId: string, tx: Transaction): Promise<void> {
    if (await this.jobs.hasActiveJob(poolId, tx)) {
      throw new ServiceError(
        'UserImportInProgressException',
        'A user import job is in progress for this user pool.',
      );
    }
  }
}
