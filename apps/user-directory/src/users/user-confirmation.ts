import { Inject, Injectable } from '@nestjs/common';
import { UserConfirmedEvent, UserDirectoryTopics } from '@idfed/contracts';
import { OutboxService } from '@idfed/messaging';
import { Transaction } from '@idfed/persistence';
import { CognitoErrors } from '../common/cognito-errors';
import { UserEntity } from '../database/entities';
import { PoolConfig } from '../pools/pool-config';
import { takeAliases } from './sign-in-aliases';
import { UsersRepository } from './users.repository';

/** Marks a user confirmed and announces it, in the caller's transaction: ConfirmSignUp and AdminConfirmSignUp. */
@Injectable()
export class UserConfirmation {
  constructor(
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(OutboxService) private readonly outbox: OutboxService,
  ) {}

  async markConfirmed(
    user: UserEntity,
    attributes: Record<string, string>,
    confirmedBy: 'self' | 'admin',
    correlationId: string,
    tx: Transaction,
    pool?: { id: string; config: PoolConfig },
    forceAliasCreation = false,
  ): Promise<void> {
    const now = new Date();
    // A code proved an email or phone another user signs in with: theirs only when forced (ADR 0044).
    if (pool && forceAliasCreation) await takeAliases(this.users, pool, user.sub, attributes, tx);
    const saved = await this.users.updateClaiming(
      user.sub,
      { status: 'CONFIRMED', attributes, updatedAt: now },
      tx,
    );
    if (saved === 'alias-exists') throw CognitoErrors.aliasExistsForAttribute();
    const event: UserConfirmedEvent = {
      userPoolId: user.poolId,
      sub: user.sub,
      username: user.username,
      confirmedBy,
      occurredAt: now.toISOString(),
    };
    await this.outbox.add(tx, {
      topic: UserDirectoryTopics.userConfirmed,
      key: user.sub,
      payload: event,
      correlationId,
    });
  }
}

/** A user past confirmation, as Cognito answers ConfirmSignUp for them. */
export function cannotConfirm(user: UserEntity) {
  return CognitoErrors.notAuthorized(`User cannot be confirmed. Current status is ${user.status}`);
}
