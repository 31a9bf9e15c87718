import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  CredentialVendingOperations,
  ListAccessKeysRequest,
  ListAccessKeysResult,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { RequestValidator } from '../common/validate';
import { awsTimestamp } from '../common/timestamps';
import { UserLookup } from './user.lookup';
import { UsersRepository } from './users.repository';

/** The user's keys without their secrets; two at most, so one page always holds them. */
@Injectable()
export class ListAccessKeysHandler implements OperationHandler<
  typeof CredentialVendingOperations.ListAccessKeys
> {
  constructor(
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(UsersRepository) private readonly users: UsersRepository,
  ) {}

  async execute(req: ListAccessKeysRequest, meta: CommandMeta): Promise<ListAccessKeysResult> {
    RequestValidator.of(req)
      .string('Marker', { min: 1, max: 320 })
      .integer('MaxItems', { min: 1, max: 1000 })
      .check();
    const user = await this.lookup.requireTarget(req.UserName, meta);
    const keys = await this.users.accessKeysOf(user.userId);
    const max = req.MaxItems ?? keys.length;
    const page = keys.slice(0, max);
    return {
      AccessKeyMetadata: page.map((k) => ({
        UserName: user.name,
        AccessKeyId: k.accessKeyId,
        Status: k.status,
        CreateDate: awsTimestamp(k.createdAt),
      })),
      IsTruncated: keys.length > max,
    };
  }
}
