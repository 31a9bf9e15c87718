import { Inject, Injectable } from '@nestjs/common';
import { UserDirectoryTopics, UserSignedOutEvent } from '@idfed/contracts';
import { OutboxService } from '@idfed/messaging';
import { Transaction } from '@idfed/persistence';
import { UserEntity } from '../database/entities';
import { UsersRepository } from '../users/users.repository';
import { RefreshTokensRepository } from './refresh-tokens.repository';

/** Ends sessions: global sign-out, an administrator's sign-out, disabling a user. */
@Injectable()
export class Sessions {
  constructor(
    @Inject(RefreshTokensRepository) private readonly refreshTokens: RefreshTokensRepository,
    @Inject(OutboxService) private readonly outbox: OutboxService,
    @Inject(UsersRepository) private readonly users: UsersRepository,
  ) {}

  /**
   * Ends every session of a user inside the caller's transaction: tokens issued before now stop
   * being honoured, refresh tokens are revoked, and `user-directory.user.signed-out.v1` goes out
   * through the outbox for verifiers elsewhere. Returns the instant tokens are valid after.
   */
  async endAll(tx: Transaction, user: UserEntity, correlationId: string): Promise<Date> {
    const now = new Date();
    await this.users.update(user.sub, { tokensValidAfter: now }, tx);
    const revokedSessions = await this.refreshTokens.revokeAllOf(user.sub, now, tx);
    const event: UserSignedOutEvent = {
      userPoolId: user.poolId,
      sub: user.sub,
      username: user.username,
      tokensValidAfter: now.toISOString(),
      revokedSessions,
      occurredAt: now.toISOString(),
    };
    await this.outbox.add(tx, {
      topic: UserDirectoryTopics.userSignedOut,
      key: user.sub,
      payload: event,
      correlationId,
    });
    return now;
  }
}
