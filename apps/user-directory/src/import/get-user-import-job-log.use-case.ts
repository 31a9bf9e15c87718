import { Inject, Injectable } from '@nestjs/common';
import {
  GetUserImportJobLogRequest,
  GetUserImportJobLogResult,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { CognitoErrors } from '../common/cognito-errors';
import { PoolsService } from '../pools/pools.service';
import { validateJobRequest } from './import-requests';
import { UserImportJobs } from './user-import-job-type';

/** As CloudWatch Logs' GetLogEvents: at most 10,000 events a page, and that many when not asked. */
export const MAX_LOG_EVENTS = 10_000;

/**
 * A user import job's log (ADR 0070): the rows it skipped or failed, in line order, each as the line
 * Cognito writes to CloudWatch Logs (`[FAILED] Line Number 5 - <reason>`: the line number and why,
 * no values of the row), in Cognito's log group and stream names. The rows imported are counted
 * (ImportedUsers), not listed. The page token is the last line answered.
 */
@Injectable()
export class GetUserImportJobLogUseCase implements OperationHandler<
  typeof UserDirectoryOperations.GetUserImportJobLog
> {
  constructor(
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(UserImportJobs) private readonly jobs: UserImportJobs,
  ) {}

  async execute(req: GetUserImportJobLogRequest): Promise<GetUserImportJobLogResult> {
    validateJobRequest(req);
    const limit = req.Limit ?? MAX_LOG_EVENTS;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LOG_EVENTS) {
      throw CognitoErrors.invalidParameter(`limit must be from 1 to ${MAX_LOG_EVENTS}.`);
    }
    if (req.NextToken !== undefined && !/^\d{1,9}$/.test(req.NextToken)) {
      throw CognitoErrors.invalidParameter('The next token is not valid.');
    }
    const pool = await this.pools.require(req.UserPoolId);
    const job = await this.jobs.require(pool.id, req.JobId);
    const entries = await this.jobs.repository.logPage(job.jobId, Number(req.NextToken ?? 0), limit + 1);
    const page = entries.slice(0, limit);
    return {
      logGroupName: `/aws/cognito/userpools/${pool.id}/${pool.name}`,
      logStreamName: `${job.jobId}/${job.jobName}`,
      events: page.map((e) => ({
        timestamp: e.loggedAt.getTime(),
        message: `[${e.outcome}] Line Number ${e.line} - ${e.reason}`,
      })),
      ...(entries.length > limit ? { nextToken: String(page[page.length - 1].line) } : {}),
    };
  }
}
