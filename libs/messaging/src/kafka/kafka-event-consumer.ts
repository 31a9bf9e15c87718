import { Logger } from '@nestjs/common';
import { MessageHandler } from '@nestjs/microservices';
import { EachMessagePayload, Producer } from 'kafkajs';
import { deadLetterTopic, ServiceName } from '@idfed/contracts';
import { BusContext } from '../bus-context';
import { attemptEvent } from '../dead-letter/attempt-event';
import { DeadLetter, DeadLetterHeaders, reportDeadLetter } from '../dead-letter/dead-letter';
import { MalformedEventError } from '../dead-letter/event-failure';
import { EventRetryPolicy } from '../dead-letter/event-retry-policy';
import { runEventHandler } from '../handler-dispatch';
import { Headers } from '../headers';
import { headerValues } from './kafka-options';
import { SpanKind, traceContextOf, withSpan } from '@idfed/observability';
import { timedProduce } from './kafka-metrics';

/** Between heartbeats while waiting to retry; kafkajs sends at most one per heartbeat interval. */
const WAIT_SLICE_MS = 200;

/**
 * Handles one event message of a KafkaServer's partition: tries it as the retry policy says, and
 * gives up on it by producing it to `<service>.dead-letter.v1`, after which kafkajs commits its
 * offset and the partition moves on. The pauses between tries heartbeat, so a retrying consumer
 * keeps its session (and its partitions) however short the session is.
 */
export class KafkaEventConsumer {
  private readonly logger = new Logger('KafkaEventConsumer');
  private stopping = false;

  constructor(
    private readonly service: ServiceName,
    private readonly policy: EventRetryPolicy,
    private readonly producer: () => Producer | undefined,
  ) {}

  /** Ends the pauses of events being retried: they are not committed and are read again later. */
  stop(): void {
    this.stopping = true;
  }

  async handle(payload: EachMessagePayload, handler: MessageHandler): Promise<void> {
    const { topic, partition, message } = payload;
    const headers = headerValues(message.headers);
    const key = message.key?.toString('utf8') ?? '';
    const where = `${topic}[${partition}]@${message.offset}`;
    const outcome = await withSpan(
      `${this.service} ${topic}`,
      SpanKind.CONSUMER,
      { 'messaging.destination.name': topic, 'idfed.service': this.service },
      () => this.attempt(payload, handler, headers, key, where),
      traceContextOf(headers),
    );
    if (outcome.handled) return;
    const letter: DeadLetter = {
      consumer: this.service,
      topic,
      partition,
      offset: message.offset,
      key,
      eventId: headers[Headers.eventId],
      reason: outcome.reason,
      attempts: outcome.attempts,
    };
    await this.produceDeadLetter(payload, letter);
    reportDeadLetter(letter, deadLetterTopic(this.service));
  }

  private attempt(
    payload: EachMessagePayload,
    handler: MessageHandler,
    headers: Record<string, string>,
    key: string,
    where: string,
  ) {
    const { topic, message } = payload;
    const heartbeat = () => payload.heartbeat();
    return attemptEvent(
      () =>
        runEventHandler(
          handler,
          parseValue(message.value),
          new BusContext({ delivery: 'event', topic, key, headers }),
        ),
      this.policy,
      {
        wait: (ms) => this.waitHeartbeating(ms, heartbeat),
        retrying: (attempt, failure) =>
          this.logger.warn(
            `${this.service}: ${where} failed (${failure.kind}, attempt ${attempt}), trying again: ${failure.reason}`,
          ),
      },
    );
  }

  /**
   * The original key, value and headers, plus where from and why. If this fails the error reaches
   * kafkajs, which does not commit the offset: the event is read and tried again, never dropped.
   */
  private async produceDeadLetter({ message }: EachMessagePayload, letter: DeadLetter): Promise<void> {
    const producer = this.producer();
    if (!producer) throw new Error('no producer for the dead letter');
    await timedProduce('dead-letters', () =>
      producer.send({
        topic: deadLetterTopic(this.service),
        messages: [
          {
            key: message.key,
            value: message.value,
            headers: {
              ...message.headers,
              [DeadLetterHeaders.reason]: letter.reason,
              [DeadLetterHeaders.topic]: letter.topic,
              [DeadLetterHeaders.partition]: String(letter.partition),
              [DeadLetterHeaders.offset]: String(letter.offset),
              [DeadLetterHeaders.attempts]: String(letter.attempts),
              [DeadLetterHeaders.consumer]: letter.consumer,
              [DeadLetterHeaders.at]: new Date().toISOString(),
            },
          },
        ],
      }),
    );
  }

  private async waitHeartbeating(ms: number, heartbeat: () => Promise<void>): Promise<void> {
    const until = Date.now() + ms;
    for (;;) {
      if (this.stopping) throw new Error(`${this.service} is stopping; the event is left for later`);
      const left = until - Date.now();
      if (left <= 0) return;
      await new Promise((resolve) => setTimeout(resolve, Math.min(WAIT_SLICE_MS, left)));
      await heartbeat();
    }
  }
}

/** JSON, or a malformed message; the parse error's text is not kept, as it quotes the payload. */
function parseValue(value: Buffer | null): unknown {
  if (value === null) return null;
  try {
    return JSON.parse(value.toString('utf8')) as unknown;
  } catch {
    throw new MalformedEventError('the message value is not valid JSON');
  }
}
