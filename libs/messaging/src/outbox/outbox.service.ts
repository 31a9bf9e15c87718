import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, QueryRunner } from 'typeorm';
import { injectTraceHeaders } from '@idfed/observability';
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
 * that caused it was committed. The relay publishes them afterwards: at once when the transaction
 * that wrote them commits in this process (the relay watches its DataSource's commits and calls
 * `committed`), else at its next poll.
 */
@Injectable()
export class OutboxService {
  private readonly listeners = new Set<() => void>();
  /** Transactions in flight that wrote an event: their commit wakes the relay. */
  private readonly writers = new WeakSet<QueryRunner>();

  constructor(@Inject(SERVICE_SCHEMA) private readonly schema: string) {}

  async add(manager: EntityManager, event: DomainEvent): Promise<string> {
    const eventId = randomUUID();
    const headers: MessageHeaders = {
      [Headers.eventId]: eventId,
      [Headers.occurredAt]: new Date().toISOString(),
      ...(event.correlationId ? { [Headers.correlationId]: event.correlationId } : {}),
    };
    // The trace of the request that wrote the event continues in its consumers (when tracing).
    injectTraceHeaders(headers);
    await manager.query(
      `INSERT INTO "${this.schema}".outbox (event_id, topic, key, payload, headers) VALUES ($1, $2, $3, $4, $5)`,
      [eventId, event.topic, event.key, JSON.stringify(event.payload), JSON.stringify(headers)],
    );
    const runner = manager.queryRunner;
    if (runner?.isTransactionActive) this.writers.add(runner);
    else this.nudge(); // no transaction: the row is already committed
    return eventId;
  }

  /**
   * A transaction committed (the outermost one: a savepoint's release leaves it active). If it
   * wrote events, the relay is woken: the commit has happened, so the relay's read sees them.
   */
  committed(runner: QueryRunner): void {
    if (runner.isTransactionActive || !this.writers.delete(runner)) return;
    this.nudge();
  }

  /** A transaction rolled back: its events are gone with it, nothing to relay. */
  rolledBack(runner: QueryRunner): void {
    if (!runner.isTransactionActive) this.writers.delete(runner);
  }

  /**
   * Wakes the relay: publish now rather than at the next poll. Commits of this process's own
   * transactions do it already (`committed`); use it when events were written some other way.
   */
  nudge(): void {
    for (const listener of this.listeners) listener();
  }

  onNudge(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
