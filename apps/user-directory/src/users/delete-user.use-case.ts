import { Inject, Injectable } from '@nestjs/common';
import {
  AccessTokenRequest,
  CommandMeta,
  DeleteUserResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { OutboxService } from '@idfed/messaging';
import { DataSource } from 'typeorm';
import { AccessTokenVerifier } from '../auth/access-token.verifier';
import { Members, RequestValidator } from '../common/validate';
import { deleteUserWithEvent } from './user-deletion';
import { lockUser } from './user-lookup';

/** DeleteUser: the holder of an access token deletes their own account. */
@Injectable()
export class DeleteUserUseCase implements OperationHandler<typeof UserDirectoryOperations.DeleteUser> {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(OutboxService) private readonly outbox: OutboxService,
    @Inject(AccessTokenVerifier) private readonly tokens: AccessTokenVerifier,
  ) {}

  async execute(req: AccessTokenRequest, meta: CommandMeta): Promise<DeleteUserResponse> {
    RequestValidator.of(req).string('AccessToken', Members.accessToken).check();
    const user = await this.tokens.userOf(req.AccessToken);
    await this.dataSource.transaction(async (m) => {
      const locked = await lockUser(m, user.sub);
      await deleteUserWithEvent(m, this.outbox, locked, meta.requestId);
    });
    this.outbox.nudge();
    return {};
  }
}
