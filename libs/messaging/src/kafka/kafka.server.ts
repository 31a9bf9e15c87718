import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import { Consumer, EachMessagePayload, Kafka, Producer } from 'kafkajs';
import { commandTopic, deadLetterTopic, ServiceName } from '@idfed/contracts';
import { BusContext } from '../bus-context';
import { DEFAULT_EVENT_RETRY_POLICY, EventRetryPolicy } from '../dead-letter/event-retry-policy';
import { eventPatternsOf, RequestOutcome, runRequestHandler } from '../handler-dispatch';
import { Headers } from '../headers';
import {
  consumerTimings,
  createKafka,
  ensureTopics,
  firstJoin,
  headerValues,
  KafkaTransportOptions,
} from './kafka-options';
import { recoverFromCrashes } from './consumer-crashes';
import { KafkaEventConsumer } from './kafka-event-consumer';
import { ProduceBatcher } from './produce-batcher';
import { runIn, traceContextOf } from '@idfed/observability';
import { observeConsumerLag } from './kafka-metrics';

/**
 * Serves one service over Kafka. One consumer group per service (`idfed.<service>`) reads the
 * service's command topic and every event topic it has handlers for; replicas share the partitions.
 *
 * Commands are request/reply: handled concurrently (up to a bound) so one slow command does not
 * hold its partition; a command lost in a crash surfaces to its caller as a timeout, and it is safe
 * to retry because each command commits its changes in one transaction.
 * Events are handled one at a time per partition and the offset moves only after the handler
 * succeeded, so events of one key apply in order; a failure is retried, and an event that cannot
 * be handled goes to the service's dead-letter topic so the partition moves on (KafkaEventConsumer).
 */
export class KafkaServer extends Server implements CustomTransportStrategy {
  private readonly kafka: Kafka;
  private consumer?: Consumer;
  private producer?: Producer;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly replies = new ProduceBatcher(() => this.producer, 'replies');
  private stopRecovering?: () => void;
  private readonly events: KafkaEventConsumer;

  constructor(
    private readonly service: ServiceName,
    private readonly options: KafkaTransportOptions,
    private readonly maxConcurrentCommands = 64,
    eventRetry: EventRetryPolicy = DEFAULT_EVENT_RETRY_POLICY,
  ) {
    super();
    this.kafka = createKafka(options);
    this.events = new KafkaEventConsumer(service, eventRetry, () => this.producer);
  }

  async listen(callback: (err?: unknown) => void): Promise<void> {
    try {
      const requests = commandTopic(this.service);
      const events = eventPatternsOf(this);
      const deadLetters = events.length > 0 ? [deadLetterTopic(this.service)] : [];
      await ensureTopics(this.kafka, this.options, [requests, ...events, ...deadLetters]);
      this.producer = this.kafka.producer({ idempotent: true, allowAutoTopicCreation: false });
      await this.producer.connect();
      this.consumer = this.kafka.consumer({
        groupId: `idfed.${this.service}`,
        allowAutoTopicCreation: false,
        ...consumerTimings(this.options),
      });
      observeConsumerLag(this.consumer, `idfed.${this.service}`);
      const joined = firstJoin(this.consumer, this.options);
      await this.consumer.connect();
      // Commands left from before this group existed are stale; events are not: a service that
      // joins later (first deployment, a new consumer) reads the events it has not seen yet.
      await this.consumer.subscribe({ topics: [requests], fromBeginning: false });
      if (events.length > 0) await this.consumer.subscribe({ topics: events, fromBeginning: true });
      const run = () =>
        this.consumer!.run({
          partitionsConsumedConcurrently: Math.max(4, this.options.partitions),
          eachMessage: (payload) =>
            payload.topic === requests ? this.acceptCommand(payload) : this.handleEvent$(payload),
        });
      this.stopRecovering = recoverFromCrashes(this.consumer, this.options, `idfed.${this.service}`, run);
      await run();
      await joined;
      callback();
    } catch (err) {
      callback(err);
    }
  }

  private async acceptCommand(payload: EachMessagePayload): Promise<void> {
    while (this.inFlight.size >= this.maxConcurrentCommands) await Promise.race(this.inFlight);
    const work = this.handleCommand(payload).finally(() => this.inFlight.delete(work));
    this.inFlight.add(work);
  }

  private async handleCommand({ message }: EachMessagePayload): Promise<void> {
    const headers = headerValues(message.headers);
    const pattern = headers[Headers.pattern];
    const replyTopic = headers[Headers.replyTopic];
    const replyPartition = Number(headers[Headers.replyPartition]);
    if (!pattern || !replyTopic || !Number.isInteger(replyPartition)) {
      this.logger.warn(`dropping a command without routing headers on ${commandTopic(this.service)}`);
      return;
    }
    let outcome: RequestOutcome;
    const deadline = Number(headers[Headers.deadline] ?? 0);
    if (deadline && Date.now() > deadline) {
      outcome = {
        ok: false,
        error: { name: 'ServiceUnavailable', message: 'request expired before it was handled' },
      };
    } else {
      const key = message.key?.toString('utf8') ?? '';
      const ctx = new BusContext({ delivery: 'command', topic: pattern, key, headers });
      const body = JSON.parse(message.value?.toString('utf8') ?? 'null') as unknown;
      // The caller's trace context, from the headers: the service's spans join the caller's trace.
      outcome = await runIn(traceContextOf(headers), () =>
        runRequestHandler(this.getHandlerByPattern(pattern), pattern, body, ctx),
      );
    }
    try {
      await this.replies.send(replyTopic, {
        partition: replyPartition,
        value: JSON.stringify(outcome.ok ? (outcome.response ?? null) : outcome.error),
        headers: {
          [Headers.correlationId]: headers[Headers.correlationId] ?? '',
          [Headers.outcome]: outcome.ok ? 'ok' : 'error',
        },
      });
    } catch (err) {
      this.logger.error(`could not reply to ${pattern}: ${(err as Error).message}`);
    }
  }

  private async handleEvent$(payload: EachMessagePayload): Promise<void> {
    const handler = this.getHandlerByPattern(payload.topic);
    if (!handler) return;
    // Throwing here makes kafkajs read the message again (and not commit its offset).
    await this.events.handle(payload, handler);
  }

  async close(): Promise<void> {
    this.stopRecovering?.();
    this.events.stop();
    await this.consumer?.disconnect();
    await Promise.allSettled(this.inFlight);
    await this.producer?.disconnect();
  }

  on(): void {
    // Connection problems are retried by kafkajs and logged through its log creator.
  }

  unwrap<T>(): T {
    return this.kafka as T;
  }
}
