import { CommandEnvelope } from '@idfed/contracts';
import { MessageHeaders } from '../headers';
import { RequestOutcome } from '../handler-dispatch';
import { EventJournal } from './event-journal';

export type RequestListener = (
  pattern: string,
  envelope: CommandEnvelope<unknown>,
  headers: MessageHeaders,
) => Promise<RequestOutcome>;
export type EventListener = (
  topic: string,
  key: string,
  value: unknown,
  headers: MessageHeaders,
) => Promise<void>;

/**
 * The meeting point of in-process servers and clients: the embedded default's stand-in for Kafka.
 * It keeps Kafka's semantics that handlers can observe: payloads are copied (serialised) rather
 * than shared, every subscribing group gets each event once, and events of one key reach one group
 * in order.
 */
export class InProcessBus {
  /**
   * The embedded launcher's bus. Its events wait until the launcher opens it, once every service
   * has subscribed: Kafka would keep them for a consumer group that joins later, this bus cannot.
   */
  static readonly shared = new InProcessBus({ opened: false });

  private open!: () => void;
  /** Resolves when events may flow. */
  readonly opened: Promise<void>;

  constructor(options: { opened?: boolean } = {}) {
    this.opened = new Promise<void>((resolve) => (this.open = resolve));
    if (options.opened ?? true) this.open();
  }

  /** Lets events flow; call after every service has subscribed. */
  openForEvents(): void {
    this.open();
  }

  /**
   * The durable record of some topics, when the launcher keeps one (ADR 0042): a publish resolves
   * only once its events of those topics are on disk, and a broadcast subscriber asking for a
   * replay reads them back.
   */
  journal?: EventJournal;

  /** Keeps `journal` from now on (the embedded launcher, before any event flows). */
  keepJournal(journal: EventJournal): void {
    this.journal = journal;
  }

  private readonly commandServers = new Map<string, RequestListener>();
  private readonly eventGroups = new Map<string, Map<string, EventListener>>();

  /** One server per service consumes that service's commands (a single consumer group). */
  serveCommands(service: string, listener: RequestListener): void {
    this.commandServers.set(service, listener);
  }

  stopServing(service: string): void {
    this.commandServers.delete(service);
    for (const groups of this.eventGroups.values()) groups.delete(service);
  }

  subscribe(group: string, topic: string, listener: EventListener): void {
    const groups = this.eventGroups.get(topic) ?? new Map<string, EventListener>();
    groups.set(group, listener);
    this.eventGroups.set(topic, groups);
  }

  /** Removes a group's subscriptions (a broadcast subscriber closing). */
  unsubscribe(group: string): void {
    for (const groups of this.eventGroups.values()) groups.delete(group);
  }

  commandServer(service: string): RequestListener | undefined {
    return this.commandServers.get(service);
  }

  subscribers(topic: string): EventListener[] {
    return [...(this.eventGroups.get(topic)?.values() ?? [])];
  }
}

/** A JSON round trip: what Kafka does to a payload, so handlers cannot rely on shared references. */
export function copyThroughWire<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
