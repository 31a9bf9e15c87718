import { UserDirectoryTopics, UserSignedOutEvent } from '@idfed/contracts';
import { OutboxService } from '@idfed/messaging';
import { EntityManager, IsNull } from 'typeorm';
import { RefreshTokenEntity, UserEntity } from '../database/entities';

/**
 * Ends every session of a user inside the caller's transaction: tokens issued before now stop
 * being honoured, refresh tokens are revoked, and `user-directory.user.signed-out.v1` goes out
 * through the outbox for verifiers elsewhere. Returns the instant tokens are valid after.
 */
export async function endAllSessions(
  manager: EntityManager,
  outbox: OutboxService,
  user: UserEntity,
  correlationId: string,
): Promise<Date> {
  const now = new Date();
  await manager.update(UserEntity, { sub: user.sub }, { tokensValidAfter: now });
  const live = await manager.find(RefreshTokenEntity, {
    where: { userSub: user.sub, revokedAt: IsNull() },
    select: { tokenHash: true, originJti: true },
  });
  await manager.update(RefreshTokenEntity, { userSub: user.sub, revokedAt: IsNull() }, { revokedAt: now });
  const event: UserSignedOutEvent = {
    userPoolId: user.poolId,
    sub: user.sub,
    username: user.username,
    tokensValidAfter: now.toISOString(),
    revokedSessions: [...new Set(live.map((t) => t.originJti))],
    occurredAt: now.toISOString(),
  };
  await outbox.add(manager, {
    topic: UserDirectoryTopics.userSignedOut,
    key: user.sub,
    payload: event,
    correlationId,
  });
  return now;
}
