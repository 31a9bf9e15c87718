import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  CredentialVendingOperations,
  OptionalUserNameRequest,
  UserResult,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { IamArns } from '../common/arns';
import { awsTimestamp } from '../common/timestamps';
import { UserLookup } from './user.lookup';
import { UsersRepository } from './users.repository';
import { toUser } from './user-shape';

/**
 * The named user; without UserName the caller: the IAM user whose key signed it, or for the admin
 * key the account root as AWS answers it (the account id as UserId, `arn:aws:iam::<account>:root`,
 * the account's CreateDate, no UserName or Path).
 */
@Injectable()
export class GetUserHandler implements OperationHandler<typeof CredentialVendingOperations.GetUser> {
  constructor(
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(IamArns) private readonly arns: IamArns,
  ) {}

  async execute(req: OptionalUserNameRequest, meta: CommandMeta): Promise<UserResult> {
    const user = await this.lookup.target(req.UserName, meta);
    if (user) return { User: toUser(user) };
    const root = {
      UserId: this.arns.accountId,
      Arn: this.arns.root(),
      CreateDate: awsTimestamp(await this.users.accountCreatedAt()),
    };
    return { User: root as UserResult['User'] };
  }
}
