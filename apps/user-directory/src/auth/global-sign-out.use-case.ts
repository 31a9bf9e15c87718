import { Inject, Injectable } from '@nestjs/common';
import {
  AccessTokenRequest,
  CommandMeta,
  GlobalSignOutResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { OutboxService } from '@idfed/messaging';
import { Transactions } from '@idfed/persistence';
import { Members, RequestValidator } from '../common/validate';
import { UserLookup } from '../users/user-lookup';
import { AccessTokenVerifier } from './access-token.verifier';
import { Sessions } from './sessions';

/** GlobalSignOut: the holder of an access token signs the user out of every device. */
@Injectable()
export class GlobalSignOutUseCase implements OperationHandler<typeof UserDirectoryOperations.GlobalSignOut> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(AccessTokenVerifier) private readonly tokens: AccessTokenVerifier,
    @Inject(OutboxService) private readonly outbox: OutboxService,
    @Inject(Sessions) private readonly sessions: Sessions,
    @Inject(UserLookup) private readonly lookup: UserLookup,
  ) {}

  async execute(req: AccessTokenRequest, meta: CommandMeta): Promise<GlobalSignOutResponse> {
    RequestValidator.of(req).string('AccessToken', Members.accessToken).check();
    const user = await this.tokens.userOf(req.AccessToken);
    await this.transactions.run(async (tx) => {
      const locked = await this.lookup.lockUser(user.sub, tx);
      await this.sessions.endAll(tx, locked, meta.requestId);
    });
    this.outbox.nudge();
    return {};
  }
}
