import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  CreateAccessKeyResult,
  CredentialVendingOperations,
  OptionalUserNameRequest,
} from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { newSecretAccessKey, newUserAccessKeyId } from '@idfed/session-credentials';
import { IamErrors } from '../common/iam-errors';
import { awsTimestamp } from '../common/timestamps';
import { AccessKeySecrets } from './access-key-secrets';
import { ACCESS_KEYS_PER_USER } from './user-requests';
import { UserLookup } from './user.lookup';
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
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(AccessKeySecrets) private readonly secrets: AccessKeySecrets,
  ) {}

  async execute(req: OptionalUserNameRequest, meta: CommandMeta): Promise<CreateAccessKeyResult> {
    const accessKeyId = newUserAccessKeyId();
    const secretAccessKey = newSecretAccessKey();
    const createdAt = new Date();
    const user = await this.transactions.run(async (tx) => {
      const found = await this.lookup.requireTarget(req.UserName, meta, tx, true);
      if ((await this.users.countAccessKeys(found.userId, tx)) >= ACCESS_KEYS_PER_USER) {
        throw IamErrors.limitExceeded('AccessKeysPerUser', ACCESS_KEYS_PER_USER);
      }
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
