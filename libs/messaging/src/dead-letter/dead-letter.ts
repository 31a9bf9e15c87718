import { Logger } from '@nestjs/common';
import { deadLettersTotal } from '@idfed/observability';

/** An event a consumer gave up on, with where it came from and why. */
export interface DeadLetter {
  /** The consuming service. */
  consumer: string;
  topic: string;
  /** Kafka only: where the message was. */
  partition?: number;
  offset?: string;
  key: string;
  eventId?: string;
  reason: string;
  attempts: number;
}

/** Headers the Kafka dead letter adds to the original message's own. */
export const DeadLetterHeaders = {
  reason: 'idfed-dead-letter-reason',
  topic: 'idfed-dead-letter-topic',
  partition: 'idfed-dead-letter-partition',
  offset: 'idfed-dead-letter-offset',
  attempts: 'idfed-dead-letter-attempts',
  consumer: 'idfed-dead-letter-consumer',
  at: 'idfed-dead-lettered-at',
} as const;

/**
 * Counts dead letters per consumer and topic: the Prometheus counter `idfed_dead_letters_total`
 * (libs/observability) and a copy the tests read without parsing a scrape.
 */
export class DeadLetterCounter {
  readonly name = 'idfed_dead_letters_total';
  private readonly counts = new Map<string, number>();

  inc(labels: { consumer: string; topic: string }): void {
    const key = labelKey(labels);
    deadLettersTotal.inc({ consumer: labels.consumer, topic: labels.topic });
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  /** The count for one consumer and topic, or for all of them. */
  value(labels?: { consumer: string; topic: string }): number {
    if (labels) return this.counts.get(labelKey(labels)) ?? 0;
    let total = 0;
    for (const n of this.counts.values()) total += n;
    return total;
  }

  snapshot(): { consumer: string; topic: string; value: number }[] {
    return [...this.counts].map(([key, value]) => ({
      ...(JSON.parse(key) as { consumer: string; topic: string }),
      value,
    }));
  }
}

function labelKey({ consumer, topic }: { consumer: string; topic: string }): string {
  return JSON.stringify({ consumer, topic });
}

export const deadLetters = new DeadLetterCounter();

const logger = new Logger('DeadLetter');

/**
 * Logs and counts a dead letter once it is stored. Where, why and how often only: the payload may
 * hold personal data, and it is in the dead letter for whoever is allowed to read it.
 */
export function reportDeadLetter(letter: DeadLetter, storedIn: string): void {
  deadLetters.inc({ consumer: letter.consumer, topic: letter.topic });
  const where =
    letter.partition === undefined ? letter.topic : `${letter.topic}[${letter.partition}]@${letter.offset}`;
  const id = letter.eventId ? ` (event ${letter.eventId})` : '';
  logger.error(
    `${letter.consumer} gave up on ${where}${id} after ${letter.attempts} attempt(s), moved to ${storedIn}: ${letter.reason}`,
  );
}
