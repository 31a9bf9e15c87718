import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import { BusContext } from '../bus-context';
import { DeadLetterTable } from '../dead-letter/dead-letter-table';
import { DEFAULT_EVENT_RETRY_POLICY, EventRetryPolicy } from '../dead-letter/event-retry-policy';
import { eventPatternsOf, runRequestHandler } from '../handler-dispatch';
import { Headers } from '../headers';
import { copyThroughWire, InProcessBus } from './in-process.bus';
import { InProcessEventConsumer } from './in-process-event-consumer';

/** Serves one service's commands and events from the in-process bus. */
export class InProcessServer extends Server implements CustomTransportStrategy {
  private readonly events: InProcessEventConsumer;

  constructor(
    private readonly service: string,
    private readonly bus: InProcessBus = InProcessBus.shared,
    eventRetry: EventRetryPolicy = DEFAULT_EVENT_RETRY_POLICY,
  ) {
    super();
    this.events = new InProcessEventConsumer(service, eventRetry);
  }

  /** Where events this service gives up on are kept: its schema's table, known once it has started. */
  recordDeadLettersIn(table: DeadLetterTable): void {
    this.events.recordDeadLettersIn(table);
  }

  listen(callback: () => void): void {
    this.bus.serveCommands(this.service, async (pattern, envelope, headers) => {
      const ctx = new BusContext({ delivery: 'command', topic: pattern, key: '', headers });
      const deadline = Number(headers[Headers.deadline] ?? 0);
      if (deadline && Date.now() > deadline) {
        return {
          ok: false,
          error: { name: 'ServiceUnavailable', message: 'request expired before it was handled' },
        };
      }
      const outcome = await runRequestHandler(this.getHandlerByPattern(pattern), pattern, envelope, ctx);
      return copyThroughWire(outcome);
    });
    for (const topic of eventPatternsOf(this)) {
      const handler = this.getHandlerByPattern(topic)!;
      this.bus.subscribe(this.service, topic, (t, key, value, headers) =>
        this.events.handle(handler, t, key, value, headers),
      );
    }
    callback();
  }

  close(): void {
    this.events.stop();
    this.bus.stopServing(this.service);
  }

  on(): void {
    // The in-process bus has no connection events to listen to.
  }

  unwrap<T>(): T {
    return this.bus as T;
  }
}
