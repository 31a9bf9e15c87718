import { AppClientChangedEvent, UserDirectoryTopics } from '@idfed/contracts';
import { DomainEvent } from '@idfed/messaging';
import { AppClientEntity } from '../database/entities';

/** The outbox message of an app client changed or deleted, keyed by its pool (ordered per pool). */
export function appClientChanged(
  client: Pick<AppClientEntity, 'id' | 'poolId'>,
  change: AppClientChangedEvent['change'],
  at: Date,
  correlationId: string | undefined,
): DomainEvent {
  const payload: AppClientChangedEvent = {
    userPoolId: client.poolId,
    clientId: client.id,
    change,
    occurredAt: at.toISOString(),
  };
  return { topic: UserDirectoryTopics.appClientChanged, key: client.poolId, payload, correlationId };
}
