import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  CredentialVendingOperations,
  EmptyResult,
  UpdateAccessKeyRequest,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { IamErrors } from '../common/iam-errors';
import { RequestValidator } from '../common/validate';
import { validateAccessKeyId } from './user-requests';
import { UserCredentialSteps } from './user-credential-steps';
import { UsersRepository } from './users.repository';

/** Active or Inactive; a key of another user is NoSuchEntity, as one that does not exist. */
@Injectable()
export class UpdateAccessKeyHandler implements OperationHandler<
  typeof CredentialVendingOperations.UpdateAccessKey
> {
  constructor(
    @Inject(UserCredentialSteps) private readonly steps: UserCredentialSteps,
    @Inject(UsersRepository) private readonly users: UsersRepository,
  ) {}

  async execute(req: UpdateAccessKeyRequest, meta: CommandMeta): Promise<EmptyResult> {
    validateAccessKeyId(req);
    RequestValidator.of(req).oneOf('Status', ['Active', 'Inactive'], true).check();
    await this.steps.onLockedUser(req.UserName, meta, async (user, tx) => {
      if (!(await this.users.setAccessKeyStatus(user.userId, req.AccessKeyId, req.Status, tx))) {
        throw IamErrors.noSuchAccessKey(req.AccessKeyId);
      }
    });
    return {};
  }
}
