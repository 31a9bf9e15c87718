import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { SERVICE_SCHEMA } from '@idfed/persistence';
import { Headers, MessageHeaders } from '../headers';
import { DeadLetter } from './dead-letter';
import {
  DeadLetterAction,
  DeadLetterStore,
  REPLAYED_FROM_HEADER,
  StoredDeadLetter,
} from './stored-dead-letter';

interface DeadLetterRow {
  id: string;
  consumer: string;
  source_topic: string;
  source_partition: number | null;
  source_offset: string | null;
  event_id: string | null;
  key: string;
  payload: string | null;
  headers: Record<string, string>;
  reason: string;
  attempts: number;
  dead_lettered_at: Date;
  replayed_at: Date | null;
  discarded_at: Date | null;
}

const COLUMNS = `id, consumer, source_topic, source_partition, source_offset, event_id, key, payload, headers,
  reason, attempts, dead_lettered_at, replayed_at, discarded_at`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The in-process bus's dead letter: `<schema>.dead_letters` of the consuming service. The message
 * is kept as it was handed over (payload as JSON text, headers), beside why it was given up on.
 * A redelivered event that is given up on again (the relay sent it twice) is recorded once; one
 * given up on again after an operator replayed it is waiting again, with the new reason.
 *
 * Replaying goes through the same service's outbox: the mark and the message to send commit in
 * one transaction, and the service's relay publishes it to the source topic (ADR 0013).
 */
@Injectable()
export class DeadLetterTable implements DeadLetterStore {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(SERVICE_SCHEMA) private readonly schema: string,
  ) {}

  get where(): string {
    return `${this.schema}.dead_letters`;
  }

  async record(letter: DeadLetter, payload: string | null, headers: MessageHeaders): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO "${this.schema}".dead_letters AS d
         (consumer, source_topic, source_partition, source_offset, event_id, key, payload, headers, reason, attempts)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (consumer, event_id) DO UPDATE
         SET reason = EXCLUDED.reason, attempts = EXCLUDED.attempts, dead_lettered_at = now(),
             replayed_at = NULL
         WHERE d.replayed_at IS NOT NULL`,
      [
        letter.consumer,
        letter.topic,
        letter.partition ?? null,
        letter.offset ?? null,
        letter.eventId ?? null,
        letter.key,
        payload,
        JSON.stringify(headers),
        letter.reason,
        letter.attempts,
      ],
    );
  }

  async list(): Promise<StoredDeadLetter[]> {
    const rows = await this.dataSource.query<DeadLetterRow[]>(
      `SELECT ${COLUMNS} FROM "${this.schema}".dead_letters ORDER BY id`,
    );
    return rows.map(toStored);
  }

  async replay(id: string): Promise<DeadLetterAction> {
    if (!/^\d+$/.test(id)) return { outcome: 'not-found' };
    return this.dataSource.transaction(async (m) => {
      const row = await this.lock(m, id);
      if (!row) return { outcome: 'not-found' };
      const letter = toStored(row);
      if (row.discarded_at) return { outcome: 'already-discarded', letter };
      if (row.replayed_at) return { outcome: 'already-replayed', letter };
      // The outbox takes JSON under a UUID event id; on this bus every event came from an outbox.
      if (row.payload === null) return { outcome: 'not-replayable', letter, why: 'it has no payload' };
      if (!row.event_id || !UUID.test(row.event_id)) {
        return {
          outcome: 'not-replayable',
          letter,
          why: 'it has no event id (consumers could not dedupe it)',
        };
      }
      const headers = { ...row.headers, [REPLAYED_FROM_HEADER]: `${this.where}#${row.id}` };
      await m.query(
        `INSERT INTO "${this.schema}".outbox (event_id, topic, key, payload, headers)
         VALUES ($1, $2, $3, $4::jsonb, $5) ON CONFLICT (event_id) DO NOTHING`,
        [row.event_id, row.source_topic, row.key, row.payload, JSON.stringify(headers)],
      );
      return { outcome: 'replayed', letter: await this.mark(m, id, 'replayed_at') };
    });
  }

  async discard(id: string): Promise<DeadLetterAction> {
    if (!/^\d+$/.test(id)) return { outcome: 'not-found' };
    return this.dataSource.transaction(async (m) => {
      const row = await this.lock(m, id);
      if (!row) return { outcome: 'not-found' };
      if (row.discarded_at) return { outcome: 'already-discarded', letter: toStored(row) };
      if (row.replayed_at) return { outcome: 'already-replayed', letter: toStored(row) };
      return { outcome: 'discarded', letter: await this.mark(m, id, 'discarded_at') };
    });
  }

  private async mark(
    m: EntityManager,
    id: string,
    column: 'replayed_at' | 'discarded_at',
  ): Promise<StoredDeadLetter> {
    // TypeORM answers an UPDATE on PostgreSQL with [rows, affected].
    const [rows] = await m.query<[DeadLetterRow[], number]>(
      `UPDATE "${this.schema}".dead_letters SET ${column} = now() WHERE id = $1 RETURNING ${COLUMNS}`,
      [id],
    );
    return toStored(rows[0]);
  }

  /** The row, locked until the transaction ends: two replays of one letter take turns. */
  private async lock(m: EntityManager, id: string): Promise<DeadLetterRow | undefined> {
    const [row] = await m.query<DeadLetterRow[]>(
      `SELECT ${COLUMNS} FROM "${this.schema}".dead_letters WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return row;
  }
}

function toStored(row: DeadLetterRow): StoredDeadLetter {
  const statusAt = row.discarded_at ?? row.replayed_at;
  return {
    id: String(row.id),
    consumer: row.consumer,
    sourceTopic: row.source_topic,
    sourcePartition: row.source_partition ?? undefined,
    sourceOffset: row.source_offset ?? undefined,
    key: row.key,
    eventId: row.event_id ?? row.headers[Headers.eventId],
    reason: row.reason,
    attempts: row.attempts,
    deadLetteredAt: row.dead_lettered_at.toISOString(),
    status: row.discarded_at ? 'discarded' : row.replayed_at ? 'replayed' : 'waiting',
    statusAt: statusAt?.toISOString(),
    headers: row.headers,
    value: row.payload,
  };
}
