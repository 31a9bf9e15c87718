import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  CreateAccessKeyResult,
  CredentialVendingOperations,
  OptionalUserNameRequest,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { newSecretAccessKey, newUserAccessKeyId } from '@idfed/session-credentials';
import { awsTimestamp } from '../common/timestamps';
import { AccessKeySecrets } from './access-key-secrets';
import { CredentialQuota, UserCredentialSteps } from './user-credential-steps';
import { ACCESS_KEYS_PER_USER } from './user-requests';
import { UsersRepository } from './users.repository';

/**
 * A new Active key for the user. The secret is in this answer only: it is stored sealed and no
 * operation gives it back. A user has two keys at most (LimitExceeded), counted under its row lock.
 */
@Injectable()
export class CreateAccessKeyHandler implements OperationHandler<
  typeof CredentialVendingOperations.CreateAccessKey
> {
  constructor(
    @Inject(UserCredentialSteps) private readonly steps: UserCredentialSteps,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(AccessKeySecrets) private readonly secrets: AccessKeySecrets,
  ) {}

  async execute(req: OptionalUserNameRequest, meta: CommandMeta): Promise<CreateAccessKeyResult> {
    const accessKeyId = newUserAccessKeyId();
    const secretAccessKey = newSecretAccessKey();
    const createdAt = new Date();
    const quota: CredentialQuota = {
      name: 'AccessKeysPerUser',
      limit: ACCESS_KEYS_PER_USER,
      count: (userId, tx) => this.users.countAccessKeys(userId, tx),
    };
    const user = await this.steps.add(req.UserName, meta, quota, async (found, tx) => {
      await this.users.insertAccessKey(
        {
          accessKeyId,
          userId: found.userId,
          secretEnc: this.secrets.seal(accessKeyId, secretAccessKey),
          status: 'Active',
          createdAt,
          lastUsedAt: null,
          lastUsedService: null,
          lastUsedRegion: null,
        },
        tx,
      );
      return found;
    });
    return {
      AccessKey: {
        UserName: user.name,
        AccessKeyId: accessKeyId,
        Status: 'Active',
        SecretAccessKey: secretAccessKey,
        CreateDate: awsTimestamp(createdAt),
      },
    };
  }
}
