import { Logger } from '@nestjs/common';
import { MessageHandler } from '@nestjs/microservices';
import { SpanKind, traceContextOf, withSpan } from '@idfed/observability';
import { BusContext } from '../bus-context';
import { attemptEvent } from '../dead-letter/attempt-event';
import { DeadLetter, reportDeadLetter } from '../dead-letter/dead-letter';
import { DeadLetterTable } from '../dead-letter/dead-letter-table';
import { EventRetryPolicy } from '../dead-letter/event-retry-policy';
import { runEventHandler } from '../handler-dispatch';
import { Headers, MessageHeaders } from '../headers';

/**
 * Handles one event the in-process bus delivers to a service: tries it as the retry policy says,
 * and gives up on it by writing it to the service's `dead_letters` table, after which the delivery
 * succeeds and the producer's outbox moves on. Until the table is attached (or if writing it
 * fails) giving up fails the delivery instead, and the producer's relay sends the event again.
 */
export class InProcessEventConsumer {
  private readonly logger = new Logger('InProcessEventConsumer');
  private stopping = false;
  private table?: DeadLetterTable;

  constructor(
    private readonly service: string,
    private readonly policy: EventRetryPolicy,
  ) {}

  recordDeadLettersIn(table: DeadLetterTable): void {
    this.table = table;
  }

  /** Ends the pauses of events being retried: their delivery fails and is relayed again later. */
  stop(): void {
    this.stopping = true;
  }

  async handle(
    handler: MessageHandler,
    topic: string,
    key: string,
    value: unknown,
    headers: MessageHeaders,
  ): Promise<void> {
    // A consumer span continuing the trace the event's headers carry (the outbox kept the
    // request's traceparent), as the Kafka consumer starts one: not the relay's own context.
    const outcome = await withSpan(
      `${this.service} ${topic}`,
      SpanKind.CONSUMER,
      { 'messaging.destination.name': topic, 'idfed.service': this.service },
      () =>
        attemptEvent(
          () => runEventHandler(handler, value, new BusContext({ delivery: 'event', topic, key, headers })),
          this.policy,
          {
            wait: (ms) => this.wait(ms),
            retrying: (attempt, failure) =>
              this.logger.warn(
                `${this.service}: ${topic} failed (${failure.kind}, attempt ${attempt}), trying again: ${failure.reason}`,
              ),
          },
        ),
      traceContextOf(headers),
    );
    if (outcome.handled) return;
    const letter: DeadLetter = {
      consumer: this.service,
      topic,
      key,
      eventId: headers[Headers.eventId],
      reason: outcome.reason,
      attempts: outcome.attempts,
    };
    if (!this.table) {
      throw new Error(`${this.service} gave up on ${topic} but has no dead-letter table: ${outcome.reason}`);
    }
    await this.table.record(letter, value === undefined ? null : JSON.stringify(value), headers);
    reportDeadLetter(letter, this.table.where);
  }

  private async wait(ms: number): Promise<void> {
    const until = Date.now() + ms;
    for (;;) {
      if (this.stopping) throw new Error(`${this.service} is stopping; the event is left for later`);
      const left = until - Date.now();
      if (left <= 0) return;
      await new Promise((resolve) => setTimeout(resolve, Math.min(200, left)));
    }
  }
}
