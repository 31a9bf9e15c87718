import { UserImportJobRequest } from '@idfed/contracts';
import { Members, RequestValidator } from '../common/validate';

export const JOB_ID = { required: true, min: 1, max: 55, pattern: /^import-[0-9a-zA-Z-]+$/ } as const;

/** The members Start, Stop and DescribeUserImportJob take. */
export function validateJobRequest(req: UserImportJobRequest): void {
  RequestValidator.of(req).string('UserPoolId', Members.userPoolId).string('JobId', JOB_ID).check();
}
