import { Provider } from '@nestjs/common';
import { deriveKey } from '@idfed/crypto';
import { RunningImports } from './running-imports';
import { UploadedFiles } from './uploaded-files';
import { UploadUrlSigner } from './upload-url';
import { UserImportJobs } from './user-import-job-type';
import { UserImportJobsRepository } from './user-import-jobs.repository';
import { UserImportWorker } from './user-import.worker';

/** User import jobs (ADR 0045): the repository, the job answers, the upload URL key and the worker. */
export function userImportProviders(keyEncryptionKey: Buffer): Provider[] {
  return [
    {
      provide: UploadUrlSigner,
      useValue: new UploadUrlSigner(deriveKey(keyEncryptionKey, 'idfed user-directory user import urls v1')),
    },
    UserImportJobsRepository,
    UploadedFiles,
    UserImportJobs,
    UserImportWorker,
    RunningImports,
  ];
}
