import { Inject, Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { CreateUserImportJobRequest, UserDirectoryOperations, UserImportJobResponse } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { CognitoErrors } from '../common/cognito-errors';
import { Members, Patterns, RequestValidator } from '../common/validate';
import { PoolsService } from '../pools/pools.service';
import { UserImportJobs } from './user-import-job-type';
import { UserImportJobRow } from './user-import-jobs.repository';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** Cognito's job ids look like `import-` and ten letters or digits. */
function newJobId(): string {
  let id = 'import-';
  for (let i = 0; i < 10; i++) id += ALPHABET[randomInt(ALPHABET.length)];
  return id;
}

/**
 * CreateUserImportJob: a job in Created with the URL its CSV file is PUT to (ADR 0045). The
 * CloudWatch Logs role must be an IAM role ARN, as Cognito requires; it is stored and answered,
 * never assumed (idfed has no CloudWatch: the rows a job does not import are listed by the user
 * directory, docs/api.md). Password hashes in the file (PasswordHashingAlgorithm) are not supported.
 */
@Injectable()
export class CreateUserImportJobUseCase implements OperationHandler<
  typeof UserDirectoryOperations.CreateUserImportJob
> {
  constructor(
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(UserImportJobs) private readonly jobs: UserImportJobs,
  ) {}

  async execute(req: CreateUserImportJobRequest): Promise<UserImportJobResponse> {
    RequestValidator.of(req)
      .string('JobName', { required: true, min: 1, max: 128, pattern: /^[\w\s+=,.@-]+$/ })
      .string('UserPoolId', Members.userPoolId)
      .string('CloudWatchLogsRoleArn', { required: true, min: 20, max: 2048 })
      .oneOf('PasswordHashingAlgorithm', ['BCRYPT', 'SCRYPT', 'ARGON2ID', 'PBKDF2_SHA256'])
      .check();
    if (!Patterns.roleArn.test(req.CloudWatchLogsRoleArn)) {
      throw CognitoErrors.invalidParameter('CloudWatchLogsRoleArn must be the ARN of an IAM role.');
    }
    if (req.PasswordHashingAlgorithm !== undefined) {
      throw CognitoErrors.invalidParameter('Importing password hashes is not supported by idfed.');
    }
    const pool = await this.pools.require(req.UserPoolId);
    const job: UserImportJobRow = {
      jobId: newJobId(),
      poolId: pool.id,
      jobName: req.JobName,
      roleArn: req.CloudWatchLogsRoleArn,
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
      createdAt: new Date(Math.floor(Date.now() / 1000) * 1000),
      startedAt: null,
      completedAt: null,
    };
    await this.jobs.repository.insert(job);
    return { UserImportJob: this.jobs.toType(job) };
  }
}
