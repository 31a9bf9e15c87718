import { Inject, Injectable } from '@nestjs/common';
import {
  UploadUserImportCsvRequest,
  UploadUserImportCsvResult,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { grantOf, statusOf } from './user-import-job-type';
import { MAX_CSV_BYTES, UploadUrlSigner } from './upload-url';
import { UserImportJobsRepository } from './user-import-jobs.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** The gateway sends parts of 256 KiB; a little room for the last one's rounding. */
const MAX_PART_BYTES = 512 * 1024;

function denied(message: string): UploadUserImportCsvResult {
  return { kind: 'refused', status: 403, code: 'AccessDenied', message };
}

/**
 * One part of a CSV file PUT to a job's upload URL (ADR 0045). Every part proves the URL: its
 * signature over the pool, the job and the expiry, before the expiry; and the job must still be
 * Created (a URL is of no use once its job started: no replay). Part 0 begins a new upload; the
 * others must follow it in order under its upload id. The upload replaces the job's file at its last
 * part only (ADR 0070): an upload cut off half-way leaves the file an earlier one stored, as a
 * failed PUT leaves an S3 object.
 */
@Injectable()
export class UploadUserImportCsvUseCase implements OperationHandler<
  typeof UserDirectoryOperations.UploadUserImportCsv
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(UserImportJobsRepository) private readonly jobs: UserImportJobsRepository,
    @Inject(UploadUrlSigner) private readonly signer: UploadUrlSigner,
  ) {}

  async execute(req: UploadUserImportCsvRequest): Promise<UploadUserImportCsvResult> {
    const now = new Date();
    const grant = { userPoolId: req.UserPoolId, jobId: req.JobId, expires: req.Expires };
    const check = this.signer.check(grant, req.Signature, now);
    if (check === 'forged') return denied('The request signature does not match.');
    if (check === 'expired') return denied('Request has expired');
    if (!UUID.test(req.UploadId) || !Number.isInteger(req.Part) || req.Part < 0) {
      return { kind: 'refused', status: 400, code: 'InvalidRequest', message: 'Bad upload part.' };
    }
    const data = Buffer.from(req.Data, 'base64');
    if (data.length > MAX_PART_BYTES) {
      return { kind: 'refused', status: 400, code: 'EntityTooLarge', message: 'Part too large.' };
    }
    return this.transactions.run(async (tx) => {
      const job = await this.jobs.find(req.UserPoolId, req.JobId, tx);
      // A URL signed for a job that no longer exists, or that started: nothing to upload to.
      if (!job || grantOf(job).expires !== req.Expires) return denied('Access Denied');
      if (statusOf(job, now) !== 'Created') return denied('Access Denied');
      if (req.Part === 0) {
        await this.jobs.beginUpload(job.jobId, req.UploadId, tx);
        Object.assign(job, { incomingUploadId: req.UploadId, incomingParts: 0, incomingBytes: 0 });
      } else if (job.incomingUploadId !== req.UploadId) {
        return {
          kind: 'refused',
          status: 400,
          code: 'InvalidRequest',
          message: 'Another upload replaced this one.',
        };
      }
      if (job.incomingParts !== req.Part) {
        return { kind: 'refused', status: 400, code: 'InvalidRequest', message: 'Parts out of order.' };
      }
      const bytes = job.incomingBytes + data.length;
      if (bytes > MAX_CSV_BYTES) {
        return {
          kind: 'refused',
          status: 400,
          code: 'EntityTooLarge',
          message: 'Your proposed upload exceeds the maximum allowed size',
        };
      }
      await this.jobs.addPart(job, data, tx);
      if (req.Last) await this.jobs.completeUpload(job.jobId, tx);
      return { kind: 'stored', bytes };
    });
  }
}
