import { Inject, Injectable } from '@nestjs/common';
import {
  AccessTokenRequest,
  CommandMeta,
  GlobalSignOutResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { OutboxService } from '@idfed/messaging';
import { DataSource } from 'typeorm';
import { Members, RequestValidator } from '../common/validate';
import { lockUser } from '../users/user-lookup';
import { AccessTokenVerifier } from './access-token.verifier';
import { endAllSessions } from './sessions';

/** GlobalSignOut: the holder of an access token signs the user out of every device. */
@Injectable()
export class GlobalSignOutUseCase implements OperationHandler<typeof UserDirectoryOperations.GlobalSignOut> {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AccessTokenVerifier) private readonly tokens: AccessTokenVerifier,
    @Inject(OutboxService) private readonly outbox: OutboxService,
  ) {}

  async execute(req: AccessTokenRequest, meta: CommandMeta): Promise<GlobalSignOutResponse> {
    RequestValidator.of(req).string('AccessToken', Members.accessToken).check();
    const user = await this.tokens.userOf(req.AccessToken);
    await this.dataSource.transaction(async (m) => {
      const locked = await lockUser(m, user.sub);
      await endAllSessions(m, this.outbox, locked, meta.requestId);
    });
    this.outbox.nudge();
    return {};
  }
}
