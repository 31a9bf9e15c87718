import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, EmptyResult, TagUserRequest } from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { IamErrors } from '../common/iam-errors';
import { RequestValidator } from '../common/validate';
import { TagRecord } from '../database/entities';
import { validateUserName } from './user-requests';
import { UserLookup } from './user.lookup';
import { UsersRepository } from './users.repository';
import { refuseReservedTagKeys } from '../common/iam-tags';

/** IAM's quota of tags per user. */
export const MAX_USER_TAGS = 50;

/**
 * IAM TagUser: adds tags to a user, a key already there (in any case, case kept) taking the new
 * value; more than 50 in all is LimitExceeded. A user's tags are its `aws:PrincipalTag/<key>` in
 * the decisions of its requests (ADR 0046).
 */
@Injectable()
export class TagUserHandler implements OperationHandler<typeof CredentialVendingOperations.TagUser> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(UsersRepository) private readonly users: UsersRepository,
  ) {}

  async execute(req: TagUserRequest): Promise<EmptyResult> {
    validateUserName(req);
    RequestValidator.of(req).tags().check();
    if (!Array.isArray(req.Tags)) throw IamErrors.validation('Tags is required.');
    refuseReservedTagKeys(req.Tags);
    await this.transactions.run(async (tx) => {
      const user = await this.lookup.require(req.UserName, tx, true);
      const added = req.Tags.map((t): TagRecord => ({ Key: t.Key, Value: t.Value ?? '' }));
      const addedKeys = new Set(added.map((t) => t.Key.toLowerCase()));
      const tags = [...user.tags.filter((t) => !addedKeys.has(t.Key.toLowerCase())), ...added];
      if (tags.length > MAX_USER_TAGS) throw IamErrors.limitExceeded('TagsPerUser', MAX_USER_TAGS);
      await this.users.setTags(user.userId, tags, tx);
    });
    return {};
  }
}
