import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { SERVICE_SCHEMA } from '@idfed/persistence';

/**
 * Makes an event consumer idempotent: the event id is recorded in the same transaction as the
 * consumer's own changes, so a redelivered event finds its id and is skipped, and a crash before
 * the commit leaves neither the changes nor the record.
 */
@Injectable()
export class InboxService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(SERVICE_SCHEMA) private readonly schema: string,
  ) {}

  /** Runs `apply` once per (consumer, event id); returns false when the event was already processed. */
  async processOnce(
    consumer: string,
    eventId: string,
    apply: (manager: EntityManager) => Promise<void>,
  ): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const inserted = await manager.query<unknown[]>(
        `INSERT INTO "${this.schema}".inbox (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id`,
        [consumer, eventId],
      );
      if (inserted.length === 0) return false;
      await apply(manager);
      return true;
    });
  }
}
