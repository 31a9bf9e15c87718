import { Inject, Injectable } from '@nestjs/common';
import {
  ListUserImportJobsRequest,
  ListUserImportJobsResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { decodePageToken, encodePageToken } from '../common/page-token';
import { Members, RequestValidator } from '../common/validate';
import { PoolsService } from '../pools/pools.service';
import { UserImportJobs } from './user-import-job-type';

/** ListUserImportJobs: the pool's jobs in creation order, MaxResults (1 to 60) at a time. */
@Injectable()
export class ListUserImportJobsUseCase implements OperationHandler<
  typeof UserDirectoryOperations.ListUserImportJobs
> {
  constructor(
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(UserImportJobs) private readonly jobs: UserImportJobs,
  ) {}

  async execute(req: ListUserImportJobsRequest): Promise<ListUserImportJobsResponse> {
    RequestValidator.of(req)
      .string('UserPoolId', Members.userPoolId)
      .integer('MaxResults', { required: true, min: 1, max: 60 })
      .string('PaginationToken', { min: 1, pattern: /^[\S]+$/ })
      .check();
    const pool = await this.pools.require(req.UserPoolId);
    const { page, next } = await this.jobs.repository.page(
      pool.id,
      decodePageToken(req.PaginationToken),
      req.MaxResults,
    );
    const now = new Date();
    return {
      UserImportJobs: page.map((job) => this.jobs.toType(job, now)),
      ...(next !== undefined ? { PaginationToken: encodePageToken(next) } : {}),
    };
  }
}
