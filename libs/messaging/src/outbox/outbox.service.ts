import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SERVICE_SCHEMA } from '@idfed/persistence';
import { Headers, MessageHeaders } from '../headers';

export interface DomainEvent {
  topic: string;
  /** The aggregate id: events of one aggregate share a partition and stay in order. */
  key: string;
  payload: object;
  correlationId?: string;
}

/**
 * Writes events in the caller's transaction, so an event exists if and only if the state change
 * that caused it was committed. The relay publishes them afterwards.
 */
@Injectable()
export class OutboxService {
  private readonly listeners = new Set<() => void>();

  constructor(@Inject(SERVICE_SCHEMA) private readonly schema: string) {}

  async add(manager: EntityManager, event: DomainEvent): Promise<string> {
    const eventId = randomUUID();
    const headers: MessageHeaders = {
      [Headers.eventId]: eventId,
      [Headers.occurredAt]: new Date().toISOString(),
      ...(event.correlationId ? { [Headers.correlationId]: event.correlationId } : {}),
    };
    await manager.query(
      `INSERT INTO "${this.schema}".outbox (event_id, topic, key, payload, headers) VALUES ($1, $2, $3, $4, $5)`,
      [eventId, event.topic, event.key, JSON.stringify(event.payload), JSON.stringify(headers)],
    );
    return eventId;
  }

  /** Tells the relay that a transaction with events has committed: publish now rather than at the next poll. */
  nudge(): void {
    for (const listener of this.listeners) listener();
  }

  onNudge(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
