import { UserDeletedEvent, UserDirectoryTopics } from '@idfed/contracts';
import { OutboxService } from '@idfed/messaging';
import { EntityManager } from 'typeorm';
import { UserEntity } from '../database/entities';

/**
 * Deletes a user in the caller's transaction (codes and refresh tokens go with it, ON DELETE
 * CASCADE) and announces `user-directory.user.deleted.v1` through the outbox.
 */
export async function deleteUserWithEvent(
  manager: EntityManager,
  outbox: OutboxService,
  user: UserEntity,
  correlationId: string,
): Promise<void> {
  await manager.delete(UserEntity, { sub: user.sub });
  const event: UserDeletedEvent = {
    userPoolId: user.poolId,
    sub: user.sub,
    username: user.username,
    occurredAt: new Date().toISOString(),
  };
  await outbox.add(manager, {
    topic: UserDirectoryTopics.userDeleted,
    key: user.sub,
    payload: event,
    correlationId,
  });
}
