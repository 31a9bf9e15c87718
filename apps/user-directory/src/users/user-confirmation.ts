import { Inject, Injectable } from '@nestjs/common';
import { UserConfirmedEvent, UserDirectoryTopics } from '@idfed/contracts';
import { OutboxService } from '@idfed/messaging';
import { Transaction } from '@idfed/persistence';
import { CognitoErrors } from '../common/cognito-errors';
import { UserEntity } from '../database/entities';
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
  ): Promise<void> {
    const now = new Date();
    await this.users.update(user.sub, { status: 'CONFIRMED', attributes, updatedAt: now }, tx);
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
