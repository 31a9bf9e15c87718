import { Inject, Injectable } from '@nestjs/common';
import { UserDirectoryOperations, UserImportJobRequest, UserImportJobResponse } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { PoolsService } from '../pools/pools.service';
import { validateJobRequest } from './import-requests';
import { UserImportJobs } from './user-import-job-type';

/** DescribeUserImportJob: the job with its status and progress counters. */
@Injectable()
export class DescribeUserImportJobUseCase implements OperationHandler<
  typeof UserDirectoryOperations.DescribeUserImportJob
> {
  constructor(
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(UserImportJobs) private readonly jobs: UserImportJobs,
  ) {}

  async execute(req: UserImportJobRequest): Promise<UserImportJobResponse> {
    validateJobRequest(req);
    const pool = await this.pools.require(req.UserPoolId);
    return { UserImportJob: this.jobs.toType(await this.jobs.require(pool.id, req.JobId)) };
  }
}
