import { Inject, Injectable } from '@nestjs/common';
import {
  AccessTokenRequest,
  CommandMeta,
  DeleteUserResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { OutboxService } from '@idfed/messaging';
import { Transactions } from '@idfed/persistence';
import { AccessTokenVerifier } from '../auth/access-token.verifier';
import { Members, RequestValidator } from '../common/validate';
import { UserDeletion } from './user-deletion';
import { UserLookup } from './user-lookup';

/** DeleteUser: the holder of an access token deletes their own account. */
@Injectable()
export class DeleteUserUseCase implements OperationHandler<typeof UserDirectoryOperations.DeleteUser> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(UserDeletion) private readonly deletion: UserDeletion,
    @Inject(OutboxService) private readonly outbox: OutboxService,
    @Inject(AccessTokenVerifier) private readonly tokens: AccessTokenVerifier,
  ) {}

  async execute(req: AccessTokenRequest, meta: CommandMeta): Promise<DeleteUserResponse> {
    RequestValidator.of(req).string('AccessToken', Members.accessToken).check();
    const user = await this.tokens.userOf(req.AccessToken);
    await this.transactions.run(async (tx) => {
      const locked = await this.lookup.lockUser(user.sub, tx);
      await this.deletion.delete(locked, meta.requestId, tx);
    });
    this.outbox.nudge();
    return {};
  }
}
