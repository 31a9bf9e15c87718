import { Inject, Injectable } from '@nestjs/common';
import { Transaction } from '@idfed/persistence';
import { FilePart, UserImportJobsRepository } from './user-import-jobs.repository';

/** Parts kept between two steps: a batch of rows ends in the part the next one starts in. */
const PARTS_KEPT = 2;

/**
 * A job's uploaded file, read as its stored parts in order from any byte (ADR 0070): one part at a
 * time from PostgreSQL, so a 100 MB file is never in memory. The last parts read are kept, since
 * the next batch of rows starts where the previous one ended; an upload's parts never change once
 * it is the job's file, so what is kept is never stale.
 */
@Injectable()
export class UploadedFiles {
  private readonly kept: (FilePart & { uploadId: string })[] = [];

  constructor(@Inject(UserImportJobsRepository) private readonly jobs: UserImportJobsRepository) {}

  async *chunks(jobId: string, uploadId: string, from: number, tx: Transaction): AsyncGenerator<Buffer> {
    let part =
      this.keptPart(uploadId, (p) => p.byteOffset <= from && from < p.byteOffset + p.data.length) ??
      (await this.jobs.partHolding(jobId, uploadId, from, tx));
    while (part) {
      this.keep(uploadId, part);
      const skip = Math.max(0, from - part.byteOffset);
      if (skip < part.data.length) yield part.data.subarray(skip);
      const next = part.part + 1;
      part =
        this.keptPart(uploadId, (p) => p.part === next) ?? (await this.jobs.part(jobId, uploadId, next, tx));
    }
  }

  private keptPart(uploadId: string, matches: (p: FilePart) => boolean): FilePart | undefined {
    return this.kept.find((p) => p.uploadId === uploadId && matches(p));
  }

  private keep(uploadId: string, part: FilePart): void {
    if (this.keptPart(uploadId, (p) => p.part === part.part)) return;
    this.kept.unshift({ ...part, uploadId });
    this.kept.length = Math.min(this.kept.length, PARTS_KEPT);
  }
}
