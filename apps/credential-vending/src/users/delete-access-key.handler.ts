import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  CredentialVendingOperations,
  DeleteAccessKeyRequest,
  EmptyResult,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { IamErrors } from '../common/iam-errors';
import { validateAccessKeyId } from './user-requests';
import { UserCredentialSteps } from './user-credential-steps';
import { UsersRepository } from './users.repository';

@Injectable()
export class DeleteAccessKeyHandler implements OperationHandler<
  typeof CredentialVendingOperations.DeleteAccessKey
> {
  constructor(
    @Inject(UserCredentialSteps) private readonly steps: UserCredentialSteps,
    @Inject(UsersRepository) private readonly users: UsersRepository,
  ) {}

  async execute(req: DeleteAccessKeyRequest, meta: CommandMeta): Promise<EmptyResult> {
    validateAccessKeyId(req);
    await this.steps.onLockedUser(req.UserName, meta, async (user, tx) => {
      if (!(await this.users.deleteAccessKey(user.userId, req.AccessKeyId, tx))) {
        throw IamErrors.noSuchAccessKey(req.AccessKeyId);
      }
    });
    return {};
  }
}
