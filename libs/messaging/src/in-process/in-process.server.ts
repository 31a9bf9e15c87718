import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import { BusContext } from '../bus-context';
import { eventPatternsOf, runEventHandler, runRequestHandler } from '../handler-dispatch';
import { Headers } from '../headers';
import { copyThroughWire, InProcessBus } from './in-process.bus';

/** Serves one service's commands and events from the in-process bus. */
export class InProcessServer extends Server implements CustomTransportStrategy {
  constructor(
    private readonly service: string,
    private readonly bus: InProcessBus = InProcessBus.shared,
  ) {
    super();
  }

  listen(callback: () => void): void {
    this.bus.serveCommands(this.service, async (pattern, envelope, headers) => {
      const ctx = new BusContext({ topic: pattern, key: '', headers });
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
        runEventHandler(handler, value, new BusContext({ topic: t, key, headers })),
      );
    }
    callback();
  }

  close(): void {
    this.bus.stopServing(this.service);
  }

  on(): void {
    // The in-process bus has no connection events to listen to.
  }

  unwrap<T>(): T {
    return this.bus as T;
  }
}
