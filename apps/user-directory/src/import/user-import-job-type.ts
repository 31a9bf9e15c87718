import { Inject, Injectable } from '@nestjs/common';
import { UserImportJobStatusType, UserImportJobType } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { USER_DIRECTORY_CONFIG, UserDirectoryConfig } from '../user-directory.tokens';
import { UPLOAD_URL_TTL_SECONDS, UploadGrant, UploadUrlSigner } from './upload-url';
import { UserImportJobRow, UserImportJobsRepository } from './user-import-jobs.repository';
import { Transaction } from '@idfed/persistence';

/** A job created and never started expires, as Cognito's do after 24 to 48 hours. */
export const JOB_EXPIRY_MS = 24 * 3600 * 1000;

/** The status a client sees: a Created job past its expiry is Expired. */
export function statusOf(job: UserImportJobRow, now: Date): UserImportJobStatusType {
  return job.status === 'Created' && now.getTime() - job.createdAt.getTime() > JOB_EXPIRY_MS
    ? 'Expired'
    : job.status;
}

/** The job's upload grant: its URL works for UPLOAD_URL_TTL_SECONDS after the job was created. */
export function grantOf(job: Pick<UserImportJobRow, 'poolId' | 'jobId' | 'createdAt'>): UploadGrant {
  return {
    userPoolId: job.poolId,
    jobId: job.jobId,
    expires: String(Math.floor(job.createdAt.getTime() / 1000) + UPLOAD_URL_TTL_SECONDS),
  };
}

export function jobNotFound(jobId: string): ServiceError {
  return new ServiceError('ResourceNotFoundException', `Import job ${jobId} does not exist.`);
}

/** The jobs of a pool, answered in Cognito's UserImportJobType. */
@Injectable()
export class UserImportJobs {
  constructor(
    @Inject(UserImportJobsRepository) readonly repository: UserImportJobsRepository,
    @Inject(UploadUrlSigner) private readonly signer: UploadUrlSigner,
    @Inject(USER_DIRECTORY_CONFIG) private readonly config: UserDirectoryConfig,
  ) {}

  async require(poolId: string, jobId: string, tx?: Transaction): Promise<UserImportJobRow> {
    const job = await this.repository.find(poolId, jobId, tx);
    if (!job) throw jobNotFound(jobId);
    return job;
  }

  toType(job: UserImportJobRow, now = new Date()): UserImportJobType {
    const seconds = (d: Date | null) => (d ? { value: d.getTime() / 1000 } : undefined);
    const started = seconds(job.startedAt);
    const completed = seconds(job.completedAt);
    return {
      JobName: job.jobName,
      JobId: job.jobId,
      UserPoolId: job.poolId,
      PreSignedUrl: this.signer.url(this.config.publicUrl, grantOf(job)),
      CreationDate: job.createdAt.getTime() / 1000,
      ...(started ? { StartDate: started.value } : {}),
      ...(completed ? { CompletionDate: completed.value } : {}),
      Status: statusOf(job, now),
      CloudWatchLogsRoleArn: job.roleArn,
      ImportedUsers: job.importedUsers,
      SkippedUsers: job.skippedUsers,
      FailedUsers: job.failedUsers,
      ...(job.completionMessage ? { CompletionMessage: job.completionMessage } : {}),
    };
  }
}
