import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, EmptyResult, UntagUserRequest } from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { Patterns, RequestValidator } from '../common/validate';
import { MAX_USER_TAGS } from './tag-user.handler';
import { validateUserName } from './user-requests';
import { UserLookup } from './user.lookup';
import { UsersRepository } from './users.repository';

/** IAM UntagUser: removes the named keys (in any case); a key the user lacks is ignored. */
@Injectable()
export class UntagUserHandler implements OperationHandler<typeof CredentialVendingOperations.UntagUser> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(UsersRepository) private readonly users: UsersRepository,
  ) {}

  async execute(req: UntagUserRequest): Promise<EmptyResult> {
    validateUserName(req);
    RequestValidator.of(req)
      .stringList('TagKeys', {
        required: true,
        maxItems: MAX_USER_TAGS,
        item: { min: 1, max: 128, pattern: Patterns.tagKey },
      })
      .check();
    await this.transactions.run(async (tx) => {
      const user = await this.lookup.require(req.UserName, tx, true);
      const removed = new Set(req.TagKeys.map((k) => k.toLowerCase()));
      const tags = user.tags.filter((t) => !removed.has(t.Key.toLowerCase()));
      if (tags.length !== user.tags.length) await this.users.setTags(user.userId, tags, tx);
    });
    return {};
  }
}
