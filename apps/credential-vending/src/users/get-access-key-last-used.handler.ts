import { Inject, Injectable } from '@nestjs/common';
import {
  CredentialVendingOperations,
  GetAccessKeyLastUsedRequest,
  GetAccessKeyLastUsedResult,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { StsErrors } from '../common/iam-errors';
import { awsTimestamp } from '../common/timestamps';
import { validateAccessKeyId } from './user-requests';
import { UsersRepository } from './users.repository';

/**
 * Who owns a key and when it was last used. botocore declares no error for this action; a key that
 * does not exist is AccessDenied, which says nothing about which keys exist. A key never used answers
 * `N/A` for the service and region, as IAM does.
 */
@Injectable()
export class GetAccessKeyLastUsedHandler implements OperationHandler<
  typeof CredentialVendingOperations.GetAccessKeyLastUsed
> {
  constructor(@Inject(UsersRepository) private readonly users: UsersRepository) {}

  async execute(req: GetAccessKeyLastUsedRequest): Promise<GetAccessKeyLastUsedResult> {
    validateAccessKeyId(req);
    const key = await this.users.findAccessKey(req.AccessKeyId);
    const user = key ? await this.users.findById(key.userId) : undefined;
    if (!key || !user)
      throw StsErrors.accessDenied('The access key is not valid or does not belong to this account.');
    return {
      UserName: user.name,
      AccessKeyLastUsed: {
        ...(key.lastUsedAt ? { LastUsedDate: awsTimestamp(key.lastUsedAt) } : {}),
        ServiceName: key.lastUsedService ?? 'N/A',
        Region: key.lastUsedRegion ?? 'N/A',
      },
    };
  }
}
