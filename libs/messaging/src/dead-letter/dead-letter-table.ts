import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SERVICE_SCHEMA } from '@idfed/persistence';
import { MessageHeaders } from '../headers';
import { DeadLetter } from './dead-letter';

/**
 * The in-process bus's dead letter: `<schema>.dead_letters` of the consuming service. The message
 * is kept as it was handed over (payload as JSON text, headers), beside why it was given up on.
 * A redelivered event that is given up on again (the relay sent it twice) is recorded once.
 */
@Injectable()
export class DeadLetterTable {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(SERVICE_SCHEMA) private readonly schema: string,
  ) {}

  get where(): string {
    return `${this.schema}.dead_letters`;
  }

  async record(letter: DeadLetter, payload: string | null, headers: MessageHeaders): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO "${this.schema}".dead_letters
         (consumer, source_topic, source_partition, source_offset, event_id, key, payload, headers, reason, attempts)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (consumer, event_id) DO NOTHING`,
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
}
