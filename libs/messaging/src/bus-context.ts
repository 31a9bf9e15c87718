import { BaseRpcContext } from '@nestjs/microservices';
import { InvalidMessageError } from '@idfed/contracts';
import { Headers, MessageHeaders } from './headers';

export interface BusMessageInfo {
  /** A command has a caller waiting for its reply; an event has none, and is retried instead. */
  delivery: 'command' | 'event';
  topic: string;
  key: string;
  headers: MessageHeaders;
}

/** What a handler may ask about the message it is handling, the same in both transports. */
export class BusContext extends BaseRpcContext<[BusMessageInfo]> {
  constructor(info: BusMessageInfo) {
    super([info]);
  }

  isEvent(): boolean {
    return this.args[0].delivery === 'event';
  }

  getTopic(): string {
    return this.args[0].topic;
  }

  getKey(): string {
    return this.args[0].key;
  }

  getHeaders(): MessageHeaders {
    return this.args[0].headers;
  }

  /** Events carry a unique id: the inbox records it so a redelivered event is applied once. */
  getEventId(): string {
    const id = this.args[0].headers[Headers.eventId];
    if (!id) throw new InvalidMessageError(`message on ${this.getTopic()} has no ${Headers.eventId} header`);
    return id;
  }

  getCorrelationId(): string | undefined {
    return this.args[0].headers[Headers.correlationId];
  }
}
