import { UserConfirmedEvent, UserDirectoryTopics } from '@idfed/contracts';
import { OutboxService } from '@idfed/messaging';
import { EntityManager } from 'typeorm';
import { CognitoErrors } from '../common/cognito-errors';
import { UserEntity } from '../database/entities';

/** Marks a user confirmed and announces it, in the caller's transaction: ConfirmSignUp and AdminConfirmSignUp. */
export async function markConfirmed(
  m: EntityManager,
  outbox: OutboxService,
  user: UserEntity,
  attributes: Record<string, string>,
  confirmedBy: 'self' | 'admin',
  correlationId: string,
): Promise<void> {
  const now = new Date();
  await m.update(UserEntity, { sub: user.sub }, { status: 'CONFIRMED', attributes, updatedAt: now });
  const event: UserConfirmedEvent = {
    userPoolId: user.poolId,
    sub: user.sub,
    username: user.username,
    confirmedBy,
    occurredAt: now.toISOString(),
  };
  await outbox.add(m, {
    topic: UserDirectoryTopics.userConfirmed,
    key: user.sub,
    payload: event,
    correlationId,
  });
}

/** A user past confirmation, as Cognito answers ConfirmSignUp for them. */
export function cannotConfirm(user: UserEntity) {
  return CognitoErrors.notAuthorized(`User cannot be confirmed. Current status is ${user.status}`);
}
