import { Inject, Injectable } from '@nestjs/common';
import { UserDeletedEvent, UserDirectoryTopics } from '@idfed/contracts';
import { OutboxService } from '@idfed/messaging';
import { Transaction } from '@idfed/persistence';
import { UserEntity } from '../database/entities';
import { UsersRepository } from './users.repository';

/**
 * Deletes a user in the caller's transaction (codes, refresh tokens and group memberships go with
 * it, ON DELETE CASCADE) and announces `user-directory.user.deleted.v1` through the outbox.
 */
@Injectable()
export class UserDeletion {
  constructor(
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(OutboxService) private readonly outbox: OutboxService,
  ) {}

  async delete(user: UserEntity, correlationId: string, tx: Transaction): Promise<void> {
    await this.users.delete(user.sub, tx);
    const event: UserDeletedEvent = {
      userPoolId: user.poolId,
      sub: user.sub,
      username: user.username,
      occurredAt: new Date().toISOString(),
    };
    await this.outbox.add(tx, {
      topic: UserDirectoryTopics.userDeleted,
      key: user.sub,
      payload: event,
      correlationId,
    });
  }
}
